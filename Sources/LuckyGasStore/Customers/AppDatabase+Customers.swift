import GRDB
import LuckyGasCore
import LuckyGasWire

/// A customer as stored: the domain value plus what only the store knows.
public struct CustomerRecord: Sendable, Hashable, Codable {
    /// The customer (with `id` and address ids set).
    public var customer: Customer
    /// Special prices, current and past.
    public var specialPrices: [SpecialPrice]
    /// Optimistic-concurrency version, bumped by every update.
    public var version: Int
    /// The record's UUID for sync.
    public var uuid: String
    /// When it was created.
    public var createdAt: LocalDateTime
    /// When it last changed.
    public var updatedAt: LocalDateTime
}

extension AppDatabase {
    /// Adds a customer: assigns the next `C` number, writes the rows, the audit entry and a
    /// `CustomerAdded` outbox event in one transaction, and returns the new id.
    @discardableResult
    public func addCustomer(_ customer: Customer, by session: UserSession) throws -> CustomerID {
        try session.require(.editCustomers)
        do { try customer.validate() } catch { throw StoreError.invalid(error) }
        return try intent(session, .editCustomers) { intent in
            let db = intent.db
            try Self.checkInput(db, customer)
            let id = CustomerID(number: try Self.lastCustomerNumber(db) + 1)
            try Self.added(intent, customer, id: id)
            return id
        }
    }

    /// The input rules of `Customer.validateInput` with the branch's bounds.
    static func checkInput(_ db: Database, _ customer: Customer, existing: [Address] = []) throws {
        do { try customer.validateInput(bounds: Parameters.bounds(db), existing: existing) } catch let error
            as ValidationError
        { throw StoreError.invalid(error) }
    }

