import GRDB
import LuckyGasCore

/// What `db check` found.
public struct DatabaseCheck: Sendable, Hashable, Codable {
    /// `PRAGMA integrity_check` said "ok".
    public var integrityOK: Bool
    /// Messages of the integrity check when not ok.
    public var integrityMessages: [String]
    /// Rows that break a foreign key.
    public var foreignKeyViolations: Int
    /// Migrations applied, in order.
    public var appliedMigrations: [String]
    /// The newest migration this program knows.
    public var latestMigration: String
    /// Whether the database is at the latest migration.
    public var schemaCurrent: Bool
    /// Audit entries verified.
    public var auditEntries: Int
    /// The first audit entry whose hash does not verify, if any.
    public var auditBrokenAt: Int64?
    /// Outbox events not yet acknowledged by central.
    public var pendingOutbox: Int

    /// Everything is in order.
    public var ok: Bool { integrityOK && foreignKeyViolations == 0 && schemaCurrent && auditBrokenAt == nil }
}

extension AppDatabase {
    /// Checks SQLite integrity, foreign keys, the schema version and the whole audit chain.
    public func check() throws -> DatabaseCheck {
        try read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            let violations = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count
            let applied = try Migrations.migrator.appliedMigrations(db)
            let broken = try AuditLog.firstBrokenEntry(db)
            let entries = try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log") ?? 0
            let pending = try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_outbox WHERE status = 'pending'") ?? 0
            return DatabaseCheck(
                integrityOK: integrity == ["ok"], integrityMessages: integrity == ["ok"] ? [] : integrity,
                foreignKeyViolations: violations, appliedMigrations: applied, latestMigration: Migrations.latest,
                schemaCurrent: applied.last == Migrations.latest, auditEntries: entries, auditBrokenAt: broken?.id,
                pendingOutbox: pending)
        }
    }

    /// Outbox events waiting for sync (the status line's counter).
    public func pendingSyncCount() throws -> Int {
        try read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sync_outbox WHERE status = 'pending'") ?? 0 }
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
