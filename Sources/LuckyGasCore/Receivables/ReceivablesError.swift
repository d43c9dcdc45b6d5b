/// A rule of receivables refused the request. Each case says what to do instead.
public enum ReceivablesError: OperatorFacingError, Equatable {
    case nothingToAllocate
    case allocationNotPositive(String, Money)
    case allocationRepeated(String)
    case itemNotOpen(String)
    case allocationAboveOpen(String, amount: Money, open: Money)
    case allocationAboveUnapplied(total: Money, unapplied: Money)
    case wrongCustomer(String, customer: CustomerID)
    case paymentReversed(ReceiptNumber)
    case paymentRefunded(ReceiptNumber)
    case allocationAlreadyReversed(Int64)
    case reasonRequired
    case notACheck(ReceiptNumber)
    case checkAlreadySettled(ReceiptNumber, status: String)
    case refundAboveUnapplied(amount: Money, unapplied: Money)
    case checkDetailsRequired
    case checkDetailsOnlyForChecks
    case negativeCount
    case checksDiffer(expected: Money, counted: Money)
    case varianceNeedsReason(Money)
    case settlementExists(collector: String, date: LocalDate, status: String)
    case settlementNotPending(String)
    case nothingToSettle(collector: String, date: LocalDate)
    case selfApproval
    case bankLineNotOpen(Int64, status: String)
    case bankLineNotReceipt(Int64)
    case bankLineAmount(Int64, amount: Money, allocated: Money)
    case unbalancedStatement(String)
    case provisionExists(String)
    case holdNotFound(CustomerID)

    public var operatorMessage: OperatorMessage {
        switch self {
        case .nothingToAllocate:
            OperatorMessage(zh: "沒有指定要沖銷的帳款", en: "No item chosen to allocate to")
        case .allocationNotPositive(let reference, let amount):
            OperatorMessage(
                zh: "\(reference) 沖銷金額須大於 0（輸入 \(amount)）",
                en: "\(reference): the amount must be above 0 (got \(amount))")
        case .allocationRepeated(let reference):
            OperatorMessage(zh: "\(reference) 重複指定", en: "\(reference) is given twice")
        case .itemNotOpen(let reference):
            OperatorMessage(
                zh: "\(reference) 不是此客戶的未結帳款", en: "\(reference) is not an open item of this customer")
        case .allocationAboveOpen(let reference, let amount, let open):
            OperatorMessage(
                zh: "\(reference) 沖銷 \(amount) 超過未收金額 \(open)",
                en: "\(reference): \(amount) is more than the \(open) still open")
        case .allocationAboveUnapplied(let total, let unapplied):
            OperatorMessage(
                zh: "沖銷合計 \(total) 超過收款未沖銷餘額 \(unapplied)",
                en: "Allocations of \(total) exceed the \(unapplied) left on the payment")
        case .wrongCustomer(let reference, let customer):
            OperatorMessage(
                zh: "\(reference) 不屬於客戶 \(customer.rawValue)",
                en: "\(reference) does not belong to \(customer.rawValue)")
        case .paymentReversed(let number):
            OperatorMessage(zh: "收款 \(number.rawValue) 已退回，不能再沖銷", en: "Payment \(number.rawValue) was reversed")
        case .paymentRefunded(let number):
            OperatorMessage(
                zh: "收款 \(number.rawValue) 已部分退款，不能整筆退回；請先處理退款",
                en: "Payment \(number.rawValue) was partly refunded and cannot be reversed as a whole")
        case .allocationAlreadyReversed(let id):
            OperatorMessage(zh: "沖銷 #\(id) 已經取消", en: "Allocation #\(id) was already reversed")
        case .reasonRequired:
            OperatorMessage(zh: "請輸入原因", en: "A reason is required")
        case .notACheck(let number):
            OperatorMessage(zh: "收款 \(number.rawValue) 不是支票", en: "Payment \(number.rawValue) is not a check")
        case .checkAlreadySettled(let number, let status):
            OperatorMessage(
                zh: "支票 \(number.rawValue) 狀態為 \(status)，不能再處理", en: "Check \(number.rawValue) is already \(status)")
        case .refundAboveUnapplied(let amount, let unapplied):
            OperatorMessage(
                zh: "退款 \(amount) 超過未沖銷餘額 \(unapplied)",
                en: "A refund of \(amount) is more than the \(unapplied) unapplied")
        case .checkDetailsRequired:
            OperatorMessage(
                zh: "支票須填銀行、票號與到期日", en: "A check needs its bank, number and due date")
        case .checkDetailsOnlyForChecks:
            OperatorMessage(zh: "只有支票需要票據資料", en: "Check details apply to checks only")
        case .negativeCount:
            OperatorMessage(zh: "點收金額不可為負", en: "Counted amounts cannot be negative")
        case .checksDiffer(let expected, let counted):
            OperatorMessage(
                zh: "支票點收 \(counted) 與應收 \(expected) 不符，請找出差異的支票",
                en: "Checks counted \(counted) differ from the \(expected) recorded: find the missing check")
        case .varianceNeedsReason(let variance):
            OperatorMessage(
                zh: "現金差額 \(variance)，請輸入原因", en: "The cash differs by \(variance): give a reason")
        case .settlementExists(let collector, let date, let status):
            OperatorMessage(
                zh: "\(collector) \(date.iso) 已有繳款單（\(status)）",
                en: "\(collector) already has a settlement for \(date.iso) (\(status))")
        case .settlementNotPending(let status):
            OperatorMessage(zh: "繳款單狀態為 \(status)，不能核准", en: "The settlement is \(status), not waiting for approval")
        case .nothingToSettle(let collector, let date):
            OperatorMessage(
                zh: "\(collector) 在 \(date.iso) 沒有收現金或支票", en: "\(collector) collected no cash or checks on \(date.iso)"
            )
        case .selfApproval:
            OperatorMessage(zh: "不能核准自己提交的繳款單", en: "You cannot approve a settlement you submitted")
        case .bankLineNotOpen(let id, let status):
            OperatorMessage(zh: "對帳明細 #\(id) 已處理（\(status)）", en: "Statement line #\(id) is already \(status)")
        case .bankLineNotReceipt(let id):
            OperatorMessage(zh: "對帳明細 #\(id) 不是入帳，不能沖銷帳款", en: "Statement line #\(id) is not money in")
        case .bankLineAmount(let id, let amount, let allocated):
            OperatorMessage(
                zh: "對帳明細 #\(id) 金額 \(amount)，沖銷 \(allocated) 超過",
                en: "Statement line #\(id) is \(amount); \(allocated) is more")
        case .unbalancedStatement(let detail):
            OperatorMessage(
                zh: "對帳單不平衡，未匯入：\(detail)", en: "The statement does not balance; nothing imported: \(detail)")
        case .provisionExists(let reference):
            OperatorMessage(zh: "\(reference) 已提列", en: "\(reference) was already posted")
        case .holdNotFound(let customer):
            OperatorMessage(zh: "\(customer.rawValue) 沒有人工凍結", en: "\(customer.rawValue) has no manual hold")
        }
    }
}
