import LuckyGasCore

/// What the counter enters for an order.
public struct OrderInput: Sendable, Hashable, Codable {
    /// The customer.
    public var customer: CustomerID
    /// The delivery address id; nil for the default address.
    public var addressID: Int64?
    /// Products and quantities.
    public var items: [QuoteRequest.Item]
    /// Delivery date.
    public var date: LocalDate
    /// Delivery slot.
    public var slot: DeliverySlot

    /// Creates an order input.
    public init(
        customer: CustomerID, addressID: Int64? = nil, items: [QuoteRequest.Item], date: LocalDate, slot: DeliverySlot
    ) {
        self.customer = customer
        self.addressID = addressID
        self.items = items
        self.date = date
        self.slot = slot
    }
}

/// A stored order with its lines and history fields.
public struct OrderRecord: Sendable, Hashable, Codable {
    /// `O-YYYYMMDD-NNNNNN`.
    public var number: OrderNumber
    /// UUID for sync.
    public var uuid: String
    /// The customer.
    public var customer: CustomerID
    /// The customer's name.
    public var customerName: String
    /// Delivery address id.
    public var addressID: Int64
    /// Delivery address text.
    public var address: String
    /// Zone of the address.
    public var zone: Zone
    /// Delivery date.
    public var date: LocalDate
    /// Slot.
    public var slot: DeliverySlot
    /// Status.
    public var status: OrderStatus
    /// The priced breakdown.
    public var quote: Quote
    /// When it was placed.
    public var placedAt: LocalDateTime
    /// Who placed it.
    public var placedBy: String
    /// Supervisor who overrode a credit refusal, if any.
    public var creditOverrideBy: String?
    /// Their reason.
    public var creditOverrideReason: String?
    /// When it was cancelled.
    public var cancelledAt: LocalDateTime?
    /// Who cancelled it.
    public var cancelledBy: String?
    /// Why.
    public var cancelReason: String?
    /// Credit still reserved for it.
    public var reserved: Money
    /// Last moment the counter may cancel without a supervisor.
    public var cancellationDeadline: LocalDateTime
    /// Version for optimistic concurrency.
    public var version: Int
}

/// What `placeOrder` returns.
public struct PlacedOrder: Sendable, Hashable, Codable {
    /// The new number.
    public var number: OrderNumber
    /// The priced breakdown.
    public var quote: Quote
    /// Amount reserved against credit (zero for COD).
    public var reserved: Money
    /// Available credit after the order (nil for COD).
    public var availableAfter: Money?
    /// The supervisor who overrode a refusal, if any.
    public var overriddenBy: String?
    /// The confirmation text queued for the customer's mobile (nil without a mobile number).
    public var sms: OrderConfirmationSMS?
}

/// Filters of the order list.
public struct OrderFilter: Sendable, Hashable {
    /// Delivery date from (inclusive).
    public var from: LocalDate?
    /// Delivery date to (inclusive).
    public var to: LocalDate?
    /// Only this status.
    public var status: OrderStatus?
    /// Only this customer.
    public var customer: CustomerID?
    /// At most this many rows (newest first).
    public var limit: Int

    /// Creates a filter.
    public init(
        from: LocalDate? = nil, to: LocalDate? = nil, status: OrderStatus? = nil, customer: CustomerID? = nil,
        limit: Int = 200
    ) {
        self.from = from
        self.to = to
        self.status = status
        self.customer = customer
        self.limit = limit
    }
}

/// A row of the order list.
public struct OrderSummary: Sendable, Hashable, Codable {
    /// Number.
    public var number: OrderNumber
    /// Customer id.
    public var customer: CustomerID
    /// Customer name.
    public var customerName: String
    /// Delivery date.
    public var date: LocalDate
    /// Slot.
    public var slot: DeliverySlot
    /// Status.
    public var status: OrderStatus
    /// Total, tax included.
    public var total: Money
}
