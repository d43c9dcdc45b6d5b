import LuckyGasCore

// Customers and credit holds: the outbox payloads (Docs/events.md). Field names are the contract: never rename one,
// add a new field as optional or bump `schemaVersion`.

/// `CreditHoldPlaced` (aggregate `credit_hold`): A customer's credit was put on hold.
public struct CreditHoldPlaced: WireEvent {
    public static let eventType = "CreditHoldPlaced"
    public static let aggregateType = "credit_hold"
    public static let schemaVersion = 1

    /// Hold id.
    public var holdID: Int64
    /// Customer id.
    public var customerID: String
    /// `MANUAL` or `BOUNCED_CHECK`.
    public var kind: String
    /// Why.
    public var reason: String
    /// ISO date-time.
    public var at: String
    /// User.
    public var by: String

    public var aggregateID: String { String(holdID) }

    private enum CodingKeys: String, CodingKey {
        case holdID, customerID, kind, reason, at, by
    }

    /// Creates the payload.
    public init(holdID: Int64, customerID: String, kind: String, reason: String, at: String, by: String) {
        self.holdID = holdID
        self.customerID = customerID
        self.kind = kind
        self.reason = reason
        self.at = at
        self.by = by
    }
}

/// `CreditHoldReleased` (aggregate `credit_hold`): A hold was released.
public struct CreditHoldReleased: WireEvent {
    public static let eventType = "CreditHoldReleased"
    public static let aggregateType = "credit_hold"
    public static let schemaVersion = 1

    /// Hold id.
    public var holdID: Int64
    /// Customer id.
    public var customerID: String
    /// Why.
    public var reason: String
    /// ISO date-time.
    public var at: String
    /// User.
    public var by: String

    public var aggregateID: String { String(holdID) }

    private enum CodingKeys: String, CodingKey {
        case holdID, customerID, reason, at, by
    }

    /// Creates the payload.
    public init(holdID: Int64, customerID: String, reason: String, at: String, by: String) {
        self.holdID = holdID
        self.customerID = customerID
        self.reason = reason
        self.at = at
        self.by = by
    }
}

/// The whole customer after a change (aggregate `customer`): `CustomerAdded` and
/// `CustomerChanged`. One payload.
public struct CustomerSnapshot<Kind: EventKind>: WireEvent {
    public static var eventType: String { Kind.eventType }
    public static var aggregateType: String { "customer" }
    public static var schemaVersion: Int { 1 }

    /// Customer id.
    public var id: String
    /// The customer after the change.
    public var customer: WireCustomer
    /// ISO date-time.
    public var at: String
    /// User.
    public var by: String

    public var aggregateID: String { id }

    private enum CodingKeys: String, CodingKey {
        case id, customer, at, by
    }

    /// Creates the payload.
    public init(id: String, customer: WireCustomer, at: String, by: String) {
        self.id = id
        self.customer = customer
        self.at = at
        self.by = by
    }
}

/// The two kinds of `CustomerSnapshot`.
public enum CustomerSnapshots {
    /// A customer was added.
    public enum Added: EventKind { public static let eventType = "CustomerAdded" }
    /// A customer's details changed.
    public enum Changed: EventKind { public static let eventType = "CustomerChanged" }
}

/// `CustomerAdded`.
public typealias CustomerAdded = CustomerSnapshot<CustomerSnapshots.Added>
/// `CustomerChanged`.
public typealias CustomerChanged = CustomerSnapshot<CustomerSnapshots.Changed>

/// `SpecialPriceSet` (aggregate `customer`): A customer got a special price for a product.
public struct SpecialPriceSet: WireEvent {
    public static let eventType = "SpecialPriceSet"
    public static let aggregateType = "customer"
    public static let schemaVersion = 1

    /// Customer id.
    public var customerID: String
    /// Product code `P001`.
    public var product: String
    /// NT$ per unit.
    public var price: Int64
    /// ISO date.
    public var validFrom: String
    /// ISO date.
    public var validUntil: String
    /// ISO date-time.
    public var at: String
    /// User.
    public var by: String

    public var aggregateID: String { customerID }

    private enum CodingKeys: String, CodingKey {
        case customerID, product, price, validFrom, validUntil, at, by
    }

    /// Creates the payload.
    public init(
        customerID: String, product: String, price: Int64, validFrom: String, validUntil: String, at: String, by: String
    ) {
        self.customerID = customerID
        self.product = product
        self.price = price
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.at = at
        self.by = by
    }
}

/// `OpeningBalanceImported` (aggregate `open_item`): A receivable carried over from the old system.
public struct OpeningBalanceImported: WireEvent {
    public static let eventType = "OpeningBalanceImported"
    public static let aggregateType = "open_item"
    public static let schemaVersion = 1

    /// Open item id.
    public var openItemID: Int64
    /// Customer id.
    public var customerID: String
    /// The old document.
    public var reference: String
    /// ISO date.
    public var documentDate: String
    /// ISO date.
    public var dueDate: String
    /// NT$.
    public var amount: Int64
    /// ISO date-time.
    public var at: String
    /// User.
    public var by: String

    public var aggregateID: String { String(openItemID) }

    private enum CodingKeys: String, CodingKey {
        case openItemID, customerID, reference, documentDate, dueDate, amount, at, by
    }

    /// Creates the payload.
    public init(
        openItemID: Int64, customerID: String, reference: String, documentDate: String, dueDate: String, amount: Int64,
        at: String, by: String
    ) {
        self.openItemID = openItemID
        self.customerID = customerID
        self.reference = reference
        self.documentDate = documentDate
        self.dueDate = dueDate
        self.amount = amount
        self.at = at
        self.by = by
    }
}
