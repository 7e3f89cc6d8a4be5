// SPDX-License-Identifier: MIT
// The local guidelines (riktlinjer) that applications name, each read from the norm catalog
// once per flow: the flows that assess many applications share one cache.
#pragma once

#include <map>
#include <string>

#include "assess/application.hpp"
#include "norms/guideline.hpp"
#include "norms/norm_catalog.hpp"

namespace eb::flow {

class Guidelines {
 public:
  explicit Guidelines(const norms::NormCatalog& catalog) : m_catalog(catalog) {}
  // The guideline `app` names, or nullptr when it names none. Throws what
  // NormCatalog::guideline throws (NotFound, InputError) for one that cannot be read.
  const norms::Guideline* of(const assess::Application& app) {
    if (app.guideline.empty()) return nullptr;
    auto it = m_read.find(app.guideline);
    if (it == m_read.end()) it = m_read.emplace(app.guideline, m_catalog.guideline(app.guideline)).first;
    return &it->second;
  }

 private:
  const norms::NormCatalog& m_catalog;
  std::map<std::string, norms::Guideline> m_read;
};

}  // namespace eb::flow
