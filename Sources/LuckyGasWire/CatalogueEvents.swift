import LuckyGasCore

// Catalogue and parameters: the outbox payloads (Docs/events.md). Field names are the contract: never rename one,
// add a new field as optional or bump `schemaVersion`.

/// `ProductSaved` (aggregate `product`): A product was added or changed.
public struct ProductSaved: WireEvent {
    public static let eventType = "ProductSaved"
    public static let aggregateType = "product"
    public static let schemaVersion = 1

    /// `P001`.
    public var code: String
    /// Name.
    public var name: String
    /// `CYLINDER` or `ACCESSORY`.
    public var category: String
    /// Cylinder size.
    public var sizeKg: Int?
    /// NT$ list price.
    public var price: Int64
    /// NT$ deposit per cylinder.
    public var deposit: Int64
    /// On sale.
    public var active: Bool
    /// ISO date-time.
    public var at: String
    /// User.
    public var by: String

    public var aggregateID: String { code }

    private enum CodingKeys: String, CodingKey {
        case code, name, category, sizeKg, price, deposit, active, at, by
    }

    /// Creates the payload.
    public init(
        code: String, name: String, category: String, sizeKg: Int? = nil, price: Int64, deposit: Int64, active: Bool,
        at: String, by: String
    ) {
        self.code = code
        self.name = name
        self.category = category
        self.sizeKg = sizeKg
        self.price = price
        self.deposit = deposit
        self.active = active
        self.at = at
        self.by = by
    }
}

/// `HolidaySaved` (aggregate `holiday`): A holiday was added or changed in the calendar.
public struct HolidaySaved: WireEvent {
    public static let eventType = "HolidaySaved"
    public static let aggregateType = "holiday"
    public static let schemaVersion = 1

    /// ISO date.
    public var date: String
    /// Name.
    public var name: String
    /// Whether deliveries run (holiday service).
    public var delivers: Bool
    /// ISO date-time.
    public var at: String
    /// User.
    public var by: String

    public var aggregateID: String { date }

    private enum CodingKeys: String, CodingKey {
        case date, name, delivers, at, by
    }

    /// Creates the payload.
    public init(date: String, name: String, delivers: Bool, at: String, by: String) {
        self.date = date
        self.name = name
        self.delivers = delivers
        self.at = at
        self.by = by
    }
}

/// `ParameterChanged` (aggregate `parameter`): A branch parameter changed.
public struct ParameterChanged: WireEvent {
    public static let eventType = "ParameterChanged"
    public static let aggregateType = "parameter"
    public static let schemaVersion = 1

    /// Parameter key.
    public var key: String
    /// New value (secrets are never sent: `***`).
    public var value: String
    /// ISO date-time.
    public var at: String
    /// User.
    public var by: String

    public var aggregateID: String { key }

    private enum CodingKeys: String, CodingKey {
        case key, value, at, by
    }

    /// Creates the payload.
    public init(key: String, value: String, at: String, by: String) {
        self.key = key
        self.value = value
        self.at = at
        self.by = by
    }
}

/// `DriverSaved` (aggregate `driver`): A driver was added or changed.
public struct DriverSaved: WireEvent {
    public static let eventType = "DriverSaved"
    public static let aggregateType = "driver"
    public static let schemaVersion = 1

    /// `DRV001`.
    public var id: String
    /// Name.
    public var name: String
    /// Phone.
    public var phone: String
    /// Active.
    public var active: Bool
    /// ISO date-time.
    public var at: String
    /// User.
    public var by: String

    public var aggregateID: String { id }

    private enum CodingKeys: String, CodingKey {
        case id, name, phone, active, at, by
    }

    /// Creates the payload.
    public init(id: String, name: String, phone: String, active: Bool, at: String, by: String) {
        self.id = id
        self.name = name
        self.phone = phone
        self.active = active
        self.at = at
        self.by = by
    }
}

/// `VehicleSaved` (aggregate `vehicle`): A vehicle was added or changed.
public struct VehicleSaved: WireEvent {
    public static let eventType = "VehicleSaved"
    public static let aggregateType = "vehicle"
    public static let schemaVersion = 1

    /// Plate.
    public var plate: String
    /// Cylinders it carries.
    public var capacityCylinders: Int
    /// Its regular driver.
    public var driverID: String?
    /// Active.
    public var active: Bool
    /// ISO date-time.
    public var at: String
    /// User.
    public var by: String

    public var aggregateID: String { plate }

    private enum CodingKeys: String, CodingKey {
        case plate, capacityCylinders, driverID, active, at, by
    }

    /// Creates the payload.
    public init(plate: String, capacityCylinders: Int, driverID: String? = nil, active: Bool, at: String, by: String) {
        self.plate = plate
        self.capacityCylinders = capacityCylinders
        self.driverID = driverID
        self.active = active
        self.at = at
        self.by = by
    }
}
