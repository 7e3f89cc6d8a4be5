// SPDX-License-Identifier: MIT
#include "pay/batch.hpp"

#include "common/error.hpp"
#include "common/ids.hpp"
#include "common/timestamp.hpp"
#include "period/working_days.hpp"

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
  return rfc3339_timestamp(at);
}

namespace {
std::string name_of(const Batch& b) {
  return format_id(IdKind::batch, b.id);
}
}  // namespace

void require_exportable(const Batch& b) {
  if (b.status == BatchStatus::cancelled) {
    throw Conflict(name_of(b) + " is cancelled (" + b.cancelled_at.value_or("") +
                   "); a cancelled batch is never exported");
  }
}

void require_confirmable(const Batch& b) {
  const std::string name = name_of(b);
  switch (b.status) {
    case BatchStatus::exported:
      return;
    case BatchStatus::confirmed:
      throw Conflict(name + " is already confirmed (" + b.confirmed_at.value_or("") + ")");
    case BatchStatus::created:
      throw Conflict(name + " is not exported yet; export it (eb pay export " + name + ") and send the file first");
    case BatchStatus::cancelled:
      throw Conflict(name + " is cancelled (" + b.cancelled_at.value_or("") + "); there is nothing to confirm");
  }
}

void require_cancellable(const Batch& b) {
  const std::string name = name_of(b);
  switch (b.status) {
    case BatchStatus::created:
      return;
    case BatchStatus::cancelled:
      throw Conflict(name + " is already cancelled (" + b.cancelled_at.value_or("") + ")");
    case BatchStatus::exported:
    case BatchStatus::confirmed:
      throw Conflict(name + " was exported (" + b.exported_at.value_or("") +
                     "), so its money may have left; it cannot be cancelled. Record what the bank returns with "
                     "eb pay return PAYMENT-ID");
  }
}

void refuse_overgrants(const Batch& b, const std::vector<std::string>& overgrants) {
  if (overgrants.empty()) return;
  const std::string name = name_of(b);
  std::string text = name + " pays more than the current decisions grant (a lower decision came after it):";
  for (const auto& o : overgrants) text += "\n  " + o;
  throw Conflict(text + "\ncancel it (eb pay cancel " + name + ") and run eb pay batch again");
}

void require_identical_export(const Batch& b, const BatchExport& earlier, const std::string& sha256) {
  if (earlier.sha256 == sha256) return;
  throw StoreError(name_of(b) + ": the " + std::string(format_name(earlier.format)) +
                   " file made now differs from the one exported " + earlier.exported_at + " (sha256 " +
                   earlier.sha256 + "); the batch was changed outside eb. Nothing was written");
}

void require_returnable(const BatchPayment& p, std::int64_t batch_id, BatchStatus batch_status) {
  const std::string name = format_id(IdKind::payment, p.id);
  const std::string batch = format_id(IdKind::batch, batch_id);
  if (p.returned_on) {
    throw Conflict(name + " was already returned on " + p.returned_on->to_string() + " (" + p.return_reason + ")");
  }
  if (!is_sent(batch_status)) {
    throw Conflict(name + " is in batch " + batch + ", which is " + std::string(status_name(batch_status)) +
                   "; only a payment of an exported batch can be returned" +
                   (batch_status == BatchStatus::created ? " (cancel the batch instead: eb pay cancel " + batch + ")"
                                                         : std::string()));
  }
}

std::vector<std::string> pay_date_warnings(period::Date pay_date, period::Date today) {
  std::vector<std::string> out;
  if (!period::is_working_day(pay_date)) {
    out.push_back("--date " + pay_date.to_string() + " is not a bank day; the bank pays on the next one");
  }
  if (pay_date < today) out.push_back("--date " + pay_date.to_string() + " is in the past");
  return out;
}

}  // namespace eb::pay
