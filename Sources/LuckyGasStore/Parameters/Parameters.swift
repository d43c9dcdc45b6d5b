import GRDB
import LuckyGasCore

/// Reads the (param) values of DOMAIN.md from the `parameter`, `price_rule` and `holiday` tables.
enum Parameters {
    /// Sets a parameter (the one writer of `parameter`); the caller's intent audits it.
    static func store(_ db: Database, _ key: String, _ value: String) throws {
        try db.execute(
            sql: """
                INSERT INTO parameter (key, value, description) VALUES (?, ?, ?)
                ON CONFLICT(key) DO UPDATE SET value = excluded.value
                """, arguments: [key, value, key])
    }

    /// Parameters whose value is a secret: never in an audit entry or an event (`***`).
    static func isSecret(_ key: String) -> Bool { key == "einvoice.qr_key" }

    static func value(_ db: Database, _ key: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT value FROM parameter WHERE key = ?"), arguments: [key])
    }

    /// A time of day `HH:MM` in minutes; unset or empty is the default, anything else that does
    /// not parse is `badParameter` (never a silent default).
    private static func minutes(_ db: Database, _ key: String, default fallback: Int) throws -> Int {
        guard let text = try value(db, key)?.trimmingSpaces, !text.isEmpty else { return fallback }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 2, let hours = parts[0], let minutes = parts[1], (0...24).contains(hours),
            (0...59).contains(minutes)
        else { throw StoreError.badParameter(key: key, value: text, expected: "HH:MM") }
        return hours * 60 + minutes
    }

    /// A whole number of 0 or more; unset or empty is the default, anything else is `badParameter`.
    private static func integer(_ db: Database, _ key: String, default fallback: Int) throws -> Int {
        guard let text = try value(db, key)?.trimmingSpaces, !text.isEmpty else { return fallback }
        guard let number = Int(text), number >= 0 else {
            throw StoreError.badParameter(key: key, value: text, expected: "整數 a whole number ≥ 0")
        }
        return number
    }

    /// Reads every rule a parameter feeds, so a value that does not parse is refused when it is
    /// set (the caller's transaction rolls back), not at the next order.
    static func validate(_ db: Database) throws {
        _ = try calendarRules(db)
        _ = try creditRules(db)
        _ = try receivablesRules(db)
        _ = try virtualAccountPrefix(db)
        _ = try bounds(db)
    }

    static func calendarRules(_ db: Database) throws -> CalendarRules {
        var rules = CalendarRules()
        rules.weekdayOpen = try minutes(db, "business.weekday_open", default: rules.weekdayOpen)
        rules.weekdayClose = try minutes(db, "business.weekday_close", default: rules.weekdayClose)
        rules.saturdayOpen = try minutes(db, "business.saturday_open", default: rules.saturdayOpen)
        rules.saturdayClose = try minutes(db, "business.saturday_close", default: rules.saturdayClose)
        rules.sameDayCutoff = try minutes(db, "order.same_day_cutoff", default: rules.sameDayCutoff)
        rules.advanceBookingDays = try integer(db, "order.advance_booking_days", default: rules.advanceBookingDays)
        rules.cancellationWindowHours = try integer(
            db, "order.cancellation_window_hours", default: rules.cancellationWindowHours)
        rules.urgentWithinHours = try integer(db, "order.urgent_within_hours", default: rules.urgentWithinHours)
        return rules
    }

