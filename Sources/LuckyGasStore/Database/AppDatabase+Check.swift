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
    /// Every journal entry balances, the totals add up without overflow and debits equal credits.
    public var journalBalanced: Bool
    /// What is wrong with the journal, when something is.
    public var journalMessages: [String]
    /// The checks that failed or could not run, each with what SQLite or the check said
    /// (`integrity: database disk image is malformed`).
    public var failedChecks: [String]

    /// Everything is in order.
    public var ok: Bool { failedChecks.isEmpty }
}

extension AppDatabase {
    /// Checks SQLite integrity, foreign keys, the schema version, the whole audit chain and the
    /// journal's balance. Each check runs on its own, so a damaged file still says which parts
    /// failed; the check never writes (it works on a read-only file).
    public func check() throws -> DatabaseCheck {
        var failed: [String] = []
        func run<T: Sendable>(_ name: String, default fallback: T, _ body: @Sendable (Database) throws -> T) -> T {
            do { return try writer.read(body) } catch {
                let detail = (error as? DatabaseError)?.message ?? String(describing: error)
                failed.append("\(name): \(detail)")
                return fallback
            }
        }
        let integrity = run("integrity", default: [String]()) { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
        if integrity != ["ok"] && !integrity.isEmpty {
            failed.append("integrity: " + integrity.prefix(5).joined(separator: "; "))
        }
        let violations = run("foreign keys", default: 0) { try Row.fetchAll($0, sql: "PRAGMA foreign_key_check").count }
        if violations > 0 { failed.append("foreign keys: \(violations) violations") }
        let applied = run("schema", default: [String]()) { try Migrations.migrator.appliedMigrations($0) }
        if applied.last != Migrations.latest {
            failed.append("schema: \(applied.last ?? "-") is not \(Migrations.latest)")
        }
        let broken: Int64?? = run("audit chain", default: nil) { try AuditLog.firstBrokenEntry($0)?.id }
        if case .some(.some(let id)) = broken { failed.append("audit chain: broken at entry \(id)") }
        let entries = run("audit chain", default: 0) {
            try Int.fetchOne($0, sql: "SELECT count(*) FROM audit_log") ?? 0
        }
        let pending = run("outbox", default: 0) {
            try Int.fetchOne($0, sql: "SELECT count(*) FROM sync_outbox WHERE status = 'pending'") ?? 0
        }
        let journal = run("journal", default: ["the journal could not be read"]) { try Self.journalProblems($0) }
        if !journal.isEmpty { failed.append("journal: " + journal.joined(separator: "; ")) }
        return DatabaseCheck(
            integrityOK: integrity == ["ok"], integrityMessages: integrity == ["ok"] ? [] : integrity,
            foreignKeyViolations: violations, appliedMigrations: applied, latestMigration: Migrations.latest,
            schemaCurrent: applied.last == Migrations.latest, auditEntries: entries, auditBrokenAt: broken ?? nil,
            pendingOutbox: pending, journalBalanced: journal.isEmpty, journalMessages: journal, failedChecks: failed)
    }

    /// The journal's problems: entries whose debits and credits differ, lines above
    /// `Money.ceiling`, totals that overflow or do not balance.
    static func journalProblems(_ db: Database) throws -> [String] {
        var problems: [String] = []
        var huge = 0
        // Summed in Swift with checked arithmetic: SQLite's SUM would stop at the first overflow.
        var debit = Money.zero
        var credit = Money.zero
        var overflow = false
        var entry: Int64 = -1
        var entryDebit = Money.zero
        var entryCredit = Money.zero
        var unbalanced: [Int64] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT entry_id, debit, credit FROM journal_line ORDER BY entry_id")
        func close() {
            if entry >= 0 && entryDebit != entryCredit { unbalanced.append(entry) }
        }
        while let row = try rows.next() {
            let id: Int64 = row[0]
            if id != entry {
                close()
                entry = id
                entryDebit = .zero
                entryCredit = .zero
            }
            let lineDebit = Money(row[1] as Int64)
            let lineCredit = Money(row[2] as Int64)
            if lineDebit > .ceiling || lineCredit > .ceiling { huge += 1 }
            do {
                debit = try debit.adding(lineDebit)
                credit = try credit.adding(lineCredit)
                entryDebit = try entryDebit.adding(lineDebit)
                entryCredit = try entryCredit.adding(lineCredit)
            } catch { overflow = true }
        }
        close()
        if huge > 0 { problems.append("\(huge) lines above \(Money.ceiling.grouped)") }
        if !unbalanced.isEmpty {
            problems.append(
                "\(unbalanced.count) entries do not balance (first: entry \(unbalanced.prefix(5).map(String.init).joined(separator: ", ")))"
            )
        }
        if overflow {
            problems.append("the totals overflow")
        } else if debit != credit {
            problems.append("debits \(debit.grouped) are not credits \(credit.grouped)")
        }
        return problems
    }

    /// The last applied migration and the newest this program knows (cheap; `check()` reads
    /// the whole file).
    public func schemaVersion() throws -> (applied: String?, latest: String) {
        (try read { try Migrations.migrator.appliedMigrations($0).last }, Migrations.latest)
    }

    /// Outbox events waiting for sync (the status line's counter).
    public func pendingSyncCount() throws -> Int {
        try read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sync_outbox WHERE status = 'pending'") ?? 0 }
    }
}
