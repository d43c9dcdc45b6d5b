import LuckyGasCore

/// A check's particulars (票據資料).
public struct CheckDetails: Sendable, Hashable, Codable {
    /// Drawee bank (code or name).
    public var bank: String
    /// Check number.
    public var number: String
    /// Date on the check (post-dated checks are common).
    public var due: LocalDate

    /// Creates the details.
    public init(bank: String, number: String, due: LocalDate) {
        self.bank = bank
        self.number = number
        self.due = due
    }
}

/// A payment as entered at the counter, from a bank line or by a driver.
public struct PaymentInput: Sendable, Hashable, Codable {
    /// Who paid.
    public var customer: CustomerID
    /// How much (whole NT$).
    public var amount: Money
    /// How.
    public var method: PaymentMethod
    /// When the money arrived; today when nil.
    public var receivedOn: LocalDate?
    /// Free reference: invoice or order numbers, a virtual account, a memo.
    public var reference: String
    /// Required for checks.
    public var check: CheckDetails?

    /// Creates an input.
    public init(
        customer: CustomerID, amount: Money, method: PaymentMethod, receivedOn: LocalDate? = nil,
        reference: String = "", check: CheckDetails? = nil
    ) {
        self.customer = customer
        self.amount = amount
        self.method = method
        self.receivedOn = receivedOn
        self.reference = reference
        self.check = check
    }
}

/// How to allocate a payment.
public enum AllocationRequest: Sendable {
    /// Leave it all unapplied.
    case none
    /// Items named in the payment's reference first, then oldest due first.
    case automatic
    /// These items (by invoice number, order number or reference) and amounts.
    case chosen([(reference: String, amount: Money)])
}

/// One allocation of a payment to an open item.
public struct AllocationRecord: Sendable, Hashable, Codable {
    /// Its id (for reversing it).
    public var id: Int64
    /// The item's reference (invoice number, order number of a deposit...).
    public var reference: String
    /// The item's kind.
    public var kind: String
    /// Amount.
    public var amount: Money
    /// When.
    public var allocatedOn: LocalDate
    /// By whom.
    public var allocatedBy: String
    /// How it was chosen (`MANUAL`, `AUTO`, a matching rule).
    public var rule: String
    /// Set when reversed.
    public var reversedOn: LocalDate?
    /// Why it was reversed.
    public var reversalReason: String?
}

/// A payment with its allocations.
public struct PaymentRecord: Sendable, Hashable, Codable {
    /// Receipt number.
    public var number: ReceiptNumber
    /// Payer.
    public var customer: CustomerID
    /// Payer's name.
    public var customerName: String
    /// Date received.
    public var receivedOn: LocalDate
    /// Amount.
    public var amount: Money
    /// Method.
    public var method: PaymentMethod
    /// Free reference.
    public var reference: String
    /// Check particulars.
    public var check: CheckDetails?
    /// Where a check stands; nil for other methods.
    public var checkStatus: CheckStatus?
    /// Where it came in.
    public var source: PaymentSource
    /// The driver (or counter user) who collected it at a delivery.
    public var collector: String?
    /// Whether it stands.
    public var status: ReceiptStatus
    /// Not yet allocated (the customer's credit).
    public var unapplied: Money
    /// Paid back.
    public var refunded: Money
    /// Why it was reversed.
    public var reversalReason: String?
    /// Allocations, reversed ones included.
    public var allocations: [AllocationRecord]
    /// Who entered it.
    public var createdBy: String
}

/// Figures of a statement import.
public struct BankImportResult: Sendable, Hashable, Codable {
    /// Statements in the file.
    public var statements: Int
    /// Lines in the file.
    public var lines: Int
    /// Lines not seen before.
    public var new: Int
    /// Lines already imported (the same file twice changes nothing).
    public var duplicates: Int
    /// New lines matched and posted without a person (virtual account or document reference).
    public var matched: Int
    /// New lines with a suggestion waiting for a person.
    public var suggested: Int
    /// New money-in lines with no payer found.
    public var exceptions: Int
    /// New money-out lines (fees...), kept but not receipts.
    public var notReceipts: Int
    /// Statements whose opening + lines ≠ closing (imported only when allowed).
    public var unbalanced: [String]
}

