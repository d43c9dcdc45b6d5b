/// Whether a receipt stands (DOMAIN.md "Payments and receivables").
public enum ReceiptStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Recorded and in the books.
    case posted = "POSTED"
    /// Undone: a bounced check or a returned transfer.
    case reversed = "REVERSED"
}

/// Where a payment came in.
public enum PaymentSource: String, Sendable, Hashable, Codable, CaseIterable {
    /// At the counter.
    case counter = "COUNTER"
    /// Collected by a driver at a delivery (or at a walk-in sale).
    case delivery = "DELIVERY"
    /// A bank statement line.
    case bank = "BANK"
}

/// Where a check received stands.
public enum CheckStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Held, not yet presented or collected.
    case held = "HELD"
    /// Collected by the bank.
    case cleared = "CLEARED"
    /// Returned unpaid (退票).
    case bounced = "BOUNCED"
}

/// Where a collector's day of cash and checks stands.
public enum SettlementStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Collected, not yet counted.
    case open = "OPEN"
    /// Counted and handed in.
    case submitted = "SUBMITTED"
    /// Approved by a supervisor; the cash is on its way to the bank.
    case approved = "APPROVED"
}

/// Where a bank statement line stands.
public enum BankLineStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Waiting for a match or a person.
    case open = "OPEN"
    /// Turned into a receipt.
    case matched = "MATCHED"
    /// Set aside as not a customer's payment.
    case rejected = "REJECTED"
    /// Not a credit (fees, debits): nothing to do.
    case ignored = "IGNORED"
}
