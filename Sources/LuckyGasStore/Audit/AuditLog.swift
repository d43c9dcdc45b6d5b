import Crypto
import Foundation
import GRDB
import LuckyGasCore

/// The append-only, hash-chained audit log (DOMAIN.md "People and rights": kept 7 years, verifiable).
///
/// Each entry's hash is SHA-256 over the previous hash and the entry's fields, so changing or
/// removing any past entry breaks every hash after it. Triggers refuse UPDATE and DELETE.
enum AuditLog {
    /// The previous hash of the first entry.
    static let genesis = String(repeating: "0", count: 64)

    /// Appends one entry in the caller's transaction and returns its hash.
    @discardableResult
    static func append(
        _ db: Database, at: LocalDateTime, user: String, action: String, entity: String, entityID: String,
        before: String?, after: String?
    ) throws -> String {
        let previous =
            try String.fetchOne(db.cachedStatement(sql: "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1"))
            ?? genesis
        let hash = digest(
            previous: previous, at: at.iso, user: user, action: action, entity: entity, entityID: entityID,
            before: before, after: after)
        try db.cachedStatement(
            sql: """
                INSERT INTO audit_log (at, user, action, entity, entity_id, before, after, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [at.iso, user, action, entity, entityID, before, after, previous, hash])
        return hash
    }

    static func digest(
        previous: String, at: String, user: String, action: String, entity: String, entityID: String,
        before: String?, after: String?
    ) -> String {
        let fields = [previous, at, user, action, entity, entityID, before ?? "\u{0}", after ?? "\u{0}"]
        let bytes = Data(fields.joined(separator: "\u{1F}").utf8)
        return SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// Walks the whole chain; returns the id of the first entry that does not verify, or nil.
    static func firstBrokenEntry(_ db: Database) throws -> (id: Int64, count: Int)? {
        var previous = genesis
        var count = 0
        let rows = try Row.fetchCursor(
            db,
            sql:
                "SELECT id, at, user, action, entity, entity_id, before, after, prev_hash, hash FROM audit_log ORDER BY id"
        )
        while let row = try rows.next() {
            count += 1
            let id: Int64 = row["id"]
            let storedPrevious: String = row["prev_hash"]
            let expected = digest(
                previous: previous, at: row["at"], user: row["user"], action: row["action"], entity: row["entity"],
                entityID: row["entity_id"], before: row["before"], after: row["after"])
            let stored: String = row["hash"]
            if storedPrevious != previous || stored != expected { return (id, count) }
            previous = stored
        }
        return nil
    }

    /// Canonical JSON for before/after values: sorted keys, so the hash is reproducible.
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// The transactional outbox: a row per business change, in the same transaction (ARCHITECTURE "Sync").
enum Outbox {
    /// Queues one event for central.
    static func enqueue(
        _ db: Database, eventID: String, aggregateType: String, aggregateID: String, version: Int, eventType: String,
        payload: String, at: LocalDateTime
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO sync_outbox (event_id, aggregate_type, aggregate_id, aggregate_version, event_type,
                                         payload, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [eventID, aggregateType, aggregateID, version, eventType, payload, at.iso])
    }
}

/// One business change: its audit entry and (optionally) its outbox event, written together.
struct Change {
    var action: String
    var entity: String
    var entityID: String
    var before: String?
    var after: String?
    var version: Int
    var event: String?
    /// What the outbox event carries when it is not the `after` value (e.g. the reason of a cancel).
    var payload: String? = nil

    /// Writes the audit entry and, when `event` is set, the outbox event carrying `payload` or `after`.
    func record(_ db: Database, user: String, at: LocalDateTime, ids: IDGenerator) throws {
        try AuditLog.append(
            db, at: at, user: user, action: action, entity: entity, entityID: entityID, before: before, after: after)
        if let event {
            try Outbox.enqueue(
                db, eventID: ids.uuid(), aggregateType: entity, aggregateID: entityID, version: version,
                eventType: event,
                payload: payload ?? after ?? before ?? "{}", at: at)
        }
    }
}

/// The credit reservation ledger: RESERVE at confirmation, RELEASE at cancellation, USE at delivery.
enum Reservations {
    enum Kind: String { case reserve = "RESERVE", release = "RELEASE", use = "USE" }

    static func record(
        _ db: Database, _ kind: Kind, customer: CustomerID, order: OrderNumber, amount: Money, at: LocalDateTime,
        by user: String
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO credit_reservation (customer_id, order_number, kind, amount, at, by_user)
                VALUES (?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [customer.rawValue, order.rawValue, kind.rawValue, amount.amount, at.iso, user])
    }
}