/// A statement line with its matching state, for the matching screen and `bank lines`.
public struct BankLineRecord: Sendable, Hashable, Codable {
    /// Id.
    public var id: Int64
    /// Value date.
    public var valueDate: LocalDate
    /// `C`, `D`, `RC`, `RD`.
    public var mark: String
    /// Amount (whole NT$, signed).
    public var amount: Money
    /// Text of the line.
    public var text: String
    /// Virtual account reported.
    public var virtualAccount: String?
    /// Payer name.
    public var payerName: String?
    /// Payer account.
    public var payerAccount: String?
    /// Where the line stands.
    public var status: BankLineStatus
    /// The suggestion (or what was accepted).
    public var suggestion: MatchSuggestion?
    /// The receipt it became.
    public var payment: ReceiptNumber?
    /// Note of a rejection or decision.
    public var note: String?
}

/// A collector's day for settlement.
public struct SettlementRecord: Sendable, Hashable, Codable {
    /// Driver id or counter user.
    public var collector: String
    /// The day.
    public var day: LocalDate
    /// Deliveries with money.
    public var deliveries: Int
    /// Figures.
    public var count: SettlementCount
    /// Open (not yet counted), submitted or approved.
    public var status: SettlementStatus
    /// Reason for a variance.
    public var reason: String
    /// Who counted it.
    public var submittedBy: String?
    /// Who approved it.
    public var approvedBy: String?
}

/// The aging report as of a date.
public struct AgingReport: Sendable, Hashable, Codable {
    /// The date.
    public var asOf: LocalDate
    /// Customers with a balance or credit.
    public var rows: [AgingRow]
    /// Bucket totals.
    public var bucketTotals: [Money]
    /// Unapplied credit over all customers.
    public var unapplied: Money
    /// Σ row totals: open items less unapplied credit (equals the 1140 balance).
    public var total: Money
    /// Days sales outstanding in tenths of a day (nil without sales).
    public var dsoTenths: Int64?
    /// Sales of the DSO window.
    public var sales: Money
    /// Days of the DSO window.
    public var dsoDays: Int
    /// Collection-agency candidates.
    public var collectionCandidates: [CustomerID]
    /// The allowance the bucket rates call for.
    public var provisionRequired: Money
}

/// One line of a customer statement.
public struct StatementLine: Sendable, Hashable, Codable {
    /// Date.
    public var date: LocalDate
    /// Document.
    public var reference: String
    /// What happened.
    public var description: String
    /// Charges (invoices, deposits, bounced payments, refunds).
    public var debit: Money
    /// Credits (payments, allowances, cancels).
    public var credit: Money
    /// Running balance.
    public var balance: Money
}

/// A customer statement (對帳單) for a period.
public struct CustomerStatement: Sendable, Hashable, Codable {
    /// The customer.
    public var customer: CustomerID
    /// Name.
    public var name: String
    /// Where transfers go.
    public var virtualAccount: VirtualAccount
    /// The bank account the virtual account is at.
    public var bankAccount: String
    /// Period start.
    public var from: LocalDate
    /// Period end.
    public var to: LocalDate
    /// Balance before `from`.
    public var opening: Money
    /// Movements.
    public var lines: [StatementLine]
    /// Balance at `to`.
    public var closing: Money
    /// Items open at `to`.
    public var openItems: [OpenItemBalance]
    /// Unapplied credit at `to`.
    public var unapplied: Money
}

/// A hold for the holds screen and `credit holds`.
public struct HoldRecord: Sendable, Hashable, Codable {
    /// Customer.
    public var customer: CustomerID
    /// Name.
    public var name: String
    /// Placed by a person or a bounced check, or found by rule.
    public var kind: CreditHoldKind
    /// Reason or rule.
    public var reason: OperatorMessage
    /// When placed (manual holds).
    public var placedAt: LocalDateTime?
    /// By whom (manual holds).
    public var placedBy: String?
}
