import Crypto
import Foundation
import GRDB
import LuckyGasCore
import LuckyGasWire

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
        return Hex.lowercase(SHA256.hash(data: bytes))
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

    /// Canonical JSON for before/after values: sorted keys, so the hash is reproducible. The same
    /// encoder as the outbox payloads (one made once, not one per entry), so an entry whose
    /// `after` is an event's value holds the payload's bytes (`Intent.record`).
    static func json(_ value: some Encodable) throws -> String { try WireJSON.encode(value) }
}
