import LuckyGasCore

// Payments, bank lines, settlements and the provision: the outbox payloads (Docs/events.md). Field names are the contract: never rename one,
// add a new field as optional or bump `schemaVersion`.

/// `PaymentRecorded` (aggregate `payment`): Money was received: at the counter, at a delivery, or from a bank statement line.
public struct PaymentRecorded: WireEvent {
    public static let eventType = "PaymentRecorded"
    public static let aggregateType = "payment"
    public static let schemaVersion = 1

    /// Receipt number `R-YYYYMMDD-NNNN`.
    public var number: String
    /// Customer id.
    public var customerID: String
    /// ISO date.
    public var receivedOn: String
    /// NT$.
    public var amount: Int64
    /// `CASH`, `CHECK`, `BANK_TRANSFER`, `CREDIT_CARD`, `LINE_PAY` or `JKOPAY`.
    public var method: String
    /// `COUNTER`, `DELIVERY` or `BANK`.
    public var source: String
    /// The payer's reference.
    public var reference: String
    /// The check, for method `CHECK`.
    public var check: WireCheck?
    /// Driver or user who holds the cash or check.
    public var collector: String?
    /// The delivery it was collected at.
    public var orderNumber: String?
    /// The statement line it came from.
    public var bankLineID: Int64?
    /// ISO date-time.
    public var recordedAt: String
    /// User.
    public var recordedBy: String

    public var aggregateID: String { number }

    private enum CodingKeys: String, CodingKey {
        case number, customerID, receivedOn, amount, method, source, reference, check, collector, orderNumber,
            bankLineID, recordedAt, recordedBy
    }

    /// Creates the payload.
    public init(
        number: String, customerID: String, receivedOn: String, amount: Int64, method: String, source: String,
        reference: String, check: WireCheck? = nil, collector: String? = nil, orderNumber: String? = nil,
        bankLineID: Int64? = nil, recordedAt: String, recordedBy: String
    ) {
        self.number = number
        self.customerID = customerID
        self.receivedOn = receivedOn
        self.amount = amount
        self.method = method
        self.source = source
        self.reference = reference
        self.check = check
        self.collector = collector
        self.orderNumber = orderNumber
        self.bankLineID = bankLineID
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }
}

/// `PaymentAllocated` (aggregate `payment`): Part of a payment was applied to open items.
public struct PaymentAllocated: WireEvent {
    public static let eventType = "PaymentAllocated"
    public static let aggregateType = "payment"
    public static let schemaVersion = 1

    /// Receipt number.
    public var number: String
    /// How the items were chosen (`OLDEST_FIRST`, `CHOSEN`, `DELIVERY`, a bank rule).
    public var rule: String
    /// What was applied to which item.
    public var allocations: [WireAllocation]
    /// NT$ left unapplied after this.
    public var unapplied: Int64
    /// ISO date-time.
    public var at: String
    /// User.
    public var by: String

    public var aggregateID: String { number }

    private enum CodingKeys: String, CodingKey {
        case number, rule, allocations, unapplied, at, by
    }

    /// Creates the payload.
    public init(number: String, rule: String, allocations: [WireAllocation], unapplied: Int64, at: String, by: String) {
        self.number = number
        self.rule = rule
        self.allocations = allocations
        self.unapplied = unapplied
        self.at = at
        self.by = by
    }
}

/// Money of a payment given back to be unapplied, or paid out of it (aggregate `payment`):
/// `PaymentUnallocated` (allocations reversed: the items reopen and the money is unapplied
/// again) and `PaymentRefunded` (unapplied money paid back to the customer). One payload.
public struct PaymentAmountMoved<Kind: EventKind>: WireEvent {
    public static var eventType: String { Kind.eventType }
    public static var aggregateType: String { "payment" }
    public static var schemaVersion: Int { 1 }

    /// Receipt number.
    public var number: String
    /// NT$ taken back from the items, or paid back to the customer.
    public var amount: Int64
    /// Why.
    public var reason: String
    /// NT$ unapplied after this.
    public var unapplied: Int64
    /// ISO date-time.
    public var at: String
    /// User.
    public var by: String

    public var aggregateID: String { number }

