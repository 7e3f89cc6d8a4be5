// SPDX-License-Identifier: MIT
#include "norms/norm_set.hpp"

#include "common/error.hpp"

namespace eb::norms {

std::string_view status_name(NormStatus s) {
  switch (s) {
    case NormStatus::official:
      return "official";
    case NormStatus::municipal:
      return "municipal";
    case NormStatus::derived:
      return "derived";
    case NormStatus::estimate:
      return "estimate";
    case NormStatus::preliminary:
      return "preliminary";
  }
  return "?";
}

const ChildBand* NormSet::band_for_age(int age) const {
  for (const auto& b : bands) {
    if (b.min_age <= age && age <= b.max_age) return &b;
  }
  return nullptr;
}

Money NormSet::common_for(int persons) const {
  if (persons < 1 || common.size() < 2)
    throw NormError(id + ": no common household costs for " + std::to_string(persons) + " persons",
                    ExitCode::not_found);
  const auto n = static_cast<std::size_t>(persons);
  if (n <= common.size()) return common[n - 1];
  const Money step = common[common.size() - 1] - common[common.size() - 2];
  return common.back() + step * static_cast<std::int64_t>(n - common.size());
}

const std::string* NormSet::find_ref(std::string_view key, period::Date day) const {
  for (const auto& r : refs) {
    if (r.key == key && r.covers(day)) return &r.text;
  }
  return nullptr;
}

const std::string& NormSet::ref(std::string_view key, period::Date day) const {
  if (const std::string* found = find_ref(key, day)) return *found;
  throw NormError(id + ": no statute reference '" + std::string(key) + "' valid on " + day.to_string(),
                  ExitCode::invalid_input);
}

const std::vector<std::string>& required_ref_keys() {
  static const std::vector<std::string> keys{"norm_personal", "norm_common", "common_share",      "cost",
                                             "other_need",    "income",      "children_earnings", "jobbstimulans",
                                             "payable"};
  return keys;
}

const std::vector<std::string>& optional_ref_keys() {
  static const std::vector<std::string> keys{"large_household", "norm_ceiling", "second_hand_rent", "norm_raise",
                                             "norm_common_large"};
  return keys;
}

}  // namespace eb::norms
