// SPDX-License-Identifier: MIT
// The normal form of an address, so that one address written two ways counts as one.
#pragma once

#include <string>
#include <string_view>

namespace eb::fut {

// `address` lower-cased (A–Z and the Latin-1 capitals À–Þ such as Å, Ä, Ö, É, Ü), with every
// run of white space (space, tab, line break, no-break space) made one space, no space before a
// comma and one after it, and no space at either end: "STORGATAN  1 ,123 45\nExempelstad" and
// "Storgatan 1, 123 45 exempelstad" are both "storgatan 1, 123 45 exempelstad". Nothing else
// is changed: "Storgatan 1 lgh 1102" and "Storgatan 1" stay two addresses.
std::string normalised_address(std::string_view address);
// The same written into `out` (replacing what it held), so a caller can reuse one buffer.
void normalised_address(std::string_view address, std::string& out);

}  // namespace eb::fut
