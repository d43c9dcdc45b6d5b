/// What matching reads of one bank statement line.
public struct BankLineFacts: Sendable, Hashable, Codable {
    /// Signed amount: money in is positive.
    public var amount: Money
    /// Every free text of the line (memo, details, references), for reference tokens.
    public var text: String
    /// The virtual account the bank reported, if any.
    public var virtualAccount: String?
    /// The payer's account, if the bank reported it.
    public var payerAccount: String?
    /// A reversal of an earlier credit (`RC`).
    public var isReversal: Bool

    /// Creates the facts.
    public init(amount: Money, text: String, virtualAccount: String?, payerAccount: String?, isReversal: Bool) {
        self.amount = amount
        self.text = text
        self.virtualAccount = virtualAccount
        self.payerAccount = payerAccount
        self.isReversal = isReversal
    }
}

/// The rule of the matching cascade that decided a suggestion, in the order they are tried.
public enum MatchRule: String, Sendable, Hashable, Codable, CaseIterable {
    case virtualAccount = "VIRTUAL_ACCOUNT"
    case reference = "REFERENCE"
    case exactAmount = "EXACT_AMOUNT"
    case oldestFirst = "OLDEST_FIRST"
    case exception = "EXCEPTION"
    case notReceipt = "NOT_RECEIPT"

    /// 虛擬帳號 / 參考號碼 / 金額相符 / 最舊優先 / 待人工處理 / 非收款.
    public var chinese: String {
        switch self {
        case .virtualAccount: "虛擬帳號"
        case .reference: "參考號碼"
        case .exactAmount: "金額相符"
        case .oldestFirst: "最舊優先"
        case .exception: "待人工處理"
        case .notReceipt: "非收款"
        }
    }
}

/// A proposed match of a statement line: who paid, onto which items, and why.
public struct MatchSuggestion: Sendable, Hashable, Codable {
    /// The rule that decided it.
    public var rule: MatchRule
    /// The payer, when identified.
    public var customer: CustomerID?
    /// Proposed allocations.
    public var shares: [AllocationShare]
    /// What would stay as the customer's unapplied credit.
    public var unapplied: Money
    /// Why, for the person who accepts, changes or rejects it.
    public var reason: OperatorMessage
    /// Whether it may be accepted without a person: only when a virtual account or a document
    /// reference named the payer (an amount alone never auto-confirms).
    public var isConfident: Bool

    /// Creates a suggestion.
    public init(
        rule: MatchRule, customer: CustomerID?, shares: [AllocationShare], unapplied: Money, reason: OperatorMessage,
        isConfident: Bool
    ) {
        self.rule = rule
        self.customer = customer
        self.shares = shares
        self.unapplied = unapplied
        self.reason = reason
        self.isConfident = isConfident
    }
}

/// What the matcher may ask the store.
public protocol MatchLookup {
    /// The customer owning a virtual account, if it exists.
    func customer(virtualAccount: VirtualAccount) throws -> CustomerID?
    /// The customer and open item a document number (invoice or order) refers to.
    func document(_ reference: String) throws -> (customer: CustomerID, item: Int64?)?
    /// The customer a payer account was matched to before.
    func customer(payerAccount: String) throws -> CustomerID?
    /// A customer's open items.
    func openItems(of customer: CustomerID) throws -> [OpenItemBalance]
    /// Up to `limit` open items of any customer with exactly `amount` open.
    func openItems(amount: Money, limit: Int) throws -> [(customer: CustomerID, item: OpenItemBalance)]
}

/// The matching cascade of DOMAIN.md: virtual account, then a reference in the text, then one
/// open invoice of the identified customer with exactly the amount, then oldest first for an
/// identified customer, else the exception queue.
public enum StatementMatcher {
    /// Suggests a match for one line.
    public static func suggest(_ line: BankLineFacts, prefix: String, lookup: some MatchLookup) throws
        -> MatchSuggestion
    {
        guard line.amount > .zero else {
            let reason =
                line.isReversal
                ? OperatorMessage(
                    zh: "銀行退回先前入帳：請找出原收款並執行退回",
                    en: "The bank reversed an earlier credit: find the receipt and reverse it")
                : OperatorMessage(zh: "支出（手續費等），不是收款", en: "Money out (fees and the like), not a receipt")
            return MatchSuggestion(
                rule: line.isReversal ? .exception : .notReceipt, customer: nil, shares: [], unapplied: .zero,
                reason: reason, isConfident: false)
        }
        let accountText = (line.virtualAccount ?? "") + " " + line.text
        if let account = VirtualAccount.find(in: accountText, prefix: prefix),
            let customer = try lookup.customer(virtualAccount: account)
        {
            let why = OperatorMessage(
                zh: "虛擬帳號 \(account.digits) 屬於 \(customer.rawValue)",
                en: "Virtual account \(account.digits) belongs to \(customer.rawValue)")
            return try allocate(line, customer: customer, rule: .virtualAccount, why: why, lookup: lookup)
        }
        for token in documentTokens(in: line.text) {
            if let (customer, _) = try lookup.document(token) {
                let why = OperatorMessage(
                    zh: "摘要含單號 \(token)（\(customer.rawValue)）", en: "The text names \(token) (\(customer.rawValue))")
                return try allocate(line, customer: customer, rule: .reference, why: why, lookup: lookup)
            }
        }
        if let payer = line.payerAccount, !payer.isEmpty, let customer = try lookup.customer(payerAccount: payer) {
            let why = OperatorMessage(
                zh: "付款帳號 \(payer) 先前對應 \(customer.rawValue)",
                en: "Payer account \(payer) was matched to \(customer.rawValue) before")
            var suggestion = try allocate(line, customer: customer, rule: nil, why: why, lookup: lookup)
            suggestion.isConfident = false
            return suggestion
        }
        let candidates = try lookup.openItems(amount: line.amount, limit: 2)
        if candidates.count == 1, let only = candidates.first {
            return MatchSuggestion(
                rule: .exception, customer: only.customer,
                shares: [AllocationShare(item: only.item.id, reference: only.item.reference, amount: line.amount)],
                unapplied: .zero,
                reason: OperatorMessage(
                    zh: "無法辨識付款人；僅 \(only.item.reference)（\(only.customer.rawValue)）金額相同，請確認",
                    en:
                        "Payer unknown; only \(only.item.reference) (\(only.customer.rawValue)) has this amount: please confirm"
                ),
                isConfident: false)
        }
        return MatchSuggestion(
            rule: .exception, customer: nil, shares: [], unapplied: line.amount,
            reason: OperatorMessage(
                zh: "找不到虛擬帳號、單號或已知付款帳號，請人工比對", en: "No virtual account, document number or known payer: match by hand"),
            isConfident: false)
    }

