/// Where an invoice stands with its customer (DOMAIN.md "Payments and receivables").
public enum PaymentStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case unpaid = "UNPAID"
    case partial = "PARTIAL"
    case paid = "PAID"
    case overdue = "OVERDUE"

    /// The status of an item of `amount` with `open` still due on `due`, seen on `asOf`.
    /// Anything still open after its due date is overdue, however much was paid.
    public init(amount: Money, open: Money, due: LocalDate, asOf: LocalDate) {
        if open <= .zero {
            self = .paid
        } else if due < asOf {
            self = .overdue
        } else {
            self = open < amount ? .partial : .unpaid
        }
    }

    /// 未付 / 部分付款 / 已付清 / 逾期.
    public var chinese: String {
        switch self {
        case .unpaid: "未付"
        case .partial: "部分付款"
        case .paid: "已付清"
        case .overdue: "逾期"
        }
    }
}
