// SPDX-License-Identifier: MIT
// The Swedish words the unit reads in eb's tables for the store's codes (status, kind, role).
#pragma once

#include <string>
#include <string_view>

#include "norms/norm_set.hpp"

namespace eb::cli {

// "inkommen", "beräknad", "beslutad" for the stored status received | assessed | decided;
// any other code unchanged.
std::string status_sv(std::string_view status);
// "ny", "förnyad", "tillägg" for the stored kind new | renewal | supplement; any other code
// unchanged.
std::string kind_sv(std::string_view kind);
// "officiell", "kommunal", "härledd", "uppskattning", "preliminär" (norms::status_name in Swedish).
std::string_view norm_status_sv(norms::NormStatus status);
// The Swedish label of a claim's ground ("felaktig eller för hög utbetalning"), or the stored
// code itself when it names no ground eb knows.
std::string claim_ground_sv(std::string_view ground);

}  // namespace eb::cli