    private enum CodingKeys: String, CodingKey {
        case number, amount, reason, unapplied, at, by
    }

    /// Creates the payload.
    public init(number: String, amount: Int64, reason: String, unapplied: Int64, at: String, by: String) {
        self.number = number
        self.amount = amount
        self.reason = reason
        self.unapplied = unapplied
        self.at = at
        self.by = by
    }
}

/// The two kinds of `PaymentAmountMoved`.
public enum PaymentAmountMoves {
    /// Allocations reversed.
    public enum Unallocated: EventKind { public static let eventType = "PaymentUnallocated" }
    /// Unapplied money paid back.
    public enum Refunded: EventKind { public static let eventType = "PaymentRefunded" }
}

/// `PaymentUnallocated`.
public typealias PaymentUnallocated = PaymentAmountMoved<PaymentAmountMoves.Unallocated>
/// `PaymentRefunded`.
public typealias PaymentRefunded = PaymentAmountMoved<PaymentAmountMoves.Refunded>

/// `PaymentReversed` (aggregate `payment`): A payment that never really arrived was undone (a bounced check puts the customer on hold).
public struct PaymentReversed: WireEvent {
    public static let eventType = "PaymentReversed"
    public static let aggregateType = "payment"
    public static let schemaVersion = 1

    /// Receipt number.
    public var number: String
    /// Why.
    public var reason: String
    /// Whether it was a bounced check.
    public var bounced: Bool
    /// ISO date-time.
    public var at: String
    /// User.
    public var by: String

    public var aggregateID: String { number }

    private enum CodingKeys: String, CodingKey {
        case number, reason, bounced, at, by
    }

    /// Creates the payload.
    public init(number: String, reason: String, bounced: Bool, at: String, by: String) {
        self.number = number
        self.reason = reason
        self.bounced = bounced
        self.at = at
        self.by = by
    }
}

/// `CheckCleared` (aggregate `payment`): The bank collected a held check.
public struct CheckCleared: WireEvent {
    public static let eventType = "CheckCleared"
    public static let aggregateType = "payment"
    public static let schemaVersion = 1

    /// Receipt number.
    public var number: String
    /// NT$.
    public var amount: Int64
    /// ISO date.
    public var clearedOn: String
    /// ISO date-time.
    public var at: String
    /// User.
    public var by: String

    public var aggregateID: String { number }

    private enum CodingKeys: String, CodingKey {
        case number, amount, clearedOn, at, by
    }

    /// Creates the payload.
    public init(number: String, amount: Int64, clearedOn: String, at: String, by: String) {
        self.number = number
        self.amount = amount
        self.clearedOn = clearedOn
        self.at = at
        self.by = by
    }
}

/// `BankLinePosted` (aggregate `bank_line`): A bank statement line became a receipt (its `PaymentRecorded` and `PaymentAllocated` come with it).
public struct BankLinePosted: WireEvent {
    public static let eventType = "BankLinePosted"
    public static let aggregateType = "bank_line"
    public static let schemaVersion = 1

    /// Statement line id.
    public var lineID: Int64
    /// The receipt.
    public var paymentNumber: String
    /// Customer id.
    public var customerID: String
    /// NT$.
    public var amount: Int64
    /// ISO date.
    public var valueDate: String
    /// The matching rule that found the customer.
    public var rule: String
    /// ISO date-time.
    public var at: String
    /// User.
    public var by: String

    public var aggregateID: String { String(lineID) }

    private enum CodingKeys: String, CodingKey {
        case lineID, paymentNumber, customerID, amount, valueDate, rule, at, by
    }

    /// Creates the payload.
    public init(
        lineID: Int64, paymentNumber: String, customerID: String, amount: Int64, valueDate: String, rule: String,
        at: String, by: String
    ) {
        self.lineID = lineID
        self.paymentNumber = paymentNumber
        self.customerID = customerID
        self.amount = amount
        self.valueDate = valueDate
        self.rule = rule
        self.at = at
        self.by = by
    }
}

/// `BankLineRejected` (aggregate `bank_line`): A statement line was set aside as not a customer's payment.
public struct BankLineRejected: WireEvent {
    public static let eventType = "BankLineRejected"
    public static let aggregateType = "bank_line"
    public static let schemaVersion = 1

