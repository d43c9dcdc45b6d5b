/// A rule of invoicing refused the request. Each case says what to do instead.
public enum InvoicingError: OperatorFacingError, Equatable {
    case period(String)
    case productNotOnOrder(ProductCode)
    case negativeQuantity(ProductCode, Int)
    case deliveredMoreThanOrdered(ProductCode, ordered: Int, delivered: Int)
    case nothingDelivered
    case negativeEmpties(Int)
    case allowanceEmpty
    case allowanceLineUnknown(Int)
    case allowanceNotPositive(Int)
    case allowanceExceedsLine(Int, left: Money)
    case allowanceExceedsTax(left: Money)
    case noNumbers(period: InvoicePeriod)
    case clockBehindLastInvoice(last: LocalDateTime)
    case cancelPeriodClosed(InvoicePeriod, deadline: LocalDate)
    case notIssued(InvoiceNumber, status: String)
    case allowanceNotIssued(String)
    case invoiceHasAllowances(InvoiceNumber)
    case invoicePartlyPaid(InvoiceNumber, open: Money, total: Money)
    case allowanceAboveOpen(InvoiceNumber, open: Money)
    case supervisorRequired(OperatorMessage)
    case reasonTooLong(Int)
    case companyNotSet(String)
    case trackRange(String)
    case trackOverlap(String)
    case wrongSeller(expected: String, found: String)
    case periodNotOver(InvoicePeriod)
    case nothingToChange

    public var operatorMessage: OperatorMessage {
        switch self {
        case .period(let text):
            OperatorMessage(
                zh: "期別錯誤：\(text)（民國年 3 碼加雙數月，例 11512）",
                en: "Invalid period: \(text) (ROC year and even end month, e.g. 11512)")
        case .productNotOnOrder(let code):
            OperatorMessage(zh: "訂單沒有產品 \(code)", en: "Product \(code) is not on the order")
        case .negativeQuantity(let code, let quantity):
            OperatorMessage(
                zh: "\(code) 送達數量不可為負（\(quantity)）", en: "Delivered \(code) cannot be negative (\(quantity))")
        case .deliveredMoreThanOrdered(let code, let ordered, let delivered):
            OperatorMessage(
                zh: "\(code) 送達 \(delivered) 超過訂購 \(ordered)，多出的請另開訂單",
                en:
                    "\(code): delivered \(delivered) is more than the \(ordered) ordered; enter a new order for the rest"
            )
        case .nothingDelivered:
            OperatorMessage(
                zh: "沒有送達任何品項；未送達請改用「配送失敗」", en: "Nothing was delivered; record a failed delivery instead")
        case .negativeEmpties(let count):
            OperatorMessage(zh: "回收空瓶數不可為負（\(count)）", en: "Empties returned cannot be negative (\(count))")
        case .allowanceEmpty:
            OperatorMessage(zh: "請輸入至少一行折讓金額", en: "Enter an allowance amount for at least one line")
        case .allowanceLineUnknown(let line):
            OperatorMessage(zh: "發票沒有第 \(line) 行", en: "The invoice has no line \(line)")
        case .allowanceNotPositive(let line):
            OperatorMessage(zh: "第 \(line) 行折讓金額須大於 0", en: "Line \(line): the allowance must be above 0")
        case .allowanceExceedsLine(let line, let left):
            OperatorMessage(
                zh: "第 \(line) 行最多可折讓未稅 \(left.grouped) 元",
                en: "Line \(line): at most NT$\(left.grouped) (before tax) can still be allowed")
        case .allowanceExceedsTax(let left):
            OperatorMessage(
                zh: "折讓稅額超過發票剩餘稅額 \(left.grouped) 元",
                en: "The allowance tax exceeds the invoice's remaining tax NT$\(left.grouped)")
        case .noNumbers(let period):
            OperatorMessage(
                zh:
                    "\(period.label)（\(period.code)）沒有可用的發票號碼：請匯入字軌配號檔（luckygas einvoice tracks import 檔案，平台 CSV 或 E0501）",
                en:
                    "No invoice numbers left for period \(period.code): import the allocation (luckygas einvoice tracks import FILE, the platform's CSV or E0501)"
            )
        case .clockBehindLastInvoice(let last):
            OperatorMessage(
                zh: "系統時間早於上一張發票（\(last.short)），發票須依時序開立，請檢查主機時鐘",
                en:
                    "The clock is behind the last invoice (\(last.short)); invoices must follow in time order: check the server clock"
            )
        case .cancelPeriodClosed(let period, let deadline):
            OperatorMessage(
                zh: "\(period.label) 已過作廢期限 \(deadline.iso)，請改開折讓單",
                en: "Period \(period.code) could be cancelled until \(deadline.iso); issue an allowance instead")
        case .notIssued(let number, let status):
            OperatorMessage(
                zh: "發票 \(number) 狀態為 \(status)，不能再處理", en: "Invoice \(number) is \(status) and cannot be changed")
        case .allowanceNotIssued(let number):
            OperatorMessage(zh: "折讓單 \(number) 已作廢", en: "Allowance \(number) is already cancelled")
        case .invoiceHasAllowances(let number):
            OperatorMessage(
                zh: "發票 \(number) 已有折讓，請先作廢折讓單", en: "Invoice \(number) has allowances; cancel them first")
        case .invoicePartlyPaid(let number, let open, let total):
            OperatorMessage(
                zh: "發票 \(number) 已收款（未收 \(open.grouped) / \(total.grouped)），請先沖銷收款",
                en: "Invoice \(number) has payments (open \(open.grouped) of \(total.grouped)); reverse them first")
        case .allowanceAboveOpen(let number, let open):
            OperatorMessage(
                zh: "折讓金額超過發票 \(number) 未收金額 \(open.grouped) 元",
                en: "The allowance exceeds the open NT$\(open.grouped) of invoice \(number)")
        case .supervisorRequired(let why):
            OperatorMessage(zh: "需主管核准：\(why.zh)", en: "A supervisor must approve: \(why.en)")
        case .reasonTooLong(let count):
            OperatorMessage(
                zh: "原因最多 20 字（目前 \(count) 字）", en: "The reason may have at most 20 characters (it has \(count))")
        case .companyNotSet(let key):
            OperatorMessage(zh: "公司資料未設定：\(key)", en: "Company setting missing: \(key)")
        case .trackRange(let detail):
            OperatorMessage(zh: "字軌號碼錯誤：\(detail)", en: "Invalid number range: \(detail)")
        case .trackOverlap(let detail):
            OperatorMessage(zh: "字軌號碼重疊：\(detail)", en: "The number range overlaps one already imported: \(detail)")
        case .wrongSeller(let expected, let found):
            OperatorMessage(
                zh: "配號檔統編 \(found) 不是本公司 \(expected)", en: "The allocation is for UBN \(found), not ours (\(expected))"
            )
        case .periodNotOver(let period):
            OperatorMessage(
                zh: "\(period.label) 尚未結束，期末才能申報空白字軌",
                en: "Period \(period.code) is not over; blank numbers are reported after it ends")
        case .nothingToChange:
            OperatorMessage(zh: "買受人資料沒有變更", en: "The buyer data did not change")
        }
    }
}
