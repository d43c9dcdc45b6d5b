/// What kind of product a line is: cylinders count for volume discount and deposits.
public enum ProductCategory: String, Sendable, Hashable, Codable, CaseIterable {
    case cylinder = "CYLINDER"
    case accessory = "ACCESSORY"
}

/// A product of the price list (DOMAIN.md "Products and prices"). Prices are tax-exclusive.
public struct Product: Sendable, Hashable, Codable {
    /// `P` + 3 digits.
    public var code: ProductCode
    /// Name, e.g. 20kg 瓦斯桶.
    public var name: String
    /// Cylinder or accessory.
    public var category: ProductCategory
    /// Cylinder size in kg (4, 10, 16, 20, 50); nil for accessories.
    public var sizeKg: Int?
    /// List price, tax-exclusive.
    public var price: Money
    /// Deposit per cylinder (押金), not revenue.
    public var deposit: Money
    /// Whether an empty must come back (else the deposit is charged).
    public var requiresEmptyReturn: Bool
    /// Whether it can be ordered.
    public var active: Bool

    /// Creates a product.
    public init(
        code: ProductCode, name: String, category: ProductCategory, sizeKg: Int? = nil, price: Money,
        deposit: Money = .zero, requiresEmptyReturn: Bool = false, active: Bool = true
    ) {
        self.code = code
        self.name = name
        self.category = category
        self.sizeKg = sizeKg
        self.price = price
        self.deposit = deposit
        self.requiresEmptyReturn = requiresEmptyReturn
        self.active = active
    }
}

/// A customer's own price for a product, valid in a date range (DOMAIN.md "Special prices").
public struct SpecialPrice: Sendable, Hashable, Codable {
    /// The product.
    public var product: ProductCode
    /// The tax-exclusive price.
    public var price: Money
    /// First day it applies.
    public var validFrom: LocalDate
    /// Last day it applies (inclusive).
    public var validUntil: LocalDate

    /// Creates a special price.
    public init(product: ProductCode, price: Money, validFrom: LocalDate, validUntil: LocalDate) {
        self.product = product
        self.price = price
        self.validFrom = validFrom
        self.validUntil = validUntil
    }

    /// Whether it applies on `date`.
    public func isValid(on date: LocalDate) -> Bool { validFrom <= date && date <= validUntil }
}
