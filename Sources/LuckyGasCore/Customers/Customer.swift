/// A customer (會員) with contacts, addresses, terms and e-invoice preference (DOMAIN.md "Customers").
public struct Customer: Sendable, Hashable, Codable {
    /// `C` + 6 digits; assigned by the store when adding.
    public var id: CustomerID?
    /// Name in Traditional Chinese.
    public var name: String
    /// Residential, commercial or industrial.
    public var type: CustomerType
    /// Active, suspended or closed.
    public var status: CustomerStatus
    /// Phones, the first is the primary one.
    public var phones: [PhoneNumber]
    /// UBN, optional.
    public var taxID: TaxID?
    /// Payment terms.
    public var terms: PaymentTerms
    /// Credit limit for NET30 / MONTHLY; zero for COD.
    public var creditLimit: Money
    /// Addresses, exactly one default delivery address.
    public var addresses: [Address]
    /// How e-invoices reach the customer.
    public var invoicePreference: InvoicePreference
    /// Company cylinders the customer holds.
    public var cylinderBalance: Int
    /// Free-text notes.
    public var notes: String

    /// Creates a customer and checks the cross-field rules.
    public init(
        id: CustomerID? = nil, name: String, type: CustomerType, status: CustomerStatus = .active,
        phones: [PhoneNumber], taxID: TaxID? = nil, terms: PaymentTerms, creditLimit: Money = .zero,
        addresses: [Address], invoicePreference: InvoicePreference? = nil, cylinderBalance: Int = 0, notes: String = "",
        skipValidation: Bool = false
    ) throws(ValidationError) {
        self.id = id
        self.name = name.trimmingSpaces
        self.type = type
        self.status = status
        self.phones = phones
        self.taxID = taxID
        self.terms = terms
        self.creditLimit = creditLimit
        self.addresses = addresses
        self.invoicePreference = invoicePreference ?? (taxID == nil ? .printed : .b2b)
        self.cylinderBalance = cylinderBalance
        self.notes = notes
        if !skipValidation { try validate() }
    }

    /// The rules that span fields: a name, a phone, one default address, B2B needs a UBN,
    /// a non-negative limit.
    public func validate() throws(ValidationError) {
        guard !name.isEmpty else { throw .empty(field: "客戶名稱 name") }
        guard !phones.isEmpty else { throw .empty(field: "電話 phone") }
        guard !addresses.isEmpty else { throw .empty(field: "地址 address") }
        if invoicePreference == .b2b && taxID == nil { throw .buyerNeedsTaxID }
        if creditLimit < .zero { throw .notPositive(field: "信用額度 credit limit", value: creditLimit.amount) }
    }

    /// The rules for what a person or a file enters (Docs/operations.md "Bounds"): printable
    /// name, notes, addresses and instructions within the e-invoice lengths, the real postal
    /// code of each address's district, a credit limit within `bounds`. Addresses equal to one
    /// in `existing` (already stored) are not checked again.
    public func validateInput(bounds: Bounds, existing: [Address] = []) throws(ValidationError) {
        _ = try FreeText.checked(name, field: "客戶名稱 name", limit: FreeText.Limit.name)
        _ = try FreeText.checked(notes, field: "備註 notes", limit: FreeText.Limit.note)
        for address in addresses where !existing.contains(address) {
            _ = try FreeText.checked(address.text, field: "地址 address", limit: FreeText.Limit.address)
            _ = try FreeText.checked(address.instructions, field: "送貨備註 instructions", limit: FreeText.Limit.note)
            try District.checkPostalCode(address.postalCode, address: address.text)
        }
        try bounds.checkCreditLimit(creditLimit)
    }

    /// The default delivery address (the first if none is marked).
    public var defaultAddress: Address? { Self.defaultAddress(of: addresses) }

    /// The default delivery address among `addresses`, else the first delivery address, else the first.
    public static func defaultAddress(of addresses: [Address]) -> Address? {
        addresses.first { $0.isDefault && $0.kind == .delivery } ?? addresses.first { $0.kind == .delivery }
            ?? addresses.first
    }

    /// The primary phone.
    public var primaryPhone: PhoneNumber? { phones.first }
}
