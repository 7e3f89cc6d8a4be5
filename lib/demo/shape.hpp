// SPDX-License-Identifier: MIT
// The shape of a district: the figures of the seed units (../shared/seeds/) the generator aims
// at, as parameters rather than code, so a unit can describe its own caseload.
#pragma once

#include <array>
#include <string>
#include <vector>

namespace eb::demo {

// What an adult with a given försörjningshinder lives on besides försörjningsstöd.
enum class Livelihood { unemployed, sick, social_medical, working, parental_leave };

// One försörjningshinder code, its share of the adults (per mille), and what it means for income.
struct HinderShare {
  std::string code;
  int per_mille = 0;
  Livelihood livelihood = Livelihood::unemployed;
};

struct DistrictShape {
  // Household types, per mille of households. Seed 003 (a Stockholm district, 2012): 505
  // households a month with 526 adults and "drygt 180 barn", "övervägande delen ensamhushåll":
  // 1.04 adults and 0.36 children per household.
  int single_adult = 788;
  int single_parent = 170;
  int couple = 20;
  int couple_with_children = 22;
  // Children in a family household: 1, 2, 3, 4 or 5, per mille (a mean of 1.9).
  std::array<int, 5> children = {450, 330, 150, 50, 20};

  // Försörjningshinder per adult. Seed 003, November 2012: arbetslöshet 48 %, sjukskrivna 23 %,
  // social/medicinska skäl 22 %; the other 7 % are split here between people working with too
  // little income and parents on leave (an adult without children who draws parental leave
  // gets the working code instead). UNCONFIRMED: the codes must match the dated code list of
  // reports.md (Socialstyrelsen's register, HSLF-FS 2015:30 bilaga 1) once it is a data file.
  std::vector<HinderShare> hinder = {{"arbetslos", 480, Livelihood::unemployed},
                                     {"sjukskriven", 230, Livelihood::sick},
                                     {"sociala_medicinska_skal", 220, Livelihood::social_medical},
                                     {"arbetar_otillracklig_inkomst", 40, Livelihood::working},
                                     {"foraldraledig", 30, Livelihood::parental_leave}};
  // Among the unemployed: aktivitetsstöd 42 %, no ersättning from an a-kassa 52 % (seed 003);
  // the rest (6 %) get a low a-kassa. Among the sick: 85 % have no sjukpenning (seed 003).
  int unemployed_aktivitetsstod = 420;
  int unemployed_a_kassa = 60;
  int sick_with_sjukpenning = 150;

  // The long-term core: per mille of the places (households a month) held by households that
  // stay a year or more. Seed 003/004: "andel vuxna med långvarigt ekonomiskt bistånd" 0.5 % of
  // all adults, where all persons with bistånd are 0.92 % of the population: about 58 % of the
  // adults with bistånd in a month are long-term (at least 10 months in the year, Socialstyrelsen).
  int core_places = 600;
  // Monthly chance that a household of the core leaves, per mille, after its first 10 months.
  int core_exit = 22;
  // Monthly chance that a short-spell household leaves after its first month, per mille; short
  // spells end within 11 months. With the core this gives about 6.5 months per household and
  // year (Socialstyrelsen: 6.6 in 2012; Stockholm 2017: 101 580 ÷ 14 572 = 7.0).
  int short_exit = 120;

  // Adults with a samordningsnummer (newly arrived, not yet folkbokförda), per mille.
  int samordningsnummer = 30;
  // Households paid by bank transfer (the rest by avi), per mille.
  int with_account = 850;

  // Rents, benefits and costs are written at 2026 levels and scaled to other years by this
  // yearly index, per mille (Stockholm rents and prices rose by roughly 2–4 % a year).
  int price_year = 2026;
  int yearly_index = 1025;
};

}  // namespace eb::demo
