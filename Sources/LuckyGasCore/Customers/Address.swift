/// A point on the map (WGS84), used for routing.
public struct Coordinate: Sendable, Hashable, Codable {
    /// Latitude in degrees.
    public var latitude: Double
    /// Longitude in degrees.
    public var longitude: Double

    /// Creates a coordinate, refusing points outside Taiwan and its islands.
    public init(latitude: Double, longitude: Double) throws(ValidationError) {
        guard (21.8...26.5).contains(latitude), (118.0...122.2).contains(longitude) else {
            throw .coordinate(latitude: latitude, longitude: longitude)
        }
        self.latitude = latitude
        self.longitude = longitude
    }
}

/// What an address is used for.
public enum AddressKind: String, Sendable, Hashable, Codable, CaseIterable {
    case delivery = "DELIVERY"
    case billing = "BILLING"
}

/// A customer address (DOMAIN.md: several per customer, one default).
public struct Address: Sendable, Hashable, Codable {
    /// The row id in the store; nil before it is saved.
    public var id: Int64?
    /// Delivery or billing.
    public var kind: AddressKind
    /// The full address text, e.g. 台北市信義區信義路五段7號.
    public var text: String
    /// 3, 5 or 6 digit postal code.
    public var postalCode: String
    /// Delivery zone.
    public var zone: Zone
    /// Map position, when known.
    public var coordinate: Coordinate?
    /// Whether deliveries go here unless another address is chosen.
    public var isDefault: Bool
    /// Notes for the driver (請按門鈴).
    public var instructions: String

    /// Creates an address, checking the text and postal code.
    public init(
        id: Int64? = nil, kind: AddressKind = .delivery, text: String, postalCode: String, zone: Zone,
        coordinate: Coordinate? = nil, isDefault: Bool = true, instructions: String = ""
    ) throws(ValidationError) {
        let text = text.trimmingSpaces
        guard !text.isEmpty else { throw .empty(field: "地址 address") }
        let postal = postalCode.trimmingSpaces
        guard [3, 5, 6].contains(postal.count), postal.allSatisfy(\.isASCIIDigit) else { throw .postalCode(postalCode) }
        self.id = id
        self.kind = kind
        self.text = text
        self.postalCode = postal
        self.zone = zone
        self.coordinate = coordinate
        self.isDefault = isDefault
        self.instructions = instructions.trimmingSpaces
    }
}
