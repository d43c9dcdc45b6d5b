import LuckyGasCore

// Invoices and allowances: the outbox payloads (Docs/events.md). Field names are the contract: never rename one,
// add a new field as optional or bump `schemaVersion`.

/// `InvoiceIssued` (aggregate `invoice`): An e-invoice was issued (F0401 queued for upload).
public struct InvoiceIssued: WireEvent {
    public static let eventType = "InvoiceIssued"
    public static let aggregateType = "invoice"
    public static let schemaVersion = 1

    /// Invoice number `AB12345678`.
    public var number: String
    /// The order it bills.
    public var orderNumber: String?
    /// Customer id.
    public var customerID: String
    /// Who it is issued to and how it reaches them.
    public var buyer: WireBuyer
    /// NT$ sales amount.
    public var net: Int64
    /// NT$ tax.
    public var tax: Int64
    /// NT$ total.
    public var total: Int64
    /// 4-digit random number.
    public var randomNumber: String
    /// ISO date-time.
    public var issuedAt: String
    /// User.
    public var issuedBy: String

    public var aggregateID: String { number }

    private enum CodingKeys: String, CodingKey {
        case number, orderNumber, customerID, buyer, net, tax, total, randomNumber, issuedAt, issuedBy
    }

    /// Creates the payload.
    public init(
        number: String, orderNumber: String? = nil, customerID: String, buyer: WireBuyer, net: Int64, tax: Int64,
        total: Int64, randomNumber: String, issuedAt: String, issuedBy: String
    ) {
        self.number = number
        self.orderNumber = orderNumber
        self.customerID = customerID
        self.buyer = buyer
        self.net = net
        self.tax = tax
        self.total = total
        self.randomNumber = randomNumber
        self.issuedAt = issuedAt
        self.issuedBy = issuedBy
    }
}

/// `InvoiceCancelled` (aggregate `invoice`): An issued invoice was cancelled (F0501); its receivable and ledger entry are reversed.
public struct InvoiceCancelled: WireEvent {
    public static let eventType = "InvoiceCancelled"
    public static let aggregateType = "invoice"
    public static let schemaVersion = 1

    /// Invoice number.
    public var number: String
    /// Why.
    public var reason: String
    /// Supervisor who approved a cancel of an earlier day.
    public var approvedBy: String?
    /// ISO date-time.
    public var cancelledAt: String
    /// User.
    public var cancelledBy: String

    public var aggregateID: String { number }

    private enum CodingKeys: String, CodingKey {
        case number, reason, approvedBy, cancelledAt, cancelledBy
    }

    /// Creates the payload.
    public init(number: String, reason: String, approvedBy: String? = nil, cancelledAt: String, cancelledBy: String) {
        self.number = number
        self.reason = reason
        self.approvedBy = approvedBy
        self.cancelledAt = cancelledAt
        self.cancelledBy = cancelledBy
    }
}

/// `InvoiceVoidedAndReissued` (aggregate `invoice`): An invoice was voided (F0701) and re-issued under the same number to a corrected buyer.
public struct InvoiceVoidedAndReissued: WireEvent {
    public static let eventType = "InvoiceVoidedAndReissued"
    public static let aggregateType = "invoice"
    public static let schemaVersion = 1

    /// Invoice number.
    public var number: String
    /// Why.
    public var reason: String
    /// The buyer before.
    public var previousBuyer: WireBuyer
    /// The buyer now.
    public var buyer: WireBuyer
    /// ISO date-time.
    public var at: String
    /// User.
    public var by: String

    public var aggregateID: String { number }

    private enum CodingKeys: String, CodingKey {
        case number, reason, previousBuyer, buyer, at, by
    }

    /// Creates the payload.
    public init(number: String, reason: String, previousBuyer: WireBuyer, buyer: WireBuyer, at: String, by: String) {
        self.number = number
        self.reason = reason
        self.previousBuyer = previousBuyer
        self.buyer = buyer
        self.at = at
        self.by = by
    }
}

/// `AllowanceIssued` (aggregate `allowance`): A sales allowance (折讓, G0401) was issued against an invoice.
public struct AllowanceIssued: WireEvent {
    public static let eventType = "AllowanceIssued"
    public static let aggregateType = "allowance"
    public static let schemaVersion = 1

    /// Allowance number.
    public var number: String
    /// The invoice.
    public var invoiceNumber: String
    /// Customer id.
    public var customerID: String
    /// NT$.
    public var net: Int64
    /// NT$.
    public var tax: Int64
    /// NT$.
    public var total: Int64
    /// Why.
    public var reason: String
    /// Supervisor who approved a large allowance.
    public var approvedBy: String?
    /// ISO date-time.
    public var issuedAt: String
    /// User.
    public var issuedBy: String

    public var aggregateID: String { number }

    private enum CodingKeys: String, CodingKey {
        case number, invoiceNumber, customerID, net, tax, total, reason, approvedBy, issuedAt, issuedBy
    }

    /// Creates the payload.
    public init(
        number: String, invoiceNumber: String, customerID: String, net: Int64, tax: Int64, total: Int64, reason: String,
        approvedBy: String? = nil, issuedAt: String, issuedBy: String
    ) {
        self.number = number
        self.invoiceNumber = invoiceNumber
        self.customerID = customerID
        self.net = net
        self.tax = tax
        self.total = total
        self.reason = reason
        self.approvedBy = approvedBy
        self.issuedAt = issuedAt
        self.issuedBy = issuedBy
    }
}

/// `AllowanceCancelled` (aggregate `allowance`): An allowance was cancelled (G0501); the receivable is restored.
public struct AllowanceCancelled: WireEvent {
    public static let eventType = "AllowanceCancelled"
    public static let aggregateType = "allowance"
    public static let schemaVersion = 1

    /// Allowance number.
    public var number: String
    /// The invoice.
    public var invoiceNumber: String
    /// Why.
    public var reason: String
    /// ISO date-time.
    public var cancelledAt: String
    /// User.
    public var cancelledBy: String

    public var aggregateID: String { number }

    private enum CodingKeys: String, CodingKey {
        case number, invoiceNumber, reason, cancelledAt, cancelledBy
    }

    /// Creates the payload.
    public init(number: String, invoiceNumber: String, reason: String, cancelledAt: String, cancelledBy: String) {
        self.number = number
        self.invoiceNumber = invoiceNumber
        self.reason = reason
        self.cancelledAt = cancelledAt
        self.cancelledBy = cancelledBy
    }
}
