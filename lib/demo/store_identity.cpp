// SPDX-License-Identifier: MIT
#include "demo/store_identity.hpp"

#include "common/sha256.hpp"

namespace eb::demo {

StoreIdentity store_identity(const Parameters& p) {
  const std::string text = "eb demo store 1|households=" + std::to_string(p.households) +
                           "|months=" + std::to_string(p.months) + "|first=" + p.first_month.to_string() +
                           "|seed=" + std::to_string(p.seed) + "|plant_ppm=" + std::to_string(p.plant_ppm);
  return StoreIdentity{sha256_hex(text + "|id").substr(0, 32), sha256_bytes(text + "|key")};
}

}  // namespace eb::demo
