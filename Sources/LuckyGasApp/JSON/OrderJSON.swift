import LuckyGasCore
import LuckyGasStore

/// `order quote --json`: the price and the calendar's verdict on the date and slot (the same
/// check `order place` makes, so a quote for a closed day says so before anyone places it).
struct QuoteJSON: CLIJSON {
    struct Calendar: CLIJSON {
        var open: Bool
        var code: String?
        var message: MessageJSON?
    }
    var customer: String
    var deliveryDate: String
    var slot: String
    var price: PriceJSON
    var total: Int64
    var calendar: Calendar

    init(_ input: OrderInput, quote: Quote, refusal: CalendarError?) {
        customer = input.customer.rawValue
        deliveryDate = input.date.iso
        slot = input.slot.rawValue
        price = PriceJSON(quote)
        total = quote.total.amount
        calendar = Calendar(
            open: refusal == nil, code: refusal.map { ErrorCode.of($0) },
            message: refusal.map { MessageJSON($0.operatorMessage) })
    }
}

/// `order place --json`.
struct PlacedOrderJSON: CLIJSON {
    struct SMS: CLIJSON {
        var to: String
        var message: String
    }
    var number: String
    var status: String
    var price: PriceJSON
    var total: Int64
    var reserved: Int64
    var availableAfter: Int64?
    var creditOverrideBy: String?
    var sms: SMS?

    init(_ placed: PlacedOrder) {
        number = placed.number.rawValue
        status = OrderStatus.confirmed.rawValue
        price = PriceJSON(placed.quote)
        total = placed.quote.total.amount
        reserved = placed.reserved.amount
        availableAfter = placed.availableAfter?.amount
        creditOverrideBy = placed.overriddenBy
        sms = placed.sms.map { SMS(to: $0.to, message: $0.message) }
    }
}

/// `order show|cancel|event --json`: one order.
struct OrderJSON: CLIJSON {
    var number: String
    var status: String
    var version: Int
    var customer: String
    var customerName: String
    var addressID: Int64
    var address: String
    var zone: String
    var deliveryDate: String
    var slot: String
    var price: PriceJSON
    var total: Int64
    var reserved: Int64
    var placedAt: String
    var placedBy: String
    var cancellationDeadline: String
    var creditOverrideBy: String?
    var creditOverrideReason: String?
    var cancelledAt: String?
    var cancelledBy: String?
    var cancelReason: String?

    init(_ record: OrderRecord) {
        number = record.number.rawValue
        status = record.status.rawValue
        version = record.version
        customer = record.customer.rawValue
        customerName = record.customerName
        addressID = record.addressID
        address = record.address
        zone = record.zone.rawValue
        deliveryDate = record.date.iso
        slot = record.slot.rawValue
        price = PriceJSON(record.quote)
        total = record.quote.total.amount
        reserved = record.reserved.amount
        placedAt = record.placedAt.iso
        placedBy = record.placedBy
        cancellationDeadline = record.cancellationDeadline.iso
        creditOverrideBy = record.creditOverrideBy
        creditOverrideReason = record.creditOverrideReason
        cancelledAt = record.cancelledAt?.iso
        cancelledBy = record.cancelledBy
        cancelReason = record.cancelReason
    }
}

/// `order list --json`: one row per order.
struct OrderRowJSON: CLIJSON {
    var number: String
    var customer: String
    var customerName: String
    var deliveryDate: String
    var slot: String
    var status: String
    var total: Int64

    init(_ summary: OrderSummary) {
        number = summary.number.rawValue
        customer = summary.customer.rawValue
        customerName = summary.customerName
        deliveryDate = summary.date.iso
        slot = summary.slot.rawValue
        status = summary.status.rawValue
        total = summary.total.amount
    }
}

/// `order deliver --json`.
struct DeliveryJSON: CLIJSON {
    var order: String
    var status: String
    var invoice: String
    var total: Int64
    var emptiesReturned: Int
    var missingEmpties: Int
    var deposit: Int64
    var collected: Int64
    var payment: String?
    var dueDate: String

    init(_ receipt: DeliveryReceipt) {
        order = receipt.order.rawValue
        status = OrderStatus.delivered.rawValue
        invoice = receipt.invoice.rawValue
        total = receipt.total.amount
        emptiesReturned = receipt.deposit.emptiesReturned
        missingEmpties = receipt.deposit.missingEmpties
        deposit = receipt.deposit.amount.amount
        collected = receipt.collected.amount
        payment = receipt.payment?.rawValue
        dueDate = receipt.dueDate.iso
    }
}
