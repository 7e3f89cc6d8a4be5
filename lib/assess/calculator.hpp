// SPDX-License-Identifier: MIT
// The calculator: försörjningsstöd = riksnorm + reasonable costs − counted income
// (calculation.md; SoL (2025:400) 12 kap. 1, 7–9 §§ and the dated references in the norm file).
#pragma once

#include "assess/application.hpp"
#include "assess/assessment.hpp"
#include "norms/guideline.hpp"
#include "norms/norm_set.hpp"

namespace eb::assess {

// Assesses `app` under `norms` (which must cover the month) and the local `guideline`, if
// the application names one. Pure: the same inputs always give the same lines.
// Throws NormError when the norm lacks something the household needs (e.g. an unconfirmed
// utan-lunch amount), InputError when the application contradicts the norm.
Assessment calculate(const Application& app, const norms::NormSet& norms, const norms::Guideline* guideline = nullptr);

}  // namespace eb::assess