    /// Statement line id.
    public var lineID: Int64
    /// Why.
    public var reason: String
    /// ISO date-time.
    public var at: String
    /// User.
    public var by: String

    public var aggregateID: String { String(lineID) }

    private enum CodingKeys: String, CodingKey {
        case lineID, reason, at, by
    }

    /// Creates the payload.
    public init(lineID: Int64, reason: String, at: String, by: String) {
        self.lineID = lineID
        self.reason = reason
        self.at = at
        self.by = by
    }
}

/// `SettlementSubmitted` (aggregate `settlement`): A collector's day of cash and checks was counted.
public struct SettlementSubmitted: WireEvent {
    public static let eventType = "SettlementSubmitted"
    public static let aggregateType = "settlement"
    public static let schemaVersion = 1

    /// `collector/YYYY-MM-DD`.
    public var key: String
    /// Driver or user.
    public var collector: String
    /// ISO date.
    public var day: String
    /// NT$.
    public var expectedCash: Int64
    /// NT$.
    public var expectedChecks: Int64
    /// NT$.
    public var countedCash: Int64
    /// NT$.
    public var countedChecks: Int64
    /// Why a variance.
    public var reason: String
    /// ISO date-time.
    public var at: String
    /// User.
    public var by: String

    public var aggregateID: String { key }

    private enum CodingKeys: String, CodingKey {
        case key, collector, day, expectedCash, expectedChecks, countedCash, countedChecks, reason, at, by
    }

    /// Creates the payload.
    public init(
        key: String, collector: String, day: String, expectedCash: Int64, expectedChecks: Int64, countedCash: Int64,
        countedChecks: Int64, reason: String, at: String, by: String
    ) {
        self.key = key
        self.collector = collector
        self.day = day
        self.expectedCash = expectedCash
        self.expectedChecks = expectedChecks
        self.countedCash = countedCash
        self.countedChecks = countedChecks
        self.reason = reason
        self.at = at
        self.by = by
    }
}

/// `SettlementApproved` (aggregate `settlement`): A supervisor approved a counted day; the cash goes to the bank.
public struct SettlementApproved: WireEvent {
    public static let eventType = "SettlementApproved"
    public static let aggregateType = "settlement"
    public static let schemaVersion = 1

    /// `collector/YYYY-MM-DD`.
    public var key: String
    /// Driver or user.
    public var collector: String
    /// ISO date.
    public var day: String
    /// NT$.
    public var countedCash: Int64
    /// NT$.
    public var countedChecks: Int64
    /// ISO date-time.
    public var at: String
    /// Supervisor.
    public var by: String

    public var aggregateID: String { key }

    private enum CodingKeys: String, CodingKey {
        case key, collector, day, countedCash, countedChecks, at, by
    }

    /// Creates the payload.
    public init(
        key: String, collector: String, day: String, countedCash: Int64, countedChecks: Int64, at: String, by: String
    ) {
        self.key = key
        self.collector = collector
        self.day = day
        self.countedCash = countedCash
        self.countedChecks = countedChecks
        self.at = at
        self.by = by
    }
}

/// `ProvisionPosted` (aggregate `provision`): The bad-debt provision (備抵呆帳) was brought to what the aging requires.
public struct ProvisionPosted: WireEvent {
    public static let eventType = "ProvisionPosted"
    public static let aggregateType = "provision"
    public static let schemaVersion = 1

    /// Journal reference.
    public var reference: String
    /// ISO date of the aging.
    public var asOf: String
    /// NT$ provision required.
    public var required: Int64
    /// NT$ posted now (may be negative).
    public var change: Int64
    /// ISO date-time.
    public var at: String
    /// User.
    public var by: String

    public var aggregateID: String { reference }

    private enum CodingKeys: String, CodingKey {
        case reference, asOf, required, change, at, by
    }

    /// Creates the payload.
    public init(reference: String, asOf: String, required: Int64, change: Int64, at: String, by: String) {
        self.reference = reference
        self.asOf = asOf
        self.required = required
        self.change = change
        self.at = at
        self.by = by
    }
}
