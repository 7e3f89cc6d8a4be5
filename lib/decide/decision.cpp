// SPDX-License-Identifier: MIT
#include "decide/decision.hpp"

#include <array>
#include <utility>

namespace eb::decide {

namespace {
constexpr std::array<std::pair<Kind, std::string_view>, 3> k_kinds{{
    {Kind::bifall, "bifall"},
    {Kind::delbifall, "delbifall"},
    {Kind::avslag, "avslag"},
}};
constexpr std::array<std::pair<Role, std::string_view>, 5> k_roles{{
    {Role::socialsekreterare, "socialsekreterare"},
    {Role::gruppledare, "gruppledare"},
    {Role::enhetschef, "enhetschef"},
    {Role::fut, "fut"},
    {Role::admin, "admin"},
}};
}  // namespace

std::string_view kind_name(Kind k) {
  for (const auto& [kind, name] : k_kinds) {
    if (kind == k) return name;
  }
  return "bifall";
}

std::optional<Kind> parse_kind(std::string_view text) {
  for (const auto& [kind, name] : k_kinds) {
    if (name == text) return kind;
  }
  return std::nullopt;
}

std::string_view repayment_name(Repayment r) {
  return r == Repayment::repayable ? "repayable" : "advance";
}

std::optional<Repayment> parse_repayment(std::string_view text) {
  if (text == "advance") return Repayment::advance;
  if (text == "repayable") return Repayment::repayable;
  return std::nullopt;
}

std::string_view role_name(Role r) {
  for (const auto& [role, name] : k_roles) {
    if (role == r) return name;
  }
  return "socialsekreterare";
}

std::optional<Role> parse_role(std::string_view text) {
  for (const auto& [role, name] : k_roles) {
    if (name == text) return role;
  }
  return std::nullopt;
}

}  // namespace eb::decide