    /// The holidays; a stored date that does not parse is an error naming the row.
    static func holidays(_ db: Database) throws -> [Holiday] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT date, name, delivers FROM holiday")).map { row in
            Holiday(
                date: try Stored.date(row, "date", table: "holiday", id: row["date"] as String?),
                name: row["name"], delivers: row["delivers"])
        }
    }

    static func calendar(_ db: Database) throws -> BusinessCalendar {
        BusinessCalendar(rules: try calendarRules(db), holidays: try holidays(db))
    }

    static func creditRules(_ db: Database) throws -> CreditRules {
        var rules = CreditRules()
        rules.overdueHoldDays = try integer(db, "credit.overdue_hold_days", default: rules.overdueHoldDays)
        return rules
    }

    static func receivablesRules(_ db: Database) throws -> ReceivablesRules {
        var rules = ReceivablesRules()
        rules.collectionDays = try integer(db, "receivables.collection_days", default: rules.collectionDays)
        rules.collectionBalance = Money(
            Int64(try integer(db, "receivables.collection_balance", default: Int(rules.collectionBalance.amount))))
        rules.dsoDays = try integer(db, "receivables.dso_days", default: rules.dsoDays)
        if let text = try value(db, "receivables.provision_percent")?.trimmingSpaces, !text.isEmpty {
            let rates = text.split(separator: ",", omittingEmptySubsequences: false).map {
                Int(String($0).trimmingSpaces)
            }
            guard rates.count == AgingBucket.allCases.count, rates.allSatisfy({ ($0 ?? -1) >= 0 && ($0 ?? 101) <= 100 })
            else {
                throw StoreError.badParameter(
                    key: "receivables.provision_percent", value: text,
                    expected: "五個 0-100 的百分比 five percents 0-100, e.g. 0,1,5,10,50")
            }
            rules.provisionPercent = rates.compactMap { $0 }
        }
        return rules
    }

    /// The bank's company prefix for virtual accounts (digits).
    static func virtualAccountPrefix(_ db: Database) throws -> String {
        let prefix = try value(db, "bank.va_prefix")?.trimmingSpaces ?? ""
        if prefix.isEmpty { return "99123" }
        guard (3...7).contains(prefix.count), prefix.allSatisfy(\.isASCIIDigit) else {
            throw StoreError.badParameter(key: "bank.va_prefix", value: prefix, expected: "3-7 位數字 3-7 digits")
        }
        return prefix
    }

    static func pricingRules(_ db: Database) throws -> PricingRules {
        var rules = PricingRules()
        let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT kind, key, value FROM price_rule"))
        var tiers: [PricingRules.VolumeTier] = []
        for row in rows {
            let kind: String = row["kind"]
            let key: String = row["key"]
            let value: Int64 = row["value"]
            switch kind {
            case "VOLUME_DISCOUNT_PERCENT":
                if let minimum = Int(key) { tiers.append(.init(minimumCylinders: minimum, percent: value)) }
            case "ZONE_FEE":
                if let zone = Zone(rawValue: key) { rules.zoneFees[zone] = Money(value) }
            case "FEE_FACTOR_PERMILLE":
                if key == "HOLIDAY" {
                    rules.holidayFactorPermille = value
                } else if let slot = DeliverySlot(rawValue: key) {
                    rules.slotFactorPermille[slot] = value
                }
            case "FREE_DELIVERY_FROM": rules.freeDeliveryThreshold = Money(value)
            case "MINIMUM_ORDER": rules.minimumOrder = Money(value)
            case "TAX_RATE_PERCENT": rules.taxRatePercent = value
            default: continue
            }
        }
        if !tiers.isEmpty { rules.volumeTiers = tiers.sorted { $0.minimumCylinders < $1.minimumCylinders } }
        rules.bounds = try bounds(db)
        return rules
    }

    static func products(_ db: Database) throws -> [ProductCode: Product] {
        var products: [ProductCode: Product] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM product")) {
            let product = try productFrom(row)
            products[product.code] = product
        }
        return products
    }

    /// A product row; a code or category that does not parse is an error naming the row.
    static func productFrom(_ row: Row) throws -> Product {
        let code: String? = row["code"]
        return Product(
            code: try Stored.parsed(row, "code", table: "product", id: code, ProductCode.init), name: row["name"],
            category: try Stored.value(ProductCategory.self, row, "category", table: "product", id: code),
            sizeKg: row["size_kg"],
            price: Money(row["price"] as Int64), deposit: Money(row["deposit"] as Int64),
            requiresEmptyReturn: row["requires_empty_return"], active: row["active"])
    }
}

