// SPDX-License-Identifier: MIT
#include "pay/batch.hpp"

#include "common/error.hpp"
#include "common/ids.hpp"

namespace eb::pay {

std::string_view status_name(BatchStatus s) {
  switch (s) {
    case BatchStatus::created:
      return "created";
    case BatchStatus::exported:
      return "exported";
    case BatchStatus::confirmed:
      return "confirmed";
    case BatchStatus::cancelled:
      return "cancelled";
  }
  return "created";
}

std::optional<BatchStatus> parse_batch_status(std::string_view text) {
  for (auto s : {BatchStatus::created, BatchStatus::exported, BatchStatus::confirmed, BatchStatus::cancelled}) {
    if (status_name(s) == text) return s;
  }
  return std::nullopt;
}

std::string_view format_name(FileFormat f) {
  return f == FileFormat::csv ? "csv" : "pain001";
}

FileFormat parse_file_format(std::string_view text, std::string_view field) {
  if (text == "pain001") return FileFormat::pain001;
  if (text == "csv") return FileFormat::csv;
  throw InputError(std::string(field), std::string(text), "must be pain001 (ISO 20022 pain.001.001.03 XML) or csv");
}

const BatchExport* Batch::export_of(FileFormat format) const {
  for (const auto& e : exports) {
    if (e.format == format) return &e;
  }
  return nullptr;
}

std::string payments_text(std::size_t n) {
  return std::to_string(n) + (n == 1 ? " payment" : " payments");
}

std::string remittance_text(const BatchPayment& p) {
  std::string text = "Försörjningsstöd " + p.month.to_string() + ", ärende " + format_id(IdKind::arende, p.case_id);
  if (p.reissue_of) text += ", ny utbetalning av " + format_id(IdKind::payment, *p.reissue_of);
  return text;
}

PaymentFile payment_file(const Batch& batch, const std::vector<BatchPayment>& payments, const Debtor& debtor,
                         std::string created_at) {
  PaymentFile file{batch.message_id, std::move(created_at), batch.pay_date, debtor, {}};
  file.transfers.reserve(payments.size());
  for (const auto& p : payments) {
    if (p.cancelled) continue;
    Transfer t;
    t.end_to_end_id = format_id(IdKind::payment, p.id);
    t.amount = p.amount;
    t.creditor_name = p.payee_name;
    t.account = p.account;
    if (!p.account) t.creditor_address = p.payee_address;
    t.remittance = remittance_text(p);
    file.transfers.push_back(std::move(t));
  }
  return file;
}

std::string file_datetime(std::string_view at) {
  // "YYYY-MM-DDThh:mm:ss+hhmm": 24 characters, the sign at 19.
  if (at.size() == 24 && (at[19] == '+' || at[19] == '-')) {
    return std::string(at.substr(0, 22)) + ":" + std::string(at.substr(22));
  }
  return std::string(at);
}

}  // namespace eb::pay
