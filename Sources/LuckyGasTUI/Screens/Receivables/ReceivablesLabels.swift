import LuckyGasCore

/// Two-language names of receivables values (methods, item kinds, statuses) for the screens.
enum ReceivablesLabels {
    /// 現金 / Cash, 支票 / Check...
    static func method(_ method: PaymentMethod) -> OperatorMessage {
        switch method {
        case .cash: OperatorMessage(zh: method.chinese, en: "Cash")
        case .check: OperatorMessage(zh: method.chinese, en: "Check")
        case .bankTransfer: OperatorMessage(zh: method.chinese, en: "Transfer")
        case .creditCard: OperatorMessage(zh: method.chinese, en: "Card")
        case .linePay: OperatorMessage(zh: method.chinese, en: "LINE Pay")
        case .jkoPay: OperatorMessage(zh: method.chinese, en: "JKOPAY")
        }
    }

    /// `INVOICE`, `DEPOSIT`, `OPENING` as 發票 / 押金 / 期初.
    static func itemKind(_ kind: String, short: Bool = false) -> OperatorMessage {
        switch kind {
        case "INVOICE": tr("發票", short ? "Inv." : "Invoice")
        case "DEPOSIT": tr("押金", short ? "Dep." : "Deposit")
        case "OPENING": tr("期初", short ? "Open." : "Opening")
        default: OperatorMessage(zh: kind, en: Labels.english(kind))
        }
    }

    /// The rule of a bank-line suggestion.
    static func rule(_ rule: MatchRule) -> OperatorMessage {
        switch rule {
        case .virtualAccount: OperatorMessage(zh: rule.chinese, en: "Virt. acct")
        case .reference: OperatorMessage(zh: rule.chinese, en: "Reference")
        case .exactAmount: OperatorMessage(zh: rule.chinese, en: "Amount")
        case .oldestFirst: OperatorMessage(zh: rule.chinese, en: "Oldest")
        case .exception: OperatorMessage(zh: rule.chinese, en: "Manual")
        case .notReceipt: OperatorMessage(zh: rule.chinese, en: "Not in")
        }
    }

    /// A driver settlement's `OPEN`, `SUBMITTED`, `APPROVED`.
    static func settlementStatus(_ status: SettlementStatus) -> OperatorMessage {
        switch status {
        case .open: tr("未點收", "Open")
        case .submitted: tr("待核准", "Submitted")
        case .approved: tr("已核准", "Approved")
        }
    }

    /// A credit hold's kind.
    static func holdKind(_ kind: CreditHoldKind) -> OperatorMessage {
        switch kind {
        case .manual: tr("人工", "Manual")
        case .bouncedCheck: tr("退票", "Bounced")
        case .overdue: tr("逾期", "Overdue")
        case .overLimit: tr("超額", "Over limit")
        }
    }

    /// Days sales outstanding from tenths of a day: `12.3`.
    static func tenths(_ value: Int64) -> String {
        let sign = value < 0 ? "-" : ""
        return "\(sign)\(value.magnitude / 10).\(value.magnitude % 10)"
    }
}
