// SPDX-License-Identifier: MIT
#include "demo/synthetic.hpp"

#include <array>
#include <stdexcept>

namespace eb::demo {

namespace {

// Made-up people: these lists only make the data look like a Swedish unit's caseload.
constexpr std::array<std::string_view, 64> k_women{
    "Anna",     "Maria",  "Eva",     "Karin", "Sara",  "Emma",     "Elin",    "Linnea",  "Johanna",   "Sofia",
    "Ida",      "Malin",  "Jenny",   "Hanna", "Lena",  "Kristina", "Camilla", "Therese", "Frida",     "Matilda",
    "Amanda",   "Julia",  "Wilma",   "Alva",  "Ebba",  "Maja",     "Elsa",    "Agnes",   "Nora",      "Stina",
    "Ulrika",   "Helena", "Petra",   "Åsa",   "Märta", "Sanna",    "Fatima",  "Amina",   "Leila",     "Yasmin",
    "Mariam",   "Aisha",  "Zeynep",  "Nadia", "Hodan", "Fardowsa", "Dragana", "Jelena",  "Agnieszka", "Olga",
    "Tigist",   "Samira", "Rania",   "Noor",  "Hiba",  "Layla",    "Shirin",  "Parisa",  "Ayaan",     "Ingrid",
    "Birgitta", "Linda",  "Josefin", "Tove"};
constexpr std::array<std::string_view, 64> k_men{
    "Erik",    "Lars",      "Karl",    "Anders", "Johan",    "Per",    "Mikael", "Jan",    "Peter",   "Daniel",
    "Fredrik", "Andreas",   "Mattias", "Jonas",  "Magnus",   "Niklas", "Oskar",  "Viktor", "Gustav",  "Axel",
    "Elias",   "Hugo",      "Liam",    "Noah",   "William",  "Filip",  "Emil",   "Lukas",  "Isak",    "Olle",
    "Stefan",  "Håkan",     "Björn",   "Göran",  "Mohammed", "Ali",    "Ahmed",  "Hassan", "Omar",    "Yusuf",
    "Ibrahim", "Mustafa",   "Abdi",    "Khalid", "Amir",     "Reza",   "Dawit",  "Milan",  "Dragan",  "Piotr",
    "Tomasz",  "Aleksandr", "Samir",   "Karim",  "Hamza",    "Adam",   "Musa",   "Jamal",  "Tesfaye", "Sven",
    "Nils",    "Tobias",    "Kevin",   "Marcus"};
constexpr std::array<std::string_view, 80> k_surnames{
    "Andersson",   "Johansson",  "Karlsson",   "Nilsson",   "Eriksson",  "Larsson",    "Olsson",    "Persson",
    "Svensson",    "Gustafsson", "Pettersson", "Jonsson",   "Jansson",   "Hansson",    "Bengtsson", "Jönsson",
    "Lindberg",    "Jakobsson",  "Magnusson",  "Olofsson",  "Lindström", "Lindqvist",  "Lindgren",  "Berg",
    "Axelsson",    "Bergström",  "Lundberg",   "Lind",      "Lundgren",  "Lundqvist",  "Mattsson",  "Berglund",
    "Fredriksson", "Sandberg",   "Henriksson", "Forsberg",  "Sjöberg",   "Wallin",     "Engström",  "Eklund",
    "Danielsson",  "Lundin",     "Håkansson",  "Björk",     "Bergman",   "Gunnarsson", "Holm",      "Wikström",
    "Samuelsson",  "Isaksson",   "Fransson",   "Bergqvist", "Nyström",   "Holmberg",   "Arvidsson", "Löfgren",
    "Söderberg",   "Nyberg",     "Blomqvist",  "Claesson",  "Mohammed",  "Ali",        "Ahmed",     "Hassan",
    "Hussein",     "Omar",       "Abdullahi",  "Yusuf",     "Ibrahim",   "Osman",      "Jovanović", "Petrović",
    "Nowak",       "Kowalski",   "Yilmaz",     "Demir",     "Haddad",    "Karimi",     "Hosseini",  "Tesfay"};

constexpr std::array<std::string_view, 48> k_street_stems{
    "Björk",   "Tall",   "Gran",   "Ek",    "Lind",   "Alm",  "Asp",    "Rönn",   "Hassel", "Lönn",   "Sjö",   "Ström",
    "Berg",    "Dal",    "Äng",    "Skog",  "Kvarn",  "Kyrk", "Skol",   "Stor",   "Lill",   "Väster", "Öster", "Park",
    "Ring",    "Hamn",   "Bruks",  "Tegel", "Smed",   "Sol",  "Stjärn", "Fågel",  "Tran",   "Svan",   "Lärk",  "Vipe",
    "Blåbärs", "Lingon", "Vinter", "Vår",   "Sommar", "Höst", "Frö",    "Klöver", "Vallmo", "Syren",  "Måns",  "Bagar"};
constexpr std::array<std::string_view, 6> k_street_kinds{"gatan", "vägen", "stigen", "gränd", "backen", "allén"};
constexpr std::array<std::string_view, 3> k_entrances{"", " A", " B"};
constexpr std::uint64_t k_streets = k_street_stems.size() * k_street_kinds.size();  // 288
constexpr std::uint64_t k_numbers = 99;
constexpr std::uint64_t k_flats = 24;  // lgh 1101–1104 … 1601–1604: six floors, four doors
constexpr std::uint64_t k_city_addresses = k_streets * k_numbers * k_entrances.size() * k_flats;
// The district's city first; the others only when a national-size run needs more flats. Each
// has its postcodes' first two digits.
struct City {
  std::string_view name;
  int postcode;
};
constexpr std::array<City, 10> k_cities{{{"Stockholm", 12},
                                         {"Göteborg", 41},
                                         {"Malmö", 21},
                                         {"Uppsala", 75},
                                         {"Västerås", 72},
                                         {"Örebro", 70},
                                         {"Linköping", 58},
                                         {"Helsingborg", 25},
                                         {"Jönköping", 55},
                                         {"Norrköping", 60}}};
constexpr std::uint64_t k_address_count = k_city_addresses * k_cities.size();
// A prime that does not divide k_city_addresses (2^? × 3^? × 11): i ↦ i × k_scatter mod the
// count is a bijection.
constexpr std::uint64_t k_scatter = 1'000'003;

std::string two_digits(int v) {
  return std::string(1, static_cast<char>('0' + v / 10)) + static_cast<char>('0' + v % 10);
}

std::string digits_of(std::uint64_t v, int width) {
  std::string s(static_cast<std::size_t>(width), '0');
  for (int i = width - 1; i >= 0; --i) {
    s[static_cast<std::size_t>(i)] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
  return s;
}

// Luhn (modulus 10) check digit of `digits`, weights 2, 1, 2, … from the right.
int mod10_check(std::string_view digits) {
  int sum = 0;
  bool twice = true;
  for (std::size_t i = digits.size(); i-- > 0;) {
    int v = (digits[i] - '0') * (twice ? 2 : 1);
    sum += v > 9 ? v - 9 : v;
    twice = !twice;
  }
  return (10 - sum % 10) % 10;
}

// The modulus 11 check digit of `digits` (weights 1, 2, …, 10 from the right, the check digit
// weighing 1), or 10 when no digit works.
int mod11_check(std::string_view digits) {
  int sum = 0;
  int weight = 2;
  for (std::size_t i = digits.size(); i-- > 0;) {
    sum += (digits[i] - '0') * weight;
    weight = weight == 10 ? 1 : weight + 1;
  }
  return (11 - sum % 11) % 11;
}

// `body` scattered over [0, `modulus`) by an odd multiplier that is no multiple of 5 (a
// bijection for powers of ten), offset by the seed.
std::uint64_t scattered(std::uint64_t key, std::uint64_t seed, std::uint64_t modulus) {
  return (key % modulus * 7'654'321 + seed % modulus) % modulus;
}

std::string swedbank(std::uint64_t key, std::uint64_t seed) {
  static constexpr std::array<int, 8> k_clearing{8105, 8214, 8327, 8381, 8422, 8480, 8901, 8950};
  const std::string clearing = std::to_string(k_clearing[key % k_clearing.size()]);
  const std::string body = digits_of(scattered(key, seed, 1'000'000'000), 9);
  const std::string number = body + static_cast<char>('0' + mod10_check(body));
  return clearing + "-" + static_cast<char>('0' + mod10_check(clearing)) + ", " + number.substr(0, 3) + " " +
         number.substr(3, 3) + " " + number.substr(6, 3) + "-" + number.substr(9);
}

}  // namespace

std::string_view first_name(Rng& rng, person::Sex sex) {
  if (sex == person::Sex::woman) return k_women[rng.below(k_women.size())];
  return k_men[rng.below(k_men.size())];
}

std::string_view last_name(Rng& rng) {
  return k_surnames[rng.below(k_surnames.size())];
}

person::Personnummer PersonnummerPool::issue(Rng& rng, period::Date birth, person::Sex sex, bool samordning) {
  const std::string date =
      std::to_string(birth.year()) + two_digits(birth.month()) + two_digits(birth.day() + (samordning ? 60 : 0));
  for (int attempt = 0; attempt < 100'000; ++attempt) {
    // The birth number: two free digits and a third whose parity is the sex (odd for men).
    const int birth_number = static_cast<int>(rng.below(100));
    const int sex_digit = static_cast<int>(rng.below(5)) * 2 + (sex == person::Sex::man ? 1 : 0);
    const std::string eleven = date + two_digits(birth_number) + static_cast<char>('0' + sex_digit);
    if (!m_issued.insert(std::stoull(eleven)).second) continue;
    const int check = person::luhn_check_digit(std::string_view(eleven).substr(2));
    return person::parse_personnummer(eleven + static_cast<char>('0' + check), "pnr");
  }
  // 500 numbers per birth date and sex: a district never comes near.
  throw std::length_error("PersonnummerPool: every number for " + date + " is issued");
}

std::string synthetic_account(std::uint64_t key, std::uint64_t seed, int bank_pick,
                              const person::Personnummer& holder) {
  if (bank_pick < 350) return swedbank(key, seed);
  if (bank_pick < 530) {  // Handelsbanken: 9 digits, modulus 11 over the account number
    if (key >= 100'000'000) return swedbank(key, seed);
    const std::string clearing = std::to_string(6000 + scattered(key, seed, 1000));
    const std::string body = digits_of(scattered(key, seed, 100'000'000), 8);
    const int check = mod11_check(body);
    if (check == 10) return swedbank(key, seed);
    const std::string number = body + static_cast<char>('0' + check);
    return clearing + ", " + number.substr(0, 3) + " " + number.substr(3, 3) + " " + number.substr(6);
  }
  if (bank_pick < 730) {  // Nordea personkonto: clearing 3300, the number is the personnummer
    if (holder.is_samordningsnummer()) return swedbank(key, seed);
    const std::string& d = holder.digits();
    return "3300, " + d.substr(2, 6) + "-" + d.substr(8);
  }
  // SEB, ICA Banken and Länsförsäkringar: 7 digits, modulus 11 over (part of) the clearing and
  // the account number; the clearing number carries the key's millions, so numbers stay unique.
  const bool seb = bank_pick < 900, ica = bank_pick < 950;
  const std::uint64_t millions = key / 1'000'000;
  const std::uint64_t clearing_value = seb ? 5000 + millions % 1000 : (ica ? 9270 : 9020) + millions % 10;
  if ((!seb && millions >= 10) || (seb && millions >= 1000)) return swedbank(key, seed);
  const std::string clearing = std::to_string(clearing_value);
  const std::string body = digits_of(scattered(key % 1'000'000, seed, 1'000'000), 6);
  // Comment 1 weighs the clearing's last three digits, comment 2 (Länsförsäkringar 9020) all four.
  const int check = mod11_check((seb || ica ? clearing.substr(1) : clearing) + body);
  if (check == 10) return swedbank(key, seed);
  const std::string number = body + static_cast<char>('0' + check);
  return clearing + " " + number.substr(0, 3) + " " + number.substr(3, 2) + " " + number.substr(5);
}

std::string synthetic_address(std::uint64_t dwelling, std::uint64_t seed) {
  if (dwelling >= k_address_count) throw std::out_of_range("synthetic_address: no more addresses");
  const City& city = k_cities[dwelling / k_city_addresses];
  std::uint64_t i = (dwelling % k_city_addresses * k_scatter + seed % k_city_addresses) % k_city_addresses;
  const std::uint64_t flat = i % k_flats;
  i /= k_flats;
  const std::uint64_t entrance = i % k_entrances.size();
  i /= k_entrances.size();
  const std::uint64_t number = i % k_numbers + 1;
  const std::uint64_t street = i / k_numbers;
  const std::string name = std::string(k_street_stems[street % k_street_stems.size()]) +
                           std::string(k_street_kinds[street / k_street_stems.size()]);
  const int lgh = 1000 + static_cast<int>(flat / 4 + 1) * 100 + static_cast<int>(flat % 4 + 1);
  // One postcode per street (in Stockholm the 12x xx range of the southern districts).
  const std::string postcode =
      std::to_string(city.postcode) + std::to_string(street % 10) + " " + std::to_string(10 + (street * 37) % 90);
  return name + " " + std::to_string(number) + std::string(k_entrances[entrance]) + " lgh " + std::to_string(lgh) +
         ", " + postcode + " " + std::string(city.name);
}

std::uint64_t synthetic_address_count() {
  return k_address_count;
}

}  // namespace eb::demo
