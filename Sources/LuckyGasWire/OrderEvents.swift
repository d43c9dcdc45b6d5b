import LuckyGasCore

// Orders: the outbox payloads (Docs/events.md). Field names are the contract: never rename one,
// add a new field as optional or bump `schemaVersion`.

/// `OrderPlaced` (aggregate `order`): An order was confirmed at the counter or on the phone: its lines, price and the credit reserved.
public struct OrderPlaced: WireEvent {
    public static let eventType = "OrderPlaced"
    public static let aggregateType = "order"
    public static let schemaVersion = 1

    /// Order number `O-YYYYMMDD-NNNN`.
    public var number: String
    /// The order's UUID.
    public var uuid: String
    /// Customer id `C000123`.
    public var customerID: String
    /// Delivery address id of the customer.
    public var addressID: Int64
    /// ISO date.
    public var deliveryDate: String
    /// `MORNING`, `AFTERNOON` or `EVENING`.
    public var slot: String
    /// The priced lines.
    public var lines: [WireOrderLine]
    /// NT$ before discount.
    public var goodsGross: Int64
    /// NT$ volume discount.
    public var discount: Int64
    /// NT$.
    public var deliveryFee: Int64
    /// NT$ before tax.
    public var net: Int64
    /// NT$ 5 % VAT.
    public var tax: Int64
    /// NT$ the customer pays.
    public var total: Int64
    /// NT$ deposits charged if no empties come back.
    public var depositAtRisk: Int64
    /// NT$ credit reserved (0 for COD).
    public var reserved: Int64
    /// ISO date-time, +08:00.
    public var placedAt: String
    /// User.
    public var placedBy: String
    /// Supervisor who overrode a credit refusal.
    public var creditOverrideBy: String?
    /// Their reason.
    public var creditOverrideReason: String?

    public var aggregateID: String { number }

    private enum CodingKeys: String, CodingKey {
        case number, uuid, customerID, addressID, deliveryDate, slot, lines, goodsGross, discount, deliveryFee, net,
            tax, total, depositAtRisk, reserved, placedAt, placedBy, creditOverrideBy, creditOverrideReason
    }

    /// Creates the payload.
    public init(
        number: String, uuid: String, customerID: String, addressID: Int64, deliveryDate: String, slot: String,
        lines: [WireOrderLine], goodsGross: Int64, discount: Int64, deliveryFee: Int64, net: Int64, tax: Int64,
        total: Int64, depositAtRisk: Int64, reserved: Int64, placedAt: String, placedBy: String,
        creditOverrideBy: String? = nil, creditOverrideReason: String? = nil
    ) {
        self.number = number
        self.uuid = uuid
        self.customerID = customerID
        self.addressID = addressID
        self.deliveryDate = deliveryDate
        self.slot = slot
        self.lines = lines
        self.goodsGross = goodsGross
        self.discount = discount
        self.deliveryFee = deliveryFee
        self.net = net
        self.tax = tax
        self.total = total
        self.depositAtRisk = depositAtRisk
        self.reserved = reserved
        self.placedAt = placedAt
        self.placedBy = placedBy
        self.creditOverrideBy = creditOverrideBy
        self.creditOverrideReason = creditOverrideReason
    }
}

/// `OrderCancelled` (aggregate `order`): An order was cancelled with a reason; its credit reservation is released.
public struct OrderCancelled: WireEvent {
    public static let eventType = "OrderCancelled"
    public static let aggregateType = "order"
    public static let schemaVersion = 1

    /// Order number.
    public var number: String
    /// Why.
    public var reason: String
    /// NT$ reservation released.
    public var released: Int64
    /// ISO date-time.
    public var cancelledAt: String
    /// User.
    public var cancelledBy: String
    /// Supervisor who approved a cancel past the deadline.
    public var approvedBy: String?

    public var aggregateID: String { number }

    private enum CodingKeys: String, CodingKey {
        case number, reason, released, cancelledAt, cancelledBy, approvedBy
    }

    /// Creates the payload.
    public init(
        number: String, reason: String, released: Int64, cancelledAt: String, cancelledBy: String,
        approvedBy: String? = nil
    ) {
        self.number = number
        self.reason = reason
        self.released = released
        self.cancelledAt = cancelledAt
        self.cancelledBy = cancelledBy
        self.approvedBy = approvedBy
    }
}

/// A move of an order through dispatch (aggregate `order`): assigned, unassigned, departed,
/// failed (the note says why), rescheduled. The payload is the same for every kind.
public struct OrderMoved<Kind: EventKind>: WireEvent {
    public static var eventType: String { Kind.eventType }
    public static var aggregateType: String { "order" }
    public static var schemaVersion: Int { 1 }

    /// Order number.
    public var number: String
    /// The order's status after the change.
    public var status: String
    /// Free text (the reason of a failure).
    public var note: String
    /// ISO date-time.
    public var at: String
    /// User.
    public var by: String

