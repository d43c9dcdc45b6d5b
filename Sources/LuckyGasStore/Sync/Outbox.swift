import GRDB
import LuckyGasCore
import LuckyGasWire

/// The transactional outbox (ARCHITECTURE "Sync"): the one writer of `sync_outbox`. A row per
/// event, written by the intent door in the transaction of the change (Docs/events.md).
enum Outbox {
    /// Queues one typed event (its `payload` encoded by `WireJSON`) at the aggregate `version` it
    /// leaves behind.
    static func enqueue<Event: WireEvent>(
        _ db: Database, _ type: Event.Type, aggregateID: String, payload: String, version: Int, eventID: String,
        at: LocalDateTime
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO sync_outbox (event_id, aggregate_type, aggregate_id, aggregate_version, event_type,
                                         schema_version, payload, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            eventID, Event.aggregateType, aggregateID, version, Event.eventType, Event.schemaVersion, payload,
            at.iso,
        ])
    }
}

/// The aggregates events name, and where their `version` column is (migration `v4-contracts`).
enum Aggregates {
    /// How a change moves the aggregate's version.
    enum Step {
        /// The intent inserted the aggregate: its version is the new row's (1).
        case created
        /// The intent changed it: the version goes up by one.
        case changed
        /// The event only mentions it (a text message about an order): the version stays.
        case unchanged
    }

    /// Table and key column per aggregate type. A `provision` has no row of its own: each one is
    /// a new aggregate at version 1.
    static let tables: [String: (table: String, key: String)] = [
        "order": ("sales_order", "number"), "invoice": ("invoice", "number"), "customer": ("customer", "id"),
        "payment": ("payment", "number"), "allowance": ("allowance", "number"),
        "settlement": ("driver_settlement", "collector || '/' || day"), "bank_line": ("bank_line", "id"),
        "credit_hold": ("credit_hold", "id"), "product": ("product", "code"), "holiday": ("holiday", "date"),
        "parameter": ("parameter", "key"), "driver": ("driver", "id"), "vehicle": ("vehicle", "plate"),
        "open_item": ("open_item", "id"), "user": ("app_user", "name"),
    ]

    /// The aggregate's version after `step`.
    static func version(_ db: Database, type: String, id: String, step: Step) throws -> Int {
        guard let (table, key) = tables[type] else {
            guard step == .created else {
                throw StoreError.database("aggregate \(type) \(id) has no version to change")
            }
            return 1
        }
        let sql =
            switch step {
            case .changed: "UPDATE \(table) SET version = version + 1 WHERE \(key) = ? RETURNING version"
            case .created, .unchanged: "SELECT version FROM \(table) WHERE \(key) = ?"
            }
        guard let version = try Int.fetchOne(db.cachedStatement(sql: sql), arguments: [id]) else {
            throw StoreError.database("\(table) \(id) is not there to record its event")
        }
        return version
    }
}

extension AppDatabase {
    /// Marks every pending outbox event as acknowledged and prunes them, as a branch that has
    /// synced does (a generated sample starts synced; AUTOINCREMENT keeps `seq` from being reused).
    func markOutboxSyncedAndPrune(at moment: LocalDateTime) throws {
        try write { db in
            try db.execute(
                sql: "UPDATE sync_outbox SET status = 'acked', acked_at = ? WHERE status = 'pending'",
                arguments: [moment.iso])
            try db.execute(sql: "DELETE FROM sync_outbox WHERE status = 'acked'")
        }
        do { try writer.writeWithoutTransaction { try $0.execute(sql: "VACUUM") } } catch {
            throw StoreError.wrap(error)
        }
    }
}
