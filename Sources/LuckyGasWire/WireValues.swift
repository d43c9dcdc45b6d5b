import LuckyGasCore

// The values events share. Built from Core types by the initialisers below; the fields are the
// contract (Docs/events.md "Shared values").

/// One priced line of an order.
public struct WireOrderLine: Codable, Sendable, Hashable {
    /// Product code `P001`.
    public var product: String
    /// Product name at the time of the order.
    public var name: String
    /// Units ordered.
    public var quantity: Int
    /// NT$ per unit (the special price when there is one).
    public var unitPrice: Int64
    /// Whether the unit price is the customer's special price.
    public var specialPrice: Bool
    /// NT$ after the line's discount.
    public var net: Int64

    private enum CodingKeys: String, CodingKey { case product, name, quantity, unitPrice, specialPrice, net }

    /// The line of a quote.
    public init(_ line: QuoteLine) {
        product = line.product.rawValue
        name = line.name
        quantity = line.quantity
        unitPrice = line.unitPrice.amount
        specialPrice = line.isSpecialPrice
        net = line.net.amount
    }
}

/// How an invoice reaches its buyer: `{"kind":"donation","code":"25885"}`.
public struct WireDelivery: Codable, Sendable, Hashable {
    /// `business`, `printed`, `mobile_barcode`, `citizen_certificate` or `donation`.
    public var kind: String
    /// The UBN, carrier id or donation code; absent for `printed`.
    public var code: String?

    private enum CodingKeys: String, CodingKey { case kind, code }

    /// The delivery of a buyer.
    public init(_ delivery: InvoiceBuyer.Delivery) {
        kind = delivery.kind
        code = delivery.code
    }
}

/// Who an invoice is issued to.
public struct WireBuyer: Codable, Sendable, Hashable {
    /// The buyer's name (`0000` for a consumer).
    public var name: String
    /// The buyer's UBN; absent for a consumer.
    public var ubn: String?
    /// How the invoice reaches them.
    public var delivery: WireDelivery

    private enum CodingKeys: String, CodingKey { case name, ubn, delivery }

    /// The buyer of an invoice.
    public init(_ buyer: InvoiceBuyer) {
        name = buyer.name
        ubn = buyer.ubn
        delivery = WireDelivery(buyer.delivery)
    }
}

/// A check received.
public struct WireCheck: Codable, Sendable, Hashable {
    /// The drawee bank.
    public var bank: String
    /// The check number.
    public var number: String
    /// ISO date it may be presented.
    public var due: String

    private enum CodingKeys: String, CodingKey { case bank, number, due }

    /// Creates a check.
    public init(bank: String, number: String, due: LocalDate) {
        self.bank = bank
        self.number = number
        self.due = due.iso
    }
}

/// What part of a payment went to which open item.
public struct WireAllocation: Codable, Sendable, Hashable {
    /// The open item id.
    public var openItemID: Int64
    /// Its document (invoice number, order number of a deposit, opening reference).
    public var reference: String
    /// NT$ applied.
    public var amount: Int64

    private enum CodingKeys: String, CodingKey { case openItemID, reference, amount }

    /// The share of an allocation.
    public init(_ share: AllocationShare) {
        openItemID = share.item
        reference = share.reference
        amount = share.amount.amount
    }
}

/// A customer's address.
public struct WireAddress: Codable, Sendable, Hashable {
    /// The address id; absent before it is stored.
    public var id: Int64?
    /// `HOME`, `SHOP`, ...
    public var kind: String
    /// The address.
    public var text: String
    /// 3-digit postal code.
    public var postalCode: String
    /// Delivery zone.
    public var zone: String
    /// Latitude and longitude, when known.
    public var latitude: Double?
    public var longitude: Double?
    /// The default delivery address.
    public var isDefault: Bool
    /// Notes for the driver.
    public var instructions: String

    private enum CodingKeys: String, CodingKey {
        case id, kind, text, postalCode, zone, latitude, longitude, isDefault, instructions
    }

    /// The address of a customer.
    public init(_ address: Address) {
        id = address.id
        kind = address.kind.rawValue
        text = address.text
        postalCode = address.postalCode
        zone = address.zone.rawValue
        latitude = address.coordinate?.latitude
        longitude = address.coordinate?.longitude
        isDefault = address.isDefault
        instructions = address.instructions
    }
}

/// A customer as central keeps it.
public struct WireCustomer: Codable, Sendable, Hashable {
    /// Customer id.
    public var id: String
    /// Name.
    public var name: String
    /// `RESIDENTIAL`, `RESTAURANT`, ...
    public var type: String
    /// `ACTIVE`, `SUSPENDED` or `CLOSED`.
    public var status: String
    /// Phone numbers, digits only.
    public var phones: [String]
    /// UBN, when the customer has one.
    public var taxID: String?
    /// `COD`, `NET30` or `MONTHLY`.
    public var terms: String
    /// NT$ credit limit.
    public var creditLimit: Int64
    /// Addresses.
    public var addresses: [WireAddress]
    /// How they receive e-invoices: `{"kind":"DONATION","code":"25885"}`.
    public var invoicePreference: WirePreference
    /// Cylinders the customer holds (deposits outstanding).
    public var cylinderBalance: Int
    /// Notes.
    public var notes: String

    private enum CodingKeys: String, CodingKey {
        case id, name, type, status, phones, taxID, terms, creditLimit, addresses, invoicePreference,
            cylinderBalance, notes
    }

    /// The customer with its id.
    public init(id: CustomerID, _ customer: Customer) {
        self.id = id.rawValue
        name = customer.name
        type = customer.type.rawValue
        status = customer.status.rawValue
        phones = customer.phones.map(\.digits)
        taxID = customer.taxID?.rawValue
        terms = customer.terms.rawValue
        creditLimit = customer.creditLimit.amount
        addresses = customer.addresses.map(WireAddress.init)
        invoicePreference = WirePreference(customer.invoicePreference)
        cylinderBalance = customer.cylinderBalance
        notes = customer.notes
    }
}

/// A customer's e-invoice preference.
public struct WirePreference: Codable, Sendable, Hashable {
    /// `B2B`, `PRINTED`, `MOBILE_BARCODE`, `CITIZEN_CERTIFICATE` or `DONATION`.
    public var kind: String
    /// The carrier id or donation code; absent for `B2B` and `PRINTED`.
    public var code: String?

    private enum CodingKeys: String, CodingKey { case kind, code }

    /// The preference.
    public init(_ preference: InvoicePreference) {
        kind = preference.kind
        code = preference.value.isEmpty ? nil : preference.value
    }
}
