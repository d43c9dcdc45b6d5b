/// Why an order is refused credit.
public enum CreditRefusal: Sendable, Hashable {
    /// SUSPENDED or CLOSED customers get no orders; no override.
    case customerNotActive(CustomerStatus)
    /// A hold is in force.
    case onHold([CreditHold])
    /// The order total exceeds the available credit.
    case insufficient(amount: Money, available: Money)

    /// Whether a supervisor may override it (holds and the limit, not the customer's status).
    public var isOverridable: Bool {
        if case .customerNotActive = self { return false }
        return true
    }

    /// What the operator reads.
    public var operatorMessage: OperatorMessage {
        switch self {
        case .customerNotActive(let status):
            OperatorMessage(
                zh: "客戶狀態為「\(status.label.zh)」，不可下單：請先在客戶資料恢復為正常",
                en: "The customer is \(status.label.en): no orders until the customer record is made active again")
        case .onHold(let holds):
            OperatorMessage(
                zh: "信用凍結：" + holds.map(\.summary.zh).joined(separator: "；"),
                en: "Credit hold: " + holds.map(\.summary.en).joined(separator: "; "))
        case .insufficient(let amount, let available):
            OperatorMessage(
                zh: "信用額度不足：訂單 \(amount)，可用 \(available)",
                en: "Insufficient credit: order \(amount), available \(available)")
        }
    }
}

/// The outcome of a credit check for an amount.
public enum CreditDecision: Sendable, Hashable {
    /// The order may go ahead; `reserve` is the amount to reserve (zero for COD).
    case approved(reserve: Money)
    /// The order is refused.
    case refused(CreditRefusal)

    /// Whether approved.
    public var isApproved: Bool {
        if case .approved = self { return true }
        return false
    }
}

/// The credit decision of DOMAIN.md "Credit".
public enum CreditPolicy {
    /// Decides an order of `amount` for a customer in `position`.
    ///
    /// SUSPENDED / CLOSED: refused. COD: approved without reservation. NET30 / MONTHLY: refused on
    /// any hold, refused when `amount > available`, else approved with a reservation of `amount`.
    public static func decide(amount: Money, position: CreditPosition, rules: CreditRules) -> CreditDecision {
        guard position.status == .active else { return .refused(.customerNotActive(position.status)) }
        guard position.terms.usesCredit else { return .approved(reserve: .zero) }
        let holds = position.holds(rules: rules)
        guard holds.isEmpty else { return .refused(.onHold(holds)) }
        guard amount <= position.available else {
            return .refused(.insufficient(amount: amount, available: position.available))
        }
        return .approved(reserve: amount)
    }
}
