import GRDB
import LuckyGasCore
import LuckyGasWire

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

/// A branch parameter as the administrator sees it.
public struct ParameterRecord: Sendable, Hashable {
    /// `order.cancellation_window_hours`.
    public var key: String
    /// Its value (`***` for a secret that is set).
    public var value: String
    /// What it is for, in both languages.
    public var description: String
    /// Whether the value is a secret (the QR key).
    public var isSecret: Bool
    /// What it holds (a value of another kind is refused when set).
    public var kind: ParameterKind
    /// Its version (each change is one).
    public var version: Int
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
        try intent(session, .administer) { intent in
            let existed = try Self.exists(intent.db, "product", "code", product.code.rawValue)
            try intent.db.execute(
                sql: """
                    INSERT INTO product (code, name, category, size_kg, price, deposit, requires_empty_return, active)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (code) DO UPDATE SET name = excluded.name, category = excluded.category,
                      size_kg = excluded.size_kg, price = excluded.price, deposit = excluded.deposit,
                      requires_empty_return = excluded.requires_empty_return, active = excluded.active
                    """,
                arguments: [
                    product.code.rawValue, product.name, product.category.rawValue, product.sizeKg,
                    product.price.amount, product.deposit.amount, product.requiresEmptyReturn, product.active,
                ])
            try intent.audit("product.save", "product", product.code.rawValue, after: product)
            try intent.emit(
                ProductSaved(
                    code: product.code.rawValue, name: product.name, category: product.category.rawValue,
                    sizeKg: product.sizeKg, price: product.price.amount, deposit: product.deposit.amount,
                    active: product.active, at: intent.now.iso, by: intent.user), existed ? .changed : .created)
        }
    }

    /// Adds or replaces a holiday (admin: parameters).
    public func saveHoliday(_ holiday: Holiday, by session: UserSession) throws {
        try session.require(.administer)
        _ = try inputText(holiday.name, field: "假日名稱 holiday name", limit: FreeText.Limit.name)
        try intent(session, .administer) { intent in
            let existed = try Self.exists(intent.db, "holiday", "date", holiday.date.iso)
            try intent.db.execute(
                sql: """
                    INSERT INTO holiday (date, name, delivers) VALUES (?, ?, ?)
                    ON CONFLICT (date) DO UPDATE SET name = excluded.name, delivers = excluded.delivers
                    """,
                arguments: [holiday.date.iso, holiday.name, holiday.delivers])
            try intent.audit("holiday.save", "holiday", holiday.date.iso, after: holiday)
            try intent.emit(
                HolidaySaved(
                    date: holiday.date.iso, name: holiday.name, delivers: holiday.delivers, at: intent.now.iso,
                    by: intent.user), existed ? .changed : .created)
        }
    }

    /// Sets a parameter (admin). Secrets (`einvoice.qr_key`) are never sent in the event.
    public func setParameter(_ key: String, value: String, reason: String = "", by session: UserSession) throws {
        try session.require(.administer)
        let value = try inputText(value, field: key)
        let reason = try inputText(reason, field: "原因 reason")
        try intent(session, .administer) { intent in
            let old = try Parameters.value(intent.db, key)
            try Parameters.store(intent.db, key, value)
            // A value that does not parse is refused here, not at the next order, and told as
            // what the administrator typed (not as a stored value to correct).
            do { try Parameters.validate(intent.db) } catch StoreError.badParameter(let bad, let text, let expected) {
                throw StoreError.parameterRefused(key: bad, value: text, expected: expected)
            }
            let secret = Parameters.isSecret(key)
            let shown = secret ? "***" : value
            var after = ["value": shown]
            if !reason.isEmpty { after["reason"] = reason }
            try intent.audit(
                "parameter.set", "parameter", key, before: old.map { ["value": secret ? "***" : $0] }, after: after)
            try intent.emit(
                ParameterChanged(key: key, value: shown, at: intent.now.iso, by: intent.user),
                old != nil ? .changed : .created)
        }
    }

    /// Changes a parameter the branch has (`luckygas param set`, the settings screen): the key
    /// must exist, the value be of its kind (`ParameterKind`) and mean something to the rules that
    /// read it, and a reason is required; the old and new values are audited (secrets as `***`).
    public func changeParameter(_ key: String, value: String, reason: String, by session: UserSession) throws {
        try session.require(.administer)
        guard try !inputText(reason, field: "原因 reason").isEmpty else { throw StoreError.reasonRequired }
        guard try read({ try Parameters.value($0, key) }) != nil else {
            throw StoreError.invalid(
                .unknownValue(field: "參數 parameter", value: key, allowed: try parameters().map(\.key)))
        }
        let kind = ParameterKind.of(key)
        guard kind.accepts(value) else {
            throw StoreError.parameterRefused(
                key: key, value: kind == .secret ? "***" : value.trimmingSpaces, expected: kind.expected)
        }
        if key == "einvoice.qr_key" {
            // As `setCompany` stores it: upper case, and marked when it is the public test key.
            let qrKey = value.trimmingSpaces.uppercased()
            try setParameter(key, value: qrKey, reason: reason, by: session)
            try setParameter(
                "einvoice.qr_key_is_test", value: qrKey == publicTestQRKey ? "1" : "0", reason: reason, by: session)
            return
        }
        try setParameter(key, value: value, reason: reason, by: session)
    }

    /// Every parameter with its description; secrets shown as `***`.
    public func parameters() throws -> [ParameterRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT key, value, description, version FROM parameter ORDER BY key").map {
                row in
                let key: String = row["key"]
                let secret = Parameters.isSecret(key)
                let value: String = row["value"]
                return ParameterRecord(
                    key: key, value: secret && !value.isEmpty ? "***" : value, description: row["description"],
                    isSecret: secret, kind: ParameterKind.of(key), version: row["version"])
            }
        }
    }

    /// Every driver's name by id (the settlement screen shows collectors by name).
    public func driverNames() throws -> [String: String] {
        try read { db in
            var names: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, name FROM driver") { names[row["id"]] = row["name"] }
            return names
        }
    }

    /// Adds or replaces a driver (admin).
    public func saveDriver(_ driver: Driver, by session: UserSession) throws {
        try session.require(.administer)
        _ = try inputText(driver.name, field: "司機姓名 driver name", limit: FreeText.Limit.name)
        try intent(session, .administer) { intent in
            let existed = try Self.exists(intent.db, "driver", "id", driver.id)
            try intent.db.execute(
                sql: """
                    INSERT INTO driver (id, name, phone, license_no) VALUES (?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET name = excluded.name, phone = excluded.phone,
                      license_no = excluded.license_no
                    """,
                arguments: [driver.id, driver.name, driver.phone.digits, driver.licenseNumber])
            let active = try Bool.fetchOne(
                intent.db, sql: "SELECT active FROM driver WHERE id = ?", arguments: [driver.id])
            try intent.audit("driver.save", "driver", driver.id, after: driver)
            try intent.emit(
                DriverSaved(
                    id: driver.id, name: driver.name, phone: driver.phone.digits, active: active ?? true,
                    at: intent.now.iso, by: intent.user), existed ? .changed : .created)
        }
    }

    /// Adds or replaces a vehicle (admin).
    public func saveVehicle(_ vehicle: Vehicle, by session: UserSession) throws {
        try session.require(.administer)
        try intent(session, .administer) { intent in
            let existed = try Self.exists(intent.db, "vehicle", "plate", vehicle.plate)
            try intent.db.execute(
                sql: """
                    INSERT INTO vehicle (plate, capacity_cylinders, driver_id) VALUES (?, ?, ?)
                    ON CONFLICT (plate) DO UPDATE SET capacity_cylinders = excluded.capacity_cylinders,
                      driver_id = excluded.driver_id
                    """,
                arguments: [vehicle.plate, vehicle.capacity, vehicle.driverID])
            let active = try Bool.fetchOne(
                intent.db, sql: "SELECT active FROM vehicle WHERE plate = ?", arguments: [vehicle.plate])
            try intent.audit("vehicle.save", "vehicle", vehicle.plate, after: vehicle)
            try intent.emit(
                VehicleSaved(
                    plate: vehicle.plate, capacityCylinders: vehicle.capacity, driverID: vehicle.driverID,
                    active: active ?? true, at: intent.now.iso, by: intent.user), existed ? .changed : .created)
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
        try intent(session, .payments) { intent in
            guard
                try Self.exists(intent.db, "customer", "id", balance.customer.rawValue)
            else { throw StoreError.customerNotFound(balance.customer.rawValue) }
            let item = try OpenItems.open(
                intent.db, customer: balance.customer, kind: "OPENING", reference: balance.reference,
                date: balance.documentDate, due: balance.dueDate, amount: balance.amount)
            try InvoiceStore.post(
                intent.db,
                .openingBalance(
                    reference: balance.reference, customer: balance.customer, amount: balance.amount,
                    date: balance.documentDate), at: intent.now, by: intent.user)
            try intent.audit("receivable.opening", "customer", balance.customer.rawValue, after: balance)
            try intent.emit(
                OpeningBalanceImported(
                    openItemID: item.id, customerID: balance.customer.rawValue, reference: balance.reference,
                    documentDate: balance.documentDate.iso, dueDate: balance.dueDate.iso,
                    amount: balance.amount.amount, at: intent.now.iso, by: intent.user), .created)
        }
    }

    /// Whether `table` has a row whose `column` is `value`.
    static func exists(_ db: Database, _ table: String, _ column: String, _ value: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE \(column) = ?)", arguments: [value])
            ?? false
    }
}
