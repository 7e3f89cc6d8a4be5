// SPDX-License-Identifier: MIT
// The calculator: försörjningsstöd = riksnorm + reasonable costs − counted income
// (calculation.md; SoL (2025:400) 12 kap. 1, 7–9 §§ and the dated references in the norm file).
#pragma once

#include "assess/application.hpp"
#include "assess/assessment.hpp"
#include "norms/guideline.hpp"
#include "norms/norm_set.hpp"
#include "norms/transitional.hpp"

namespace eb::assess {

// Assesses `app` under `norms` and the local `guideline`, if the application names one, by the
// `rules` a transitional rule gives it (norms/transitional.toml; NormCatalog::rules_for): `norms`
// must cover their norm day, and the statute references of their law day are cited. Without
// `rules`, the month's first day is both. Pure: the same inputs always give the same lines.
// Throws NormError when the norm lacks something the household needs (e.g. an unconfirmed
// utan-lunch amount), InputError when the application contradicts the norm (e.g. a child aged
// 18–20 not in school, SoL 12 kap. 9 §).
//
// With Detail::totals the lines carry their section, amounts, rule, kind and cut code but no
// words (label, member, detail, cut text) and no statute: the same totals, notes and warnings
// for simulate, the reform budgets and the demo generator, without building the explanation
// (tests/unit/assess/calculator_totals_test.cpp proves the totals equal over every golden and
// generated case). What is shown or stored is always Detail::full.
enum class Detail { full, totals };
Assessment calculate(const Application& app, const norms::NormSet& norms, const norms::Guideline* guideline = nullptr,
                     const norms::RuleChoice* rules = nullptr, Detail detail = Detail::full);

// What was applied for (Totals::applied): max(0, Σ applied of the need lines − counted
// income), rounded by the assessment's payable rounding. Öre.
Money applied_amount(const Assessment& a);

}  // namespace eb::assess
