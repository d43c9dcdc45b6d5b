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
        case opening = "OPENING"
        case receipt = "RECEIPT"
        case receiptReversal = "RECEIPT_REVERSAL"
        case refund = "REFUND"
        case checkCleared = "CHECK_CLEARED"
        case settlement = "SETTLEMENT"
        case provision = "PROVISION"
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

    /// A receivable carried over from the old system: Dr 1140 / Cr 3300 opening balances.
    public static func openingBalance(
        reference: String, customer: CustomerID, amount: Money, date: LocalDate
    ) -> JournalEntry {
        JournalEntry(
            date: date, source: .opening, reference: reference, description: "期初應收 \(reference)",
            lines: [.debit(.receivable, amount, customer: customer), .credit(.openingBalances, amount)])
    }

    /// Receipt: Dr 1101 cash / 1130 checks / 1103 bank, Cr 1140 AR for the whole amount (what is not
    /// yet allocated is the customer's credit, a negative part of their receivable).
    public static func receipt(
        _ number: ReceiptNumber, customer: CustomerID, method: PaymentMethod, amount: Money, date: LocalDate
    ) -> JournalEntry {
        JournalEntry(
            date: date, source: .receipt, reference: number.rawValue,
            description: "收款 \(number.rawValue) \(method.chinese)",
            lines: [.debit(method.account, amount), .credit(.receivable, amount, customer: customer)])
    }

    /// A receipt undone (bounced check, transfer returned by the bank): the receipt reversed.
    public static func receiptReversed(
        _ number: ReceiptNumber, customer: CustomerID, method: PaymentMethod, amount: Money, reason: String,
        date: LocalDate
    ) -> JournalEntry {
        JournalEntry(
            date: date, source: .receiptReversal, reference: number.rawValue,
            description: "收款 \(number.rawValue) 退回：\(reason)",
            lines: [.debit(.receivable, amount, customer: customer), .credit(method.account, amount)])
    }

    /// Unapplied credit paid back to the customer: Dr 1140 / Cr the account it leaves from.
    public static func refund(
        _ number: ReceiptNumber, customer: CustomerID, from account: Account, amount: Money, date: LocalDate
    ) -> JournalEntry {
        JournalEntry(
            date: date, source: .refund, reference: number.rawValue,
            description: "退還溢收款 \(number.rawValue)",
            lines: [.debit(.receivable, amount, customer: customer), .credit(account, amount)])
    }

    /// A check collected by the bank: Dr 1103 / Cr 1130.
    public static func checkCleared(_ number: ReceiptNumber, amount: Money, date: LocalDate) -> JournalEntry {
        JournalEntry(
            date: date, source: .checkCleared, reference: number.rawValue, description: "支票兌現 \(number.rawValue)",
            lines: [.debit(.bank, amount), .credit(.notesReceivable, amount)])
    }

    /// A driver's cash handed in and deposited: Dr 1103 counted, Cr 1101 expected, the difference
    /// to 7885 cash over and short (debit when short, credit when over).
    public static func settlement(
        reference: String, collector: String, expected: Money, counted: Money, date: LocalDate
    ) -> JournalEntry {
        let variance = counted - expected
        return JournalEntry(
            date: date, source: .settlement, reference: reference,
            description: "司機繳款 \(collector) 存入銀行",
            lines: [
                .debit(.bank, counted), .debit(.cashOverShort, variance < .zero ? -variance : .zero),
                .credit(.cashOverShort, variance > .zero ? variance : .zero), .credit(.cash, expected),
            ])
    }

    /// Bad-debt provision brought to `change` more (Dr 6155 / Cr 1149) or less (reversed) allowance.
    public static func provision(reference: String, change: Money, date: LocalDate) -> JournalEntry {
        let lines: [JournalLine] =
            change >= .zero
            ? [.debit(.badDebtExpense, change), .credit(.badDebtAllowance, change)]
            : [.debit(.badDebtAllowance, -change), .credit(.badDebtExpense, -change)]
        return JournalEntry(
            date: date, source: .provision, reference: reference, description: "備抵呆帳提列 \(reference)",
            lines: lines)
    }
}