    public var aggregateID: String { number }

    private enum CodingKeys: String, CodingKey {
        case number, status, note, at, by
    }

    /// Creates the payload.
    public init(number: String, status: String, note: String, at: String, by: String) {
        self.number = number
        self.status = status
        self.note = note
        self.at = at
        self.by = by
    }
}

/// The five moves.
public enum OrderMoves {
    /// A dispatcher assigned the order to a delivery run.
    public enum Assigned: EventKind { public static let eventType = "OrderAssigned" }
    /// The assignment was taken back; the order is confirmed again.
    public enum Unassigned: EventKind { public static let eventType = "OrderUnassigned" }
    /// The driver left with the order.
    public enum Departed: EventKind { public static let eventType = "OrderDeparted" }
    /// The delivery failed (the note says why); the reservation stays until rescheduled or cancelled.
    public enum Failed: EventKind { public static let eventType = "OrderFailed" }
    /// A failed order got a new attempt.
    public enum Rescheduled: EventKind { public static let eventType = "OrderRescheduled" }
}

/// `OrderAssigned`.
public typealias OrderAssigned = OrderMoved<OrderMoves.Assigned>
/// `OrderUnassigned`.
public typealias OrderUnassigned = OrderMoved<OrderMoves.Unassigned>
/// `OrderDeparted`.
public typealias OrderDeparted = OrderMoved<OrderMoves.Departed>
/// `OrderFailed`.
public typealias OrderFailed = OrderMoved<OrderMoves.Failed>
/// `OrderRescheduled`.
public typealias OrderRescheduled = OrderMoved<OrderMoves.Rescheduled>

/// `OrderDelivered` (aggregate `order`): The order was delivered: what went out, the empties, the money collected and the invoice issued for it.
public struct OrderDelivered: WireEvent {
    public static let eventType = "OrderDelivered"
    public static let aggregateType = "order"
    public static let schemaVersion = 1

    /// Order number.
    public var number: String
    /// The e-invoice issued, `AB12345678`.
    public var invoiceNumber: String
    /// NT$ invoice total.
    public var total: Int64
    /// NT$ deposits charged for missing empties (not on the invoice).
    public var deposit: Int64
    /// Empties taken back.
    public var emptiesReturned: Int
    /// Empties not returned.
    public var missingEmpties: Int
    /// How many cylinders the customer holds after this, less before: delivered cylinders that
    /// need an empty back, less the empties returned (the change of `WireCustomer.cylinderBalance`,
    /// which no `CustomerChanged` repeats).
    public var cylinderBalanceChange: Int
    /// NT$ collected on the spot.
    public var collected: Int64
    /// Receipt of the money collected (its `PaymentRecorded` follows).
    public var paymentNumber: String?
    /// ISO date the receivable is due.
    public var dueDate: String
    /// Driver `DRV001`; null for a counter sale.
    public var driverID: String?
    /// ISO date-time.
    public var deliveredAt: String
    /// User.
    public var deliveredBy: String

    public var aggregateID: String { number }

    private enum CodingKeys: String, CodingKey {
        case number, invoiceNumber, total, deposit, emptiesReturned, missingEmpties, cylinderBalanceChange, collected,
            paymentNumber,
            dueDate, driverID, deliveredAt, deliveredBy
    }

    /// Creates the payload.
    public init(
        number: String, invoiceNumber: String, total: Int64, deposit: Int64, emptiesReturned: Int, missingEmpties: Int,
        cylinderBalanceChange: Int,
        collected: Int64, paymentNumber: String? = nil, dueDate: String, driverID: String? = nil, deliveredAt: String,
        deliveredBy: String
    ) {
        self.number = number
        self.invoiceNumber = invoiceNumber
        self.total = total
        self.deposit = deposit
        self.emptiesReturned = emptiesReturned
        self.missingEmpties = missingEmpties
        self.cylinderBalanceChange = cylinderBalanceChange
        self.collected = collected
        self.paymentNumber = paymentNumber
        self.dueDate = dueDate
        self.driverID = driverID
        self.deliveredAt = deliveredAt
        self.deliveredBy = deliveredBy
    }
}

/// `SmsRequested` (aggregate `order`): A confirmation text message to send for an order (sent by central once the order is known there).
public struct SmsRequested: WireEvent {
    public static let eventType = "SmsRequested"
    public static let aggregateType = "order"
    public static let schemaVersion = 1

    /// Order number.
    public var order: String
    /// Mobile number, digits only.
    public var to: String
    /// Registered sender name.
    public var sender: String
    /// The text.
    public var message: String

    public var aggregateID: String { order }

    private enum CodingKeys: String, CodingKey {
        case order, to, sender, message
    }

    /// Creates the payload.
    public init(order: String, to: String, sender: String, message: String) {
        self.order = order
        self.to = to
        self.sender = sender
        self.message = message
    }
}
