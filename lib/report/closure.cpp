// SPDX-License-Identifier: MIT
#include "report/closure.hpp"

#include <array>

namespace eb::report {

namespace {

struct ReasonInfo {
  ClosureReason reason;
  std::string_view name;
  std::string_view label;
};
constexpr std::array<ReasonInfo, 6> k_info{{
    {ClosureReason::work, "work", "arbete"},
    {ClosureReason::studies, "studies", "studier"},
    {ClosureReason::another_benefit, "another_benefit", "annan ersättning"},
    {ClosureReason::moved, "moved", "flyttat"},
    {ClosureReason::deceased, "deceased", "avliden"},
    {ClosureReason::other, "other", "annat"},
}};

const ReasonInfo& info(ClosureReason r) {
  for (const auto& i : k_info) {
    if (i.reason == r) return i;
  }
  return k_info.back();
}

}  // namespace

std::string_view closure_reason_name(ClosureReason r) {
  return info(r).name;
}

std::optional<ClosureReason> closure_reason_from(std::string_view code) {
  for (const auto& i : k_info) {
    if (i.name == code) return i.reason;
  }
  return std::nullopt;
}

std::string_view closure_reason_label(ClosureReason r) {
  return info(r).label;
}

}  // namespace eb::report
