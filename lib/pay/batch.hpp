// SPDX-License-Identifier: MIT
// A payment batch as stored (status, payments, exports) and how it becomes a payment file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "money/money.hpp"
#include "pay/payment_file.hpp"
#include "period/date.hpp"
#include "period/month.hpp"

namespace eb::pay {

// created -> exported -> confirmed, or created -> cancelled (payments.md).
enum class BatchStatus { created, exported, confirmed, cancelled };
std::string_view status_name(BatchStatus s);
// Nothing for an unknown name.
std::optional<BatchStatus> parse_batch_status(std::string_view text);
// True once the file may have reached the bank: exported or confirmed.
inline bool is_sent(BatchStatus s) {
  return s == BatchStatus::exported || s == BatchStatus::confirmed;
}

enum class FileFormat { pain001, csv };
std::string_view format_name(FileFormat f);  // "pain001", "csv"
// Throws InputError naming `field` unless `text` is "pain001" or "csv".
FileFormat parse_file_format(std::string_view text, std::string_view field);

// One file a batch was exported as. The first export of a format fixes its bytes: a re-export
// writes the same file (same creation time, same debtor).
struct BatchExport {
  FileFormat format = FileFormat::pain001;
  std::string sha256;
  std::int64_t bytes = 0;
  std::string exported_at;  // the file's creation time (pain.001 CreDtTm)
  std::string exported_by;
};

struct Batch {
  std::int64_t id = 0;
  period::Date pay_date{1970, 1, 1};
  std::optional<period::Month> month;  // the --month filter it was made with
  BatchStatus status = BatchStatus::created;
  std::string message_id;
  std::string created_at;
  std::string created_by;
  std::optional<std::string> exported_at;
  std::optional<Debtor> debtor;  // recorded with the first export
  std::optional<std::string> confirmed_at;
  std::optional<std::string> cancelled_at;
  std::size_t payments = 0;  // not cancelled
  money::Money total;
  std::vector<BatchExport> exports;

  // The export of `format`, if the batch has been exported as it.
  const BatchExport* export_of(FileFormat format) const;
};

// One payment of a batch.
struct BatchPayment {
  std::int64_t id = 0;
  std::int64_t application_id = 0;
  std::int64_t case_id = 0;
  std::int64_t decision_id = 0;
  period::Month month{2000, 1};
  money::Money amount;
  std::optional<BankAccount> account;  // nothing: by avi
  std::string payee_name;
  std::string payee_address;
  std::optional<std::int64_t> reissue_of;
  bool cancelled = false;
  std::optional<period::Date> returned_on;
  std::string return_reason;
};

// The state rules of a batch: created -> exported -> confirmed, or created -> cancelled, and
// a cancelled batch is never exported (payments.md). Each throws Conflict naming the batch and
// what to do instead.
void require_exportable(const Batch& b);
void require_confirmable(const Batch& b);
void require_cancellable(const Batch& b);
// Export refuses a batch that pays more than the current decisions grant (a lower decision came
// after it): `overgrants` names each application, as the store finds them. Throws Conflict.
void refuse_overgrants(const Batch& b, const std::vector<std::string>& overgrants);
// A re-export must make the very file of the first export of its format; anything else means
// the batch was changed outside eb. Throws StoreError.
void require_identical_export(const Batch& b, const BatchExport& earlier, const std::string& sha256);
// A payment is returned at most once, and only from a batch that was sent (exported or
// confirmed). Throws Conflict.
void require_returnable(const BatchPayment& p, std::int64_t batch_id, BatchStatus batch_status);

// What a caseworker should know about a pay date before paying: not a bank day (the bank pays
// on the next one), or a date before `today`.
std::vector<std::string> pay_date_warnings(period::Date pay_date, period::Date today);

// "1 payment", "11 payments".
std::string payments_text(std::size_t n);

// The text the recipient sees: "Försörjningsstöd 2026-03, ärende C-12" (and the payment it
// re-issues).
std::string remittance_text(const BatchPayment& p);

// The payment file of `batch`: message id, `created_at` (ISO 8601), pay date, `debtor`, one
// transfer per payment (not cancelled) in id order, the end-to-end id being the payment id "P-7".
PaymentFile payment_file(const Batch& batch, const std::vector<BatchPayment>& payments, const Debtor& debtor,
                         std::string created_at);

// A timestamp as payment files take it: "2026-03-20T14:05:00+0100" becomes
// "2026-03-20T14:05:00+01:00" (xs:dateTime wants the colon); other text is returned as is.
std::string file_datetime(std::string_view at);

}  // namespace eb::pay