    /// Spreads the amount over an identified customer's items: the items the text names first,
    /// else the one item with exactly the amount, else oldest first; the rest stays unapplied.
    static func allocate(
        _ line: BankLineFacts, customer: CustomerID, rule identified: MatchRule?, why: OperatorMessage,
        lookup: some MatchLookup
    ) throws -> MatchSuggestion {
        let items = try lookup.openItems(of: customer).filter { $0.open > .zero }
        let tokens = Set(documentTokens(in: line.text))
        let named = items.filter { tokens.contains($0.reference) }
        var shares: [AllocationShare]
        var rule: MatchRule
        var how: OperatorMessage
        if !named.isEmpty {
            shares = AllocationPlan.oldestFirst(named, amount: line.amount)
            let rest = line.amount - shares.map(\.amount).sum()
            let used = Set(shares.map(\.item))
            shares += AllocationPlan.oldestFirst(items.filter { !used.contains($0.id) }, amount: rest)
            rule = .reference
            how = OperatorMessage(zh: "依摘要單號沖銷", en: "applied to the documents named")
        } else if let exact = items.filter({ $0.open == line.amount }).sorted(by: AllocationPlan.dueOrder).first {
            shares = [AllocationShare(item: exact.id, reference: exact.reference, amount: exact.open)]
            rule = .exactAmount
            how = OperatorMessage(zh: "\(exact.reference) 金額相符", en: "\(exact.reference) has exactly this amount")
        } else {
            shares = AllocationPlan.oldestFirst(items, amount: line.amount)
            rule = .oldestFirst
            how = OperatorMessage(zh: "依到期日最舊優先沖銷", en: "applied oldest due first")
        }
        let unapplied = line.amount - shares.map(\.amount).sum()
        let rest =
            unapplied > .zero
            ? OperatorMessage(zh: "，餘 \(unapplied) 列為預收", en: "; \(unapplied) stays as unapplied credit")
            : OperatorMessage(zh: "", en: "")
        return MatchSuggestion(
            rule: identified ?? rule, customer: customer, shares: shares, unapplied: unapplied,
            reason: OperatorMessage(zh: "\(why.zh)；\(how.zh)\(rest.zh)", en: "\(why.en); \(how.en)\(rest.en)"),
            isConfident: identified != nil)
    }

    /// Invoice numbers (2 letters + 8 digits) and order numbers (`O-YYYYMMDD-NNNNNN`) in `text`, in order.
    public static func documentTokens(in text: String) -> [String] {
        let characters = Array(text.uppercased())
        var tokens: [String] = []
        var index = 0
        func isLetter(_ character: Character) -> Bool { character.isASCII && character.isLetter }
        func isDigit(_ offset: Int) -> Bool { offset < characters.count && characters[offset].isASCIIDigit }
        while index < characters.count {
            let boundary = index == 0 || !(characters[index - 1].isASCII && characters[index - 1].isLetter)
            if boundary, characters[index] == "O", index + 17 <= characters.count, characters[index + 1] == "-",
                (2..<10).allSatisfy({ isDigit(index + $0) }), characters[index + 10] == "-",
                (11..<17).allSatisfy({ isDigit(index + $0) }), !isDigit(index + 17)
            {
                tokens.append(String(characters[index..<index + 17]))
                index += 17
                continue
            }
            if boundary, index + 10 <= characters.count, isLetter(characters[index]), isLetter(characters[index + 1]),
                (2..<10).allSatisfy({ isDigit(index + $0) }), !isDigit(index + 10)
            {
                tokens.append(String(characters[index..<index + 10]))
                index += 10
                continue
            }
            index += 1
        }
        return tokens
    }
}
