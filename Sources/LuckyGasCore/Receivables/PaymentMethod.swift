/// How a customer paid (DOMAIN.md "Payments and receivables").
public enum PaymentMethod: String, Sendable, Hashable, Codable, CaseIterable {
    case cash = "CASH"
    case check = "CHECK"
    case bankTransfer = "BANK_TRANSFER"
    case creditCard = "CREDIT_CARD"
    case linePay = "LINE_PAY"
    case jkoPay = "JKOPAY"

    /// Parses `cash`, `CASH`, `bank_transfer`, `bank-transfer`...
    public init(_ text: String) throws(ValidationError) {
        let value = text.trimmingSpaces.uppercased().replacingDashes
        guard let method = PaymentMethod(rawValue: value) else {
            throw .unknownValue(
                field: "付款方式 method", value: text, allowed: PaymentMethod.allCases.map { $0.rawValue.lowercased() })
        }
        self = method
    }

    /// 現金 / 支票 / 銀行轉帳 / 信用卡 / LINE Pay / 街口支付.
    public var chinese: String {
        switch self {
        case .cash: "現金"
        case .check: "支票"
        case .bankTransfer: "銀行轉帳"
        case .creditCard: "信用卡"
        case .linePay: "LINE Pay"
        case .jkoPay: "街口支付"
        }
    }

    /// The account debited on receipt: cash in hand, checks held (1130 until they clear) or the bank.
    public var account: Account {
        switch self {
        case .cash: .cash
        case .check: .notesReceivable
        case .bankTransfer, .creditCard, .linePay, .jkoPay: .bank
        }
    }

    /// Whether a driver hands it in at the daily settlement (cash and checks).
    public var isCountedAtSettlement: Bool { self == .cash || self == .check }
}

extension String {
    fileprivate var replacingDashes: String {
        String(map { $0 == "-" ? "_" : $0 })
    }
}