    static func insertCustomer(_ db: Database, _ customer: inout Customer, uuid: String, at now: LocalDateTime) throws {
        guard let id = customer.id else { return }
        try db.cachedStatement(
            sql: """
                INSERT INTO customer (id, uuid, name, type, status, tax_id, terms, credit_limit, invoice_kind,
                                      invoice_value, cylinder_balance, notes, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            id.rawValue, uuid, customer.name, customer.type.rawValue, customer.status.rawValue,
            customer.taxID?.rawValue, customer.terms.rawValue, customer.creditLimit.amount,
            customer.invoicePreference.kind, customer.invoicePreference.value, customer.cylinderBalance, customer.notes,
            now.iso, now.iso,
        ])
        try writeContacts(db, customer)
        for index in customer.addresses.indices {
            customer.addresses[index].id = try insertAddress(db, customer.addresses[index], customer: id)
        }
        try CustomerSearchIndex.reindex(db, id: id)
    }

    private static func writeContacts(_ db: Database, _ customer: Customer) throws {
        guard let id = customer.id else { return }
        try db.execute(sql: "DELETE FROM customer_contact WHERE customer_id = ?", arguments: [id.rawValue])
        for (position, phone) in customer.phones.enumerated() {
            try db.cachedStatement(
                sql: "INSERT INTO customer_contact (customer_id, position, phone, kind) VALUES (?, ?, ?, ?)"
            ).execute(arguments: [id.rawValue, position, phone.digits, phone.kind.rawValue])
        }
    }

    private static func insertAddress(_ db: Database, _ address: Address, customer: CustomerID) throws -> Int64 {
        try db.cachedStatement(
            sql: """
                INSERT INTO customer_address (customer_id, kind, text, postal_code, zone, latitude, longitude,
                                              is_default, instructions)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            customer.rawValue, address.kind.rawValue, address.text, address.postalCode, address.zone.rawValue,
            address.coordinate?.latitude, address.coordinate?.longitude, address.isDefault, address.instructions,
        ])
        return db.lastInsertedRowID
    }

    /// Updates a customer if nobody changed it since `expectedVersion` was read; addresses with an
    /// id are updated, new ones added, missing ones retired (orders keep pointing at them).
    public func updateCustomer(_ customer: Customer, expectedVersion: Int, by session: UserSession) throws {
        try session.require(.editCustomers)
        do { try customer.validate() } catch { throw StoreError.invalid(error) }
        guard let id = customer.id else { throw StoreError.customerNotFound("(none)") }
        try intent(session, .editCustomers) { intent in
            let (db, now) = (intent.db, intent.now)
            guard let before = try Self.customerRecord(db, id: id) else {
                throw StoreError.customerNotFound(id.rawValue)
            }
            guard before.version == expectedVersion else {
                throw StoreError.staleCustomer(id, expectedVersion: expectedVersion, actualVersion: before.version)
            }
            try Self.checkInput(db, customer, existing: before.customer.addresses)
            try db.execute(
                sql: """
                    UPDATE customer SET name = ?, type = ?, status = ?, tax_id = ?, terms = ?, credit_limit = ?,
                      invoice_kind = ?, invoice_value = ?, notes = ?, updated_at = ?
                    WHERE id = ?
                    """,
                arguments: [
                    customer.name, customer.type.rawValue, customer.status.rawValue, customer.taxID?.rawValue,
                    customer.terms.rawValue, customer.creditLimit.amount, customer.invoicePreference.kind,
                    customer.invoicePreference.value, customer.notes, now.iso, id.rawValue,
                ])
            try Self.writeContacts(db, customer)
            let kept = Set(customer.addresses.compactMap(\.id))
            for old in before.customer.addresses {
                if let oldID = old.id, !kept.contains(oldID) {
                    try db.execute(
                        sql: "UPDATE customer_address SET active = 0, is_default = 0 WHERE id = ?", arguments: [oldID])
                }
            }
            for address in customer.addresses {
                if let addressID = address.id {
                    guard before.customer.addresses.contains(where: { $0.id == addressID }) else {
                        throw StoreError.addressNotFound(customer: id, address: addressID)
                    }
                    try db.execute(
                        sql: """
                            UPDATE customer_address SET kind = ?, text = ?, postal_code = ?, zone = ?, latitude = ?,
                              longitude = ?, is_default = ?, instructions = ? WHERE id = ?
                            """,
                        arguments: [
                            address.kind.rawValue, address.text, address.postalCode, address.zone.rawValue,
                            address.coordinate?.latitude, address.coordinate?.longitude, address.isDefault,
                            address.instructions, addressID,
                        ])
                } else {
                    _ = try Self.insertAddress(db, address, customer: id)
                }
            }
            try CustomerSearchIndex.reindex(db, id: id)
            guard let after = try Self.customerRecord(db, id: id) else {
                throw StoreError.customerNotFound(id.rawValue)
            }
            try intent.audit("customer.update", "customer", id.rawValue, before: before.customer, after: after.customer)
            try intent.emit(
                CustomerChanged(
                    id: id.rawValue, customer: WireCustomer(id: id, after.customer), at: now.iso, by: session.name),
                .changed)
        }
    }

    /// Sets (or replaces from the same start date) a customer's special price (admin: prices).
    public func setSpecialPrice(_ price: SpecialPrice, for id: CustomerID, by session: UserSession) throws {
        try session.require(.administer)
        try intent(session, .administer) { intent in
            let (db, now) = (intent.db, intent.now)
            do { try Parameters.bounds(db).checkAmount(price.price, field: "特價 special price") } catch let error
                as ValidationError
            { throw StoreError.invalid(error) }
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM customer WHERE id = ?", arguments: [id.rawValue]) != nil
            else {
                throw StoreError.customerNotFound(id.rawValue)
            }
            guard
                try Bool.fetchOne(db, sql: "SELECT 1 FROM product WHERE code = ?", arguments: [price.product.rawValue])
                    != nil
            else { throw StoreError.pricing(.unknownProduct(price.product)) }
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO special_price (customer_id, product_code, price, valid_from, valid_until)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [
                    id.rawValue, price.product.rawValue, price.price.amount, price.validFrom.iso, price.validUntil.iso,
                ])
            try intent.audit("special_price.set", "customer", id.rawValue, after: price)
            try intent.emit(
                SpecialPriceSet(
                    customerID: id.rawValue, product: price.product.rawValue, price: price.price.amount,
                    validFrom: price.validFrom.iso, validUntil: price.validUntil.iso, at: now.iso, by: session.name),
                .changed)
        }
    }

    /// One customer with addresses, phones, special prices and version, or nil.
    public func customer(_ id: CustomerID) throws -> CustomerRecord? {
        try read { db in try Self.customerRecord(db, id: id) }
    }

    /// The stored customer `id`; a stored value that does not parse is an error naming the row.
    static func customerRecord(_ db: Database, id: CustomerID) throws -> CustomerRecord? {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM customer WHERE id = ?"), arguments: [id.rawValue])
        else {
            return nil
        }
        let phones = try Self.phones(db, of: id)
        let addresses = try Self.addresses(db, of: id)
        let specials = try Self.specialPrices(db, of: id)
        let taxID =
            row["tax_id"] as String? == nil ? nil : try Stored.parsed(row, "tax_id", table: "customer", TaxID.init)
        let preference = try invoicePreference(row)
        // Rows were validated on the way in; building without re-validation keeps old data readable.
        var customer = try Customer(
            id: id, name: row["name"], type: try Stored.value(CustomerType.self, row, "type", table: "customer"),
            status: try Stored.value(CustomerStatus.self, row, "status", table: "customer"),
            phones: phones.isEmpty ? [] : phones,
            taxID: taxID, terms: try Stored.value(PaymentTerms.self, row, "terms", table: "customer"),
            creditLimit: Money(row["credit_limit"] as Int64), addresses: addresses,
            invoicePreference: preference == .b2b && taxID == nil ? .printed : preference,
            cylinderBalance: row["cylinder_balance"], notes: row["notes"], skipValidation: true)
        customer.id = id
        return CustomerRecord(
            customer: customer, specialPrices: specials, version: row["version"], uuid: row["uuid"],
            createdAt: try Stored.parsed(row, "created_at", table: "customer", LocalDateTime.init),
            updatedAt: try Stored.parsed(row, "updated_at", table: "customer", LocalDateTime.init))
    }

    /// The customer's phones in order; one that does not parse is an error naming the row.
    static func phones(_ db: Database, of id: CustomerID) throws -> [PhoneNumber] {
        try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT position, phone FROM customer_contact WHERE customer_id = ? ORDER BY position"),
            arguments: [id.rawValue]
        ).map { contact in
            try Stored.parsed(
                contact, "phone", table: "customer_contact", id: "\(id.rawValue)/\(contact["position"] as Int)",
                PhoneNumber.init)
        }
    }

    /// The customer's active addresses in order of entry.
    static func addresses(_ db: Database, of id: CustomerID) throws -> [Address] {
        try Stored.all(
            db.cachedStatement(sql: "SELECT * FROM customer_address WHERE customer_id = ? AND active = 1 ORDER BY id"),
            arguments: [id.rawValue], addressFrom)
    }

    /// The customer's special prices, current and past.
    static func specialPrices(_ db: Database, of id: CustomerID) throws -> [SpecialPrice] {
        try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT * FROM special_price WHERE customer_id = ? ORDER BY product_code, valid_from"),
            arguments: [id.rawValue]
        ).map { row in
            let product = row["product_code"] as String? ?? "NULL"
            let key = "\(id.rawValue)/\(product)/\(row["valid_from"] as String? ?? "NULL")"
            return SpecialPrice(
                product: try Stored.parsed(row, "product_code", table: "special_price", id: key, ProductCode.init),
                price: Money(row["price"] as Int64),
                validFrom: try Stored.date(row, "valid_from", table: "special_price", id: key),
                validUntil: try Stored.date(row, "valid_until", table: "special_price", id: key))
        }
    }

    /// The stored e-invoice preference of a customer row: an unknown kind or a carrier or
    /// donation code that does not parse is an error naming the row.
    private static func invoicePreference(_ row: Row) throws -> InvoicePreference {
        let kind = try Stored.parsed(row, "invoice_kind", table: "customer") { $0 }
        let value = try Stored.parsed(row, "invoice_value", table: "customer") { $0 }
        do { return try InvoicePreference(kind: kind, value: value) } catch ValidationError.unknownValue {
            throw StoreError.badStoredValue(
                table: "customer", row: row["id"] as String? ?? "?", column: "invoice_kind", value: kind)
        } catch {
            throw StoreError.badStoredValue(
                table: "customer", row: row["id"] as String? ?? "?", column: "invoice_value", value: value)
        }
    }

    /// A stored address; a kind, zone, coordinate, text or postal code that does not parse is an
    /// error naming the row.
    static func addressFrom(_ row: Row) throws -> Address {
        let id: Int64 = row["id"]
        let latitude: Double? = row["latitude"]
        let longitude: Double? = row["longitude"]
        func bad(_ column: String, _ value: String) -> StoreError {
            StoreError.badStoredValue(table: "customer_address", row: "\(id)", column: column, value: value)
        }
        let coordinate: Coordinate?
        switch (latitude, longitude) {
        case (nil, nil): coordinate = nil
        case (let lat?, let lon?):
            do { coordinate = try Coordinate(latitude: lat, longitude: lon) } catch {
                throw bad("latitude, longitude", "\(lat), \(lon)")
            }
        default:
            let shown = [latitude, longitude].map { value in value.map { "\($0)" } ?? "NULL" }
            throw bad("latitude, longitude", shown.joined(separator: ", "))
        }
        let kind = try Stored.value(AddressKind.self, row, "kind", table: "customer_address")
        let zone = try Stored.value(Zone.self, row, "zone", table: "customer_address")
        let text: String = row["text"]
        let postalCode: String = row["postal_code"]
        do {
            return try Address(
                id: id, kind: kind, text: text, postalCode: postalCode, zone: zone, coordinate: coordinate,
                isDefault: row["is_default"], instructions: row["instructions"])
        } catch ValidationError.postalCode {
            throw bad("postal_code", postalCode)
        } catch {
            throw bad("text", text)
        }
    }
}

