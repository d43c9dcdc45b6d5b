/// One side of a journal line.
public struct JournalLine: Sendable, Hashable, Codable {
    /// The account.
    public var account: Account
    /// The customer, for the receivable sub-ledger.
    public var customer: CustomerID?
    /// Debit (≥ 0).
    public var debit: Money
    /// Credit (≥ 0).
    public var credit: Money

    /// Creates a line.
    public init(account: Account, customer: CustomerID?, debit: Money, credit: Money) {
        self.account = account
        self.customer = customer
        self.debit = debit
        self.credit = credit
    }

    /// A debit line.
    public static func debit(_ account: Account, _ amount: Money, customer: CustomerID? = nil) -> JournalLine {
        JournalLine(account: account, customer: customer, debit: amount, credit: .zero)
    }

    /// A credit line.
    public static func credit(_ account: Account, _ amount: Money, customer: CustomerID? = nil) -> JournalLine {
        JournalLine(account: account, customer: customer, debit: .zero, credit: amount)
    }
}

/// A balanced journal entry (debits = credits), posted in the same transaction as its cause.
public struct JournalEntry: Sendable, Hashable, Codable {
    /// What caused it.
    public enum Source: String, Sendable, Hashable, Codable {
        case invoice = "INVOICE"
        case invoiceCancel = "INVOICE_CANCEL"
        case allowance = "ALLOWANCE"
        case allowanceCancel = "ALLOWANCE_CANCEL"
        case deposit = "DEPOSIT"
    }

    /// Posting date.
    public var date: LocalDate
    /// Why.
    public var source: Source
    /// The document (invoice number, allowance number, order number).
    public var reference: String
    /// Text for the ledger.
    public var description: String
    /// The lines; zero lines are dropped.
    public var lines: [JournalLine]

    /// Creates an entry, dropping zero lines.
    public init(date: LocalDate, source: Source, reference: String, description: String, lines: [JournalLine]) {
        self.date = date
        self.source = source
        self.reference = reference
        self.description = description
        self.lines = lines.filter { $0.debit != .zero || $0.credit != .zero }
    }

    /// Whether debits equal credits and no line is negative.
    public var isBalanced: Bool {
        lines.allSatisfy { $0.debit >= .zero && $0.credit >= .zero }
            && lines.map(\.debit).sum() == lines.map(\.credit).sum()
    }

    /// Issue: Dr 1140 AR / Cr 4110 Sales / Cr 2141 VAT.
    public static func invoiceIssued(
        _ number: InvoiceNumber, customer: CustomerID, split: TaxSplit, date: LocalDate
    ) -> JournalEntry {
        JournalEntry(
            date: date, source: .invoice, reference: number.rawValue, description: "發票 \(number.rawValue) 開立",
            lines: [
                .debit(.receivable, split.total, customer: customer), .credit(.sales, split.net),
                .credit(.vatPayable, split.tax),
            ])
    }

    /// Cancel: the issue reversed.
    public static func invoiceCancelled(
        _ number: InvoiceNumber, customer: CustomerID, split: TaxSplit, date: LocalDate
    ) -> JournalEntry {
        JournalEntry(
            date: date, source: .invoiceCancel, reference: number.rawValue,
            description: "發票 \(number.rawValue) 作廢",
            lines: [
                .debit(.sales, split.net), .debit(.vatPayable, split.tax),
                .credit(.receivable, split.total, customer: customer),
            ])
    }

    /// Allowance: Dr 4190 / Dr 2141 / Cr 1140.
    public static func allowance(
        _ number: String, invoice: InvoiceNumber, customer: CustomerID, net: Money, tax: Money, date: LocalDate
    ) -> JournalEntry {
        JournalEntry(
            date: date, source: .allowance, reference: number,
            description: "折讓 \(number)（發票 \(invoice.rawValue)）",
            lines: [
                .debit(.salesAllowances, net), .debit(.vatPayable, tax),
                .credit(.receivable, net + tax, customer: customer),
            ])
    }

    /// Allowance cancel: the allowance reversed.
    public static func allowanceCancelled(
        _ number: String, invoice: InvoiceNumber, customer: CustomerID, net: Money, tax: Money, date: LocalDate
    ) -> JournalEntry {
        JournalEntry(
            date: date, source: .allowanceCancel, reference: number,
            description: "折讓 \(number) 作廢（發票 \(invoice.rawValue)）",
            lines: [
                .debit(.receivable, net + tax, customer: customer), .credit(.salesAllowances, net),
                .credit(.vatPayable, tax),
            ])
    }

    /// Deposit for missing empties: Dr 1140 AR / Cr 2145 deposits received (a liability, no VAT).
    public static func deposit(
        order: OrderNumber, customer: CustomerID, amount: Money, missingEmpties: Int, date: LocalDate
    ) -> JournalEntry {
        JournalEntry(
            date: date, source: .deposit, reference: order.rawValue,
            description: "鋼瓶押金 \(missingEmpties) 支（訂單 \(order.rawValue)）",
            lines: [.debit(.receivable, amount, customer: customer), .credit(.depositsReceived, amount)])
    }
}
