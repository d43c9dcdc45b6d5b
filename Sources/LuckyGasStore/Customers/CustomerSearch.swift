import GRDB
import LuckyGasCore

/// A customer as a search result row.
public struct CustomerSummary: Sendable, Hashable, Codable {
    /// Customer id.
    public var id: CustomerID
    /// Name.
    public var name: String
    /// Primary phone, as shown.
    public var phone: String
    /// Default address.
    public var address: String
    /// Zone of the default address.
    public var zone: Zone?
    /// Terms.
    public var terms: PaymentTerms
    /// Status.
    public var status: CustomerStatus
    /// UBN, when any.
    public var taxID: String?
}

/// The two full-text indexes behind customer search.
///
/// `customer_fts` (trigram) answers queries of 3+ characters, including phone digits. SQLite
/// 3.40's trigram table silently returns nothing for 1-2 CJK characters, so `customer_gram`
/// (unicode61) holds every single character and every pair of adjacent characters of the name
/// and address as separate tokens; a 1-2 character query is then an exact token match.
enum CustomerSearchIndex {
    static func reindex(_ db: Database, id: CustomerID) throws {
        // The FTS rowid is the customer number, so re-indexing one customer is a rowid lookup,
        // not a scan of the UNINDEXED column (which made a 50,000-customer import quadratic).
        let key = id.rawValue
        let rowid = id.number
        try db.cachedStatement(sql: "DELETE FROM customer_fts WHERE rowid = ?").execute(arguments: [rowid])
        try db.cachedStatement(sql: "DELETE FROM customer_gram WHERE rowid = ?").execute(arguments: [rowid])
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT name, tax_id FROM customer WHERE id = ?"), arguments: [key])
        else { return }
        let name: String = row["name"]
        let addresses = try String.fetchAll(
            db.cachedStatement(sql: "SELECT text FROM customer_address WHERE customer_id = ? AND active = 1"),
            arguments: [key]
        ).joined(separator: " ")
        let phones = try String.fetchAll(
            db.cachedStatement(sql: "SELECT phone FROM customer_contact WHERE customer_id = ? ORDER BY position"),
            arguments: [key]
        ).joined(separator: " ")
        // The search result row is read from these columns: one primary-key lookup per customer.
        let listAddress = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT text, zone FROM customer_address WHERE customer_id = ? AND active = 1
                    ORDER BY is_default DESC, id LIMIT 1
                    """), arguments: [key])
        // A stored phone that does not parse is an error naming the row, not an empty list phone.
        let primaryPhone = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT phone FROM customer_contact WHERE customer_id = ? AND position = 0"),
            arguments: [key]
        ).map { try Stored.parsed($0, "phone", table: "customer_contact", id: "\(key)/0", PhoneNumber.init) }
        try db.cachedStatement(sql: "UPDATE customer SET list_phone = ?, list_address = ?, list_zone = ? WHERE id = ?")
            .execute(arguments: [
                primaryPhone?.display ?? "", listAddress?["text"] as String? ?? "", listAddress?["zone"] as String?,
                key,
            ])
        try db.cachedStatement(
            sql:
                "INSERT INTO customer_fts (rowid, customer_id, name, address, phones, tax_id) VALUES (?, ?, ?, ?, ?, ?)"
        ).execute(arguments: [rowid, key, name, addresses, phones, row["tax_id"] as String? ?? ""])
        try db.cachedStatement(sql: "INSERT INTO customer_gram (rowid, customer_id, name, address) VALUES (?, ?, ?, ?)")
            .execute(arguments: [rowid, key, grams(name), grams(addresses)])
    }

    /// Merges each FTS index into one segment (after bulk loads).
    static func optimize(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO customer_fts (customer_fts) VALUES ('optimize')")
        try db.execute(sql: "INSERT INTO customer_gram (customer_gram) VALUES ('optimize')")
    }

    /// Single characters and adjacent pairs of every non-ASCII run, plus ASCII words as they are:
    /// `王大明` -> `王 大 明 王大 大明`.
    static func grams(_ text: String) -> String {
        var tokens: [String] = []
        var run: [Character] = []
        var word = ""
        func flushRun() {
            tokens.append(contentsOf: run.map { String($0) })
            if run.count > 1 { tokens.append(contentsOf: (0..<(run.count - 1)).map { String(run[$0...$0 + 1]) }) }
            run.removeAll()
        }
        func flushWord() {
            if !word.isEmpty { tokens.append(word) }
            word = ""
        }
        for character in text {
            if character.isASCII {
                flushRun()
                if character.isLetter || character.isNumber { word.append(character) } else { flushWord() }
            } else if character.isLetter || character.isNumber {
                flushWord()
                run.append(character)
            } else {
                flushRun()
                flushWord()
            }
        }
        flushRun()
        flushWord()
        return tokens.joined(separator: " ")
    }

    /// An FTS5 string literal: `"..."` with inner quotes doubled.
    static func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}

extension AppDatabase {
    /// Finds customers by any substring of the name or address (one Chinese character is enough),
    /// by phone digits ignoring dashes, by tax id, or by customer id. Name matches come first.
    public func searchCustomers(_ text: String, limit: Int = 50) throws -> [CustomerSummary] {
        let query = text.trimmingSpaces
        guard !query.isEmpty, limit > 0 else { return [] }
        return try read { db in try Self.search(db, query: query, limit: limit) }
    }

    static func search(_ db: Database, query: String, limit: Int) throws -> [CustomerSummary] {
        var ids: [String] = []
        var seen = Set<String>()
        func add(_ found: [String]) {
            for id in found where ids.count < limit && seen.insert(id).inserted { ids.append(id) }
        }
        let upper = query.uppercased()
        if upper.first == "C", upper.count <= 7, upper.count >= 2, upper.dropFirst().allSatisfy(\.isASCIIDigit) {
            // Customer id or its prefix: a range scan on the primary key.
            let low = upper
            let high = upper + "~"
            add(
                try String.fetchAll(
                    db.cachedStatement(sql: "SELECT id FROM customer WHERE id >= ? AND id < ? ORDER BY id LIMIT ?"),
                    arguments: [low, high, limit]))
        }
        let phoneLike = query.allSatisfy { $0.isASCIIDigit || "-() +".contains($0) }
        let digits = query.asciiDigits
        if phoneLike && digits.count >= 3 {
            add(
                try matches(
                    db, table: "customer_fts", expression: "{phones tax_id} : " + CustomerSearchIndex.quoted(digits),
                    limit: limit))
        }
        if ids.count < limit {
            let table = query.count >= 3 ? "customer_fts" : "customer_gram"
            var term = CustomerSearchIndex.quoted(query)
            if table == "customer_gram" && query.allSatisfy(\.isASCII) { term += "*" }
            add(try matches(db, table: table, expression: "name : " + term, limit: limit))
            if ids.count < limit { add(try matches(db, table: table, expression: "address : " + term, limit: limit)) }
        }
        return try summaries(db, ids: ids)
    }

    private static func matches(_ db: Database, table: String, expression: String, limit: Int) throws -> [String] {
        // The rowid is the customer number: reading it avoids loading the stored row.
        try Int.fetchAll(
            db.cachedStatement(sql: "SELECT rowid FROM \(table) WHERE \(table) MATCH ? LIMIT ?"),
            arguments: [expression, limit]
        ).map { CustomerID(number: $0).rawValue }
    }

    static func summaries(_ db: Database, ids: [String]) throws -> [CustomerSummary] {
        guard !ids.isEmpty else { return [] }
        // One statement for the whole page; the caller's order (name matches first) is restored below.
        let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ",")
        let statement = try db.cachedStatement(
            sql: """
                SELECT id, name, terms, status, tax_id, list_phone, list_address, list_zone
                FROM customer WHERE id IN (\(placeholders))
                """)
        var byID: [String: CustomerSummary] = [:]
        for row in try Row.fetchAll(statement, arguments: StatementArguments(ids)) {
            let customerID = try Stored.customerID(row, "id", table: "customer")
            byID[customerID.rawValue] = CustomerSummary(
                id: customerID, name: row["name"], phone: row["list_phone"], address: row["list_address"],
                zone: try Stored.optional(Zone.self, row, "list_zone", table: "customer"),
                terms: try Stored.value(PaymentTerms.self, row, "terms", table: "customer"),
                status: try Stored.value(CustomerStatus.self, row, "status", table: "customer"), taxID: row["tax_id"])
        }
        return ids.compactMap { byID[$0] }
    }
}
