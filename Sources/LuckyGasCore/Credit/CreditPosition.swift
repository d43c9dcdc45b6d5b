/// Why a customer's credit is held (DOMAIN.md "Credit").
public enum CreditHold: Sendable, Hashable {
    /// Put on hold by a person, with the reason given.
    case manual(reason: String)
    /// Put on hold because check `payment` bounced, with the accountant's reason.
    case bouncedCheck(payment: String, reason: String)
    /// An open item is more than the threshold past due.
    case overdue(days: Int)
    /// Open receivables exceed the limit.
    case overLimit(openAR: Money, limit: Money)

    /// The stored reason of a bounced-check hold (`支票退票 RCP-…：reason`).
    public static func bouncedCheckReason(payment: String, reason: String) -> String {
        "\(bouncedPrefix)\(payment)：\(reason)"
    }

    private static let bouncedPrefix = "支票退票 "

    /// A placed hold from its stored kind and reason: a bounced check's is read back as such
    /// (said in each language), a manual one keeps the reason as typed.
    public static func placed(bounced: Bool, reason: String) -> CreditHold {
        guard bounced, reason.hasPrefix(bouncedPrefix), let colon = reason.firstIndex(of: "：") else {
            return .manual(reason: reason)
        }
        let payment = String(reason[reason.index(reason.startIndex, offsetBy: bouncedPrefix.count)..<colon])
        return .bouncedCheck(payment: payment, reason: String(reason[reason.index(after: colon)...]))
    }

    /// The hold's kind.
    public var kind: CreditHoldKind {
        switch self {
        case .manual: .manual
        case .bouncedCheck: .bouncedCheck
        case .overdue: .overdue
        case .overLimit: .overLimit
        }
    }

    /// One line for screens and the CLI.
    public var summary: OperatorMessage {
        switch self {
        case .manual(let reason): OperatorMessage(zh: "人工凍結：\(reason)", en: "Manual hold: \(reason)")
        case .bouncedCheck(let payment, let reason):
            OperatorMessage(zh: "支票退票 \(payment)：\(reason)", en: "Bounced check \(payment): \(reason)")
        case .overdue(let days): OperatorMessage(zh: "帳款逾期 \(days) 天", en: "Invoice \(days) days past due")
        case .overLimit(let openAR, let limit):
            OperatorMessage(zh: "應收 \(openAR) 超過額度 \(limit)", en: "Open AR \(openAR) above the limit \(limit)")
        }
    }
}

/// The credit parameters (param).
public struct CreditRules: Sendable, Hashable, Codable {
    /// Automatic hold when an item is more than this many days past due (30).
    public var overdueHoldDays = 30

    /// The defaults of DOMAIN.md.
    public init() {}
}

/// A customer's credit standing at a moment: what the credit decision reads.
public struct CreditPosition: Sendable, Hashable {
    /// Terms of the customer.
    public var terms: PaymentTerms
    /// Status of the customer.
    public var status: CustomerStatus
    /// Credit limit.
    public var limit: Money
    /// Open receivables (open items).
    public var openAR: Money
    /// Open reservations of confirmed orders.
    public var reserved: Money
    /// Days past due of the oldest overdue open item, if any.
    public var oldestDaysPastDue: Int?
    /// Holds placed by a person or a bounced check, in force.
    public var placedHolds: [CreditHold]

    /// Creates a position.
    public init(
        terms: PaymentTerms, status: CustomerStatus, limit: Money, openAR: Money, reserved: Money,
        oldestDaysPastDue: Int? = nil, placedHolds: [CreditHold] = []
    ) {
        self.terms = terms
        self.status = status
        self.limit = limit
        self.openAR = openAR
        self.reserved = reserved
        self.oldestDaysPastDue = oldestDaysPastDue
        self.placedHolds = placedHolds
    }

    /// `limit - open AR - open reservations` (may be negative). The inputs are within `Bounds`;
    /// should a damaged row still push the difference past Int64 or `Money.ceiling`, it
    /// saturates at `-Money.ceiling` (no credit at all) instead of trapping.
    public var available: Money {
        let (afterAR, first) = limit.amount.subtractingReportingOverflow(openAR.amount)
        let (value, second) = afterAR.subtractingReportingOverflow(reserved.amount)
        return first || second || value < -Money.ceiling.amount ? -Money.ceiling : Money(value)
    }

    /// Holds in force: manual ones, plus automatic overdue and over-limit holds.
    public func holds(rules: CreditRules) -> [CreditHold] {
        var holds = placedHolds
        if let days = oldestDaysPastDue, days > rules.overdueHoldDays { holds.append(.overdue(days: days)) }
        if terms.usesCredit && openAR > limit { holds.append(.overLimit(openAR: openAR, limit: limit)) }
        return holds
    }
}

/// The kinds of hold a customer can be on: two placed (and stored), two found by rule.
public enum CreditHoldKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Put on hold by a person.
    case manual = "MANUAL"
    /// Put on hold because a check bounced.
    case bouncedCheck = "BOUNCED_CHECK"
    /// An item is more than the threshold past due (lifts when paid).
    case overdue = "OVERDUE"
    /// Receivables above the limit (lifts when paid).
    case overLimit = "OVER_LIMIT"

    /// Whether a person placed it (and a person releases it), as opposed to a rule.
    public var isPlaced: Bool { self == .manual || self == .bouncedCheck }
}
