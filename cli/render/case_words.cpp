// SPDX-License-Identifier: MIT
#include "render/case_words.hpp"

#include <array>
#include <utility>

#include "decide/repayment.hpp"

namespace eb::cli {

namespace {

using Pair = std::pair<std::string_view, std::string_view>;

std::string looked_up(std::string_view code, const std::array<Pair, 3>& words) {
  for (const auto& [en, sv] : words) {
    if (code == en) return std::string(sv);
  }
  return std::string(code);
}

}  // namespace

std::string status_sv(std::string_view status) {
  return looked_up(status, {{{"received", "inkommen"}, {"assessed", "beräknad"}, {"decided", "beslutad"}}});
}

std::string kind_sv(std::string_view kind) {
  return looked_up(kind, {{{"new", "ny"}, {"renewal", "förnyad"}, {"supplement", "tillägg"}}});
}

std::string_view norm_status_sv(norms::NormStatus status) {
  switch (status) {
    case norms::NormStatus::official:
      return "officiell";
    case norms::NormStatus::municipal:
      return "kommunal";
    case norms::NormStatus::derived:
      return "härledd";
    case norms::NormStatus::estimate:
      return "uppskattning";
    case norms::NormStatus::preliminary:
      return "preliminär";
  }
  return "?";
}

std::string claim_ground_sv(std::string_view ground) {
  for (const auto g :
       {decide::ClaimGround::wrongly_paid, decide::ClaimGround::advance, decide::ClaimGround::repayable}) {
    if (decide::claim_ground_name(g) == ground) return std::string(decide::claim_ground_label_sv(g));
  }
  return std::string(ground);
}

}  // namespace eb::cli
