import Foundation
import LuckyGasCore
import LuckyGasStore

/// A value the CLI prints with `--json`: a shape designed for scripts and documented in
/// Docs/cli-json.md, pinned by a golden test. Only types made for output conform, so an
/// internal type can never be encoded straight to the outside (no Swift `_0` keys, no
/// strings where a number or boolean belongs).
///
/// Keys are the stored properties' names, and a value that is absent is `null`, never a
/// missing key: every object of a kind has the same keys, whatever the data.
protocol CLIJSON: Encodable {}

extension CLIJSON {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: PropertyKey.self)
        for child in Mirror(reflecting: self).children {
            guard let label = child.label else { continue }
            let key = PropertyKey(stringValue: label)
            if let optional = child.value as? any AbsentValue, optional.isAbsent {
                try container.encodeNil(forKey: key)
            } else if let value = child.value as? any Encodable {
                try container.encode(value, forKey: key)
            }
        }
    }
}

extension Array: CLIJSON where Element: CLIJSON {}

/// A property's name as a JSON key.
private struct PropertyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// An optional without a value.
private protocol AbsentValue { var isAbsent: Bool { get } }

extension Optional: AbsentValue {
    fileprivate var isAbsent: Bool { self == nil }
}

/// A bilingual message.
struct MessageJSON: CLIJSON, Equatable {
    var zh: String
    var en: String

    init(_ message: OperatorMessage) {
        zh = message.zh
        en = message.en
    }
}

/// A line of an order or a quote.
struct LineJSON: CLIJSON {
    var product: String
    var name: String
    var quantity: Int
    var unitPrice: Int64
    var specialPrice: Bool
    var gross: Int64
    var discount: Int64
    var net: Int64

    init(_ line: QuoteLine) {
        product = line.product.rawValue
        name = line.name
        quantity = line.quantity
        unitPrice = line.unitPrice.amount
        specialPrice = line.isSpecialPrice
        gross = line.gross.amount
        discount = line.discount.amount
        net = line.net.amount
    }
}

/// The price of an order.
struct PriceJSON: CLIJSON {
    var lines: [LineJSON]
    var cylinders: Int
    var discountPercent: Int64
    var goodsGross: Int64
    var discount: Int64
    var goodsNet: Int64
    var deliveryFee: Int64
    var feeFactorPermille: Int64
    var freeDelivery: Bool
    var net: Int64
    var tax: Int64
    var total: Int64
    var depositAtRisk: Int64

    init(_ quote: Quote) {
        lines = quote.lines.map(LineJSON.init)
        cylinders = quote.cylinders
        discountPercent = quote.discountPercent
        goodsGross = quote.goodsGross.amount
        discount = quote.discount.amount
        goodsNet = quote.goodsNet.amount
        deliveryFee = quote.deliveryFee.amount
        feeFactorPermille = quote.feeFactorPermille
        freeDelivery = quote.freeDelivery
        net = quote.net.amount
        tax = quote.tax.amount
        total = quote.total.amount
        depositAtRisk = quote.depositAtRisk.amount
    }
}

/// How an invoice reaches its buyer, readable: `{"kind":"donation","code":"25885"}`.
struct BuyerJSON: CLIJSON {
    /// `business`, `printed`, `mobile_barcode`, `citizen_certificate`, `donation`.
    struct Delivery: CLIJSON {
        var kind: String
        var code: String?
    }
    var name: String
    var ubn: String?
    var isBusiness: Bool
    var delivery: Delivery
    var carrierType: String?
    var carrierID: String?
    var donationCode: String?

    init(_ buyer: InvoiceBuyer) {
        name = buyer.name
        ubn = buyer.ubn
        isBusiness = buyer.isBusiness
        delivery = Delivery(kind: buyer.delivery.kind, code: buyer.delivery.code)
        carrierType = buyer.carrierType
        carrierID = buyer.carrierID
        donationCode = buyer.donationCode
    }
}

/// A customer's e-invoice preference: `{"kind":"DONATION","code":"25885"}`.
struct PreferenceJSON: CLIJSON {
    var kind: String
    var code: String?

    init(_ preference: InvoicePreference) {
        kind = preference.kind
        code = preference.value.isEmpty ? nil : preference.value
    }
}
