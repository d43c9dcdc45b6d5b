import GRDB
import LuckyGasCore

/// A driver (`DRV001`).
public struct Driver: Sendable, Hashable, Codable {
    /// `DRV` + 3 digits.
    public var id: String
    /// Name.
    public var name: String
    /// Phone.
    public var phone: PhoneNumber
    /// Driving licence number.
    public var licenseNumber: String

    /// Creates a driver.
    public init(id: String, name: String, phone: PhoneNumber, licenseNumber: String) {
        self.id = id
        self.name = name
        self.phone = phone
        self.licenseNumber = licenseNumber
    }
}

/// A delivery vehicle (plate `3456-AB`).
public struct Vehicle: Sendable, Hashable, Codable {
    /// Licence plate.
    public var plate: String
    /// Capacity in cylinders.
    public var capacity: Int
    /// Usual driver.
    public var driverID: String?

    /// Creates a vehicle.
    public init(plate: String, capacity: Int, driverID: String?) {
        self.plate = plate
        self.capacity = capacity
        self.driverID = driverID
    }
}

/// A receivable carried over from the old system when a branch starts on this one.
public struct OpeningBalance: Sendable, Hashable, Codable {
    /// The customer.
    public var customer: CustomerID
    /// The old system's document number.
    public var reference: String
    /// Document date.
    public var documentDate: LocalDate
    /// Due date.
    public var dueDate: LocalDate
    /// Amount still open.
    public var amount: Money

    /// Creates an opening balance.
    public init(customer: CustomerID, reference: String, documentDate: LocalDate, dueDate: LocalDate, amount: Money) {
        self.customer = customer
        self.reference = reference
        self.documentDate = documentDate
        self.dueDate = dueDate
        self.amount = amount
    }
}

extension AppDatabase {
    /// Adds or replaces a product of the price list (admin: prices).
    public func saveProduct(_ product: Product, by session: UserSession) throws {
        try session.require(.administer)
        _ = try inputText(product.name, field: "品名 product name", limit: FreeText.Limit.name)
        let bounds = try read { try Parameters.bounds($0) }
        do {
            try bounds.checkAmount(product.price, field: "單價 price")
            try bounds.checkAmount(product.deposit, field: "押金 deposit")
        } catch { throw StoreError.invalid(error) }
        try record(
            by: session, action: "product.save", entity: "product", id: product.code.rawValue, event: "ProductSaved",
            value: product
        ) { db in
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO product (code, name, category, size_kg, price, deposit, requires_empty_return, active)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    product.code.rawValue, product.name, product.category.rawValue, product.sizeKg,
                    product.price.amount,
                    product.deposit.amount, product.requiresEmptyReturn, product.active,
                ])
        }
    }

    /// Adds or replaces a holiday (admin: parameters).
    public func saveHoliday(_ holiday: Holiday, by session: UserSession) throws {
        try session.require(.administer)
        try record(
            by: session, action: "holiday.save", entity: "holiday", id: holiday.date.iso, event: nil, value: holiday
        ) { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO holiday (date, name, delivers) VALUES (?, ?, ?)",
                arguments: [holiday.date.iso, holiday.name, holiday.delivers])
        }
    }

    /// Sets a parameter (admin).
    public func setParameter(_ key: String, value: String, by session: UserSession) throws {
        try session.require(.administer)
        let value = try inputText(value, field: key)
        try record(
            by: session, action: "parameter.set", entity: "parameter", id: key, event: nil, value: ["value": value]
        ) { db in
            try db.execute(
                sql: """
                    INSERT INTO parameter (key, value, description) VALUES (?, ?, ?)
                    ON CONFLICT(key) DO UPDATE SET value = excluded.value
                    """, arguments: [key, value, key])
            // A bound that does not parse is refused here, not at the next order.
            if key.hasPrefix("limits.") { _ = try Parameters.bounds(db) }
        }
    }

    /// Adds or replaces a driver (admin).
    public func saveDriver(_ driver: Driver, by session: UserSession) throws {
        try session.require(.administer)
        try record(
            by: session, action: "driver.save", entity: "driver", id: driver.id, event: "DriverSaved", value: driver
        ) { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO driver (id, name, phone, license_no) VALUES (?, ?, ?, ?)",
                arguments: [driver.id, driver.name, driver.phone.digits, driver.licenseNumber])
        }
    }

    /// Adds or replaces a vehicle (admin).
    public func saveVehicle(_ vehicle: Vehicle, by session: UserSession) throws {
        try session.require(.administer)
        try record(
            by: session, action: "vehicle.save", entity: "vehicle", id: vehicle.plate, event: "VehicleSaved",
            value: vehicle
        ) { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO vehicle (plate, capacity_cylinders, driver_id) VALUES (?, ?, ?)",
                arguments: [vehicle.plate, vehicle.capacity, vehicle.driverID])
        }
    }

    /// Records a receivable carried over from the old system (accountant), read by the credit check.
    public func importOpeningBalance(_ balance: OpeningBalance, by session: UserSession) throws {
        try session.require(.payments)
        _ = try inputText(balance.reference, field: "參考 reference", limit: FreeText.Limit.name)
        let bounds = try read { try Parameters.bounds($0) }
        do { try bounds.checkAmount(balance.amount, field: "期初餘額 opening balance") } catch {
            throw StoreError.invalid(error)
        }
        let now = clock.now()
        try record(
            by: session, action: "receivable.opening", entity: "customer", id: balance.customer.rawValue,
            event: "OpeningBalanceImported", value: balance
        ) { db in
            try db.execute(
                sql: """
                    INSERT INTO open_item (customer_id, kind, reference, document_date, due_date, amount, open_amount)
                    VALUES (?, 'OPENING', ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    balance.customer.rawValue, balance.reference, balance.documentDate.iso, balance.dueDate.iso,
                    balance.amount.amount, balance.amount.amount,
                ])
            try InvoiceStore.post(
                db,
                .openingBalance(
                    reference: balance.reference, customer: balance.customer, amount: balance.amount,
                    date: balance.documentDate), at: now, by: session.name)
        }
    }

    /// Puts a customer's credit on hold with a reason (accountant or supervisor).
    public func placeCreditHold(_ customer: CustomerID, reason: String, by session: UserSession) throws {
        try session.require(.payments)
        let reason = try inputText(reason, field: "原因 reason")
        guard !reason.isEmpty else { throw StoreError.reasonRequired }
        let now = clock.now()
        try record(
            by: session, action: "credit.hold", entity: "customer", id: customer.rawValue, event: "CreditHoldPlaced",
            value: ["reason": reason]
        ) { db in
            try db.execute(
                sql: "INSERT INTO credit_hold (customer_id, reason, placed_at, placed_by) VALUES (?, ?, ?, ?)",
                arguments: [customer.rawValue, reason, now.iso, session.name])
        }
    }

    /// Writes `body` and its audit entry (+ outbox event when `event` is set) in one transaction.
    func record(
        by session: UserSession, action: String, entity: String, id: String, event: String?,
        value: some Encodable & Sendable,
        _ body: @escaping @Sendable (Database) throws -> Void
    ) throws {
        let now = clock.now()
        let ids = ids
        try write { db in
            try body(db)
            try Change(
                action: action, entity: entity, entityID: id, after: AuditLog.json(value), version: 1, event: event
            )
            .record(db, user: session.name, at: now, ids: ids)
        }
    }
}