extension AppDatabase {
    /// The active products, by code.
    public func products() throws -> [Product] {
        try read { db in try Parameters.products(db).values.sorted { $0.code < $1.code } }
    }

    /// The branch calendar (rules + holidays).
    public func calendar() throws -> BusinessCalendar { try read { try Parameters.calendar($0) } }

    /// The price rules in force.
    public func pricingRules() throws -> PricingRules { try read { try Parameters.pricingRules($0) } }

    /// A parameter value by key.
    public func parameter(_ key: String) throws -> String? { try read { try Parameters.value($0, key) } }
}

extension Parameters {
    /// The input bounds (`limits.*`, Docs/operations.md "Bounds"); a missing row is the default,
    /// a row that does not parse or passes the hard ceiling is an error naming it.
    static func bounds(_ db: Database) throws -> Bounds {
        var bounds = Bounds()
        func bounded(_ key: String, ceiling: Int64) throws -> Int64? {
            // Unset or empty is the default, as for every parameter.
            guard let text = try value(db, key), !text.trimmingSpaces.isEmpty else { return nil }
            guard let number = Int64(text.trimmingSpaces), (1...ceiling).contains(number) else {
                throw StoreError.badParameter(key: key, value: text, expected: "1 – \(Money(ceiling).grouped)")
            }
            return number
        }
        let ceiling = Money.ceiling.amount
        if let value = try bounded("limits.document_amount_max", ceiling: ceiling) {
            bounds.documentAmount = Money(value)
        }
        if let value = try bounded("limits.line_quantity_max", ceiling: Int64(Bounds.quantityCeiling)) {
            bounds.lineQuantity = Int(value)
        }
        if let value = try bounded("limits.credit_limit_max", ceiling: ceiling) { bounds.creditLimit = Money(value) }
        if let value = try bounded("limits.collected_due_multiple", ceiling: 100) {
            bounds.collectedDueMultiple = value
        }
        return bounds
    }

    /// The dates a payment or another posting may carry: from the branch's opening
    /// (`branch.opened_on`, else the first journal day) and after the last closed period
    /// (`ledger.closed_through`), up to today. Empty (earliest after today) when a period is
    /// closed through today.
    static func postingWindow(_ db: Database, today: LocalDate) throws -> PostingWindow {
        func date(_ key: String) throws -> LocalDate? {
            guard let text = try value(db, key), !text.trimmingSpaces.isEmpty else { return nil }
            do { return try LocalDate(text.trimmingSpaces) } catch {
                throw StoreError.badParameter(key: key, value: text, expected: "YYYY-MM-DD")
            }
        }
        let firstJournalDay = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT id, date FROM journal_entry ORDER BY date, id LIMIT 1")
        )
        .map { try Stored.date($0, "date", table: "journal_entry") }
        // A branch with nothing posted and no opening date accepts the past year.
        var earliest = try date("branch.opened_on") ?? firstJournalDay ?? today.adding(days: -366)
        if let closed = try date("ledger.closed_through") { earliest = max(earliest, closed.adding(days: 1)) }
        return PostingWindow(earliest: earliest, latest: today)
    }

    /// Throws unless `day` lies in the posting window.
    static func checkPostingDate(_ db: Database, _ day: LocalDate, field: String, today: LocalDate) throws {
        let window = try postingWindow(db, today: today)
        guard window.contains(day) else {
            throw StoreError.dateOutsideWindow(field: field, date: day, earliest: window.earliest, latest: today)
        }
    }
}

/// The days a posting may carry (`Parameters.postingWindow`); empty when `earliest > latest`.
struct PostingWindow {
    var earliest: LocalDate
    var latest: LocalDate

    func contains(_ day: LocalDate) -> Bool { earliest <= day && day <= latest }
}
