// SPDX-License-Identifier: MIT
// Synthetic identities for the demo district: names, personnummer, bank accounts and addresses
// that pass eb's own checks but belong to nobody.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>

#include "demo/rng.hpp"
#include "period/date.hpp"
#include "person/personnummer.hpp"

namespace eb::demo {

// A first name for a person of `sex`: common Swedish names and names common among people who
// came to Sweden later in life, as in the units' populations. Never empty.
std::string_view first_name(Rng& rng, person::Sex sex);
// A surname from the same mix. Never empty.
std::string_view last_name(Rng& rng);

// Personnummer with a valid check digit (Luhn over the last ten digits, SKV 704), each issued
// once: the pool remembers every number it gave out.
class PersonnummerPool {
 public:
  // A new number for someone born on `birth` of `sex`: a samordningsnummer (day + 60) when
  // `samordning`. The birth number is drawn from `rng`; a number already issued is drawn again.
  person::Personnummer issue(Rng& rng, period::Date birth, person::Sex sex, bool samordning);
  std::size_t size() const { return m_issued.size(); }

 private:
  std::unordered_set<std::uint64_t> m_issued;  // the first eleven digits
};

// The bank account of household `key` (unique per household for `key` < 10^9), written as a
// person would: Swedbank, Handelsbanken, SEB, ICA Banken, Länsförsäkringar, or a Nordea
// personkonto whose number is `holder`'s personnummer. `bank_pick` (0–999) chooses the bank by
// its share; `seed` scatters the numbers. Every account passes pay::parse_bank_account.
std::string synthetic_account(std::uint64_t key, std::uint64_t seed, int bank_pick, const person::Personnummer& holder);

// The folkbokföringsadress of dwelling `dwelling` (one flat: street, number, entrance, lgh,
// postcode, city), a different one for every `dwelling` below synthetic_address_count(), e.g.
// "Björkvägen 12 B lgh 1102, 124 37 Stockholm": the first 2 052 864 in Stockholm, then other
// cities. `seed` scatters the flats over the streets. Throws std::out_of_range beyond the count.
std::string synthetic_address(std::uint64_t dwelling, std::uint64_t seed);
// How many distinct addresses synthetic_address gives.
std::uint64_t synthetic_address_count();

}  // namespace eb::demo