extension AppDatabase {
    /// Adds many customers in one transaction (a branch taking over the old system's customer
    /// file): each gets the next number, its audit entry and its outbox event, as `addCustomer`.
    @discardableResult
    public func importCustomers(_ customers: [Customer], by session: UserSession) throws -> [CustomerID] {
        try session.require(.editCustomers)
        for customer in customers {
            do { try customer.validate() } catch { throw StoreError.invalid(error) }
        }
        return try intent(session, .editCustomers) { intent in
            let db = intent.db
            var next = try Self.lastCustomerNumber(db) + 1
            var added: [CustomerID] = []
            for customer in customers {
                try Self.checkInput(db, customer)
                let id = CustomerID(number: next)
                next += 1
                try Self.added(intent, customer, id: id)
                added.append(id)
            }
            // A bulk load leaves many small FTS segments; merging them keeps search in microseconds.
            if customers.count >= 100 { try CustomerSearchIndex.optimize(db) }
            return added
        }
    }
}

extension AppDatabase {
    /// The highest customer number in use (0 for none); a stored id that does not parse is an error.
    static func lastCustomerNumber(_ db: Database) throws -> Int {
        guard let row = try Row.fetchOne(db, sql: "SELECT max(id) AS id FROM customer"), row["id"] as String? != nil
        else { return 0 }
        return try Stored.customerID(row, "id", table: "customer").number
    }

    /// Writes a new customer under `id` with its audit entry and `CustomerAdded`.
    static func added(_ intent: Intent, _ customer: Customer, id: CustomerID) throws {
        var stored = customer
        stored.id = id
        try insertCustomer(intent.db, &stored, uuid: intent.ids.uuid(), at: intent.now)
        try intent.audit("customer.add", "customer", id.rawValue, after: stored)
        try intent.emit(
            CustomerAdded(
                id: id.rawValue, customer: WireCustomer(id: id, stored), at: intent.now.iso, by: intent.user),
            .created)
    }

    /// Moves the count of cylinders a customer holds (a delivery: delivered less empties taken back).
    static func moveCylinders(_ db: Database, customer: CustomerID, by delta: Int) throws {
        try db.cachedStatement(sql: "UPDATE customer SET cylinder_balance = cylinder_balance + ? WHERE id = ?")
            .execute(arguments: [delta, customer.rawValue])
    }
}
