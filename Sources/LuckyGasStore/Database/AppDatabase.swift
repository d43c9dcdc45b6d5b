import Foundation
import GRDB
import LuckyGasCore

/// The one door to a branch's SQLite file: every business action is an intent-named method that
/// loads what it needs, asks Core to decide, and writes rows + audit entry + outbox event in one
/// transaction.
public final class AppDatabase: Sendable {
    let writer: any DatabaseWriter
    /// Where "now" comes from.
    public let clock: Clock
    /// Where new UUIDs come from.
    public let ids: IDGenerator
    /// The invoice random numbers.
    public let random: RandomDigits
    /// Why writes are refused, when they are: the file is read-only. Reads and `check()` still work.
    public let writeRefusal: StoreError?
    /// `PRAGMA quick_check`, run once before the first write of this process.
    let integrity: IntegrityGate
    /// The catalogue, price rules, calendar and bounds, read once per change.
    let reference = ReferenceCache()

    init(
        writer: any DatabaseWriter, clock: Clock, ids: IDGenerator, random: RandomDigits, readOnly: Bool = false,
        quickCheck: Bool = false
    ) throws {
        self.writer = writer
        self.clock = clock
        self.ids = ids
        self.random = random
        do {
            // Only a schema that needs a migration is written at open; a current file is not
            // touched (a read never changes the file's bytes).
            let (applied, complete) = try writer.read { db in
                (
                    try Migrations.migrator.appliedIdentifiers(db),
                    try Migrations.migrator.hasCompletedMigrations(db)
                )
            }
            let known = Set(Migrations.migrator.migrations)
            if !applied.isSubset(of: known) { throw StoreError.schemaNewerThanProgram(applied: applied.sorted()) }
            integrity = IntegrityGate(enabled: quickCheck)
            if readOnly {
                guard complete else { throw StoreError.readOnlyDatabase(path: writer.path) }
                writeRefusal = .readOnlyDatabase(path: writer.path)
            } else {
                if !complete {
                    if let damage = integrity.damage(writer) { throw damage }
                    try Migrations.migrator.migrate(writer)
                }
                writeRefusal = nil
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.wrap(error)
        }
    }

    /// Opens (creating and migrating if needed) the branch database at `path`: WAL, a busy
    /// timeout so several processes can share it, foreign keys on.
    /// `PRAGMA quick_check` runs before the first write: a damaged file serves reads and
    /// `db check` only (the check is O(file size), so a read-only command does not pay it).
    /// A file the process may not write (or that has no write bit, even for root), or any file
    /// when `readOnly`, opens read-only.
    ///
    /// One connection (`DatabaseQueue`) per process: GRDB's `DatabasePool` writes a table and
    /// drops it at every open to prime the WAL, which changed the file on every read (issue 18,
    /// Docs/decisions.md). WAL is a property of the file, set once when it is created.
    /// WAL checkpoints stay SQLite's automatic ones: a background checkpointer was measured
    /// (Docs/decisions.md) and made p99 worse on two cores.
    ///
    /// A path that does not exist is refused (`databaseMissing`) unless `create`: a mistyped
    /// path must never become a new, empty branch that real work goes into.
    public static func open(
        path: String, clock: Clock = .system, ids: IDGenerator = .system, random: RandomDigits = .system,
        readOnly forced: Bool = false, create: Bool = false
    ) throws -> AppDatabase {
        if !create && !FileManager.default.fileExists(atPath: path) { throw StoreError.databaseMissing(path: path) }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        let readOnly = forced || isReadOnlyFile(path)
        configuration.readonly = readOnly
        configuration.prepareDatabase { db in
            guard !readOnly else { return }
            if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        // SQLite's default page cache is 2 MB: a statement import of 50,000 lines (one
        // transaction) spilled and re-read its pages. 32 MB per process stays well inside the
        // screens' memory budget (Docs/performance.md).
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -32768") }
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            return try AppDatabase(
                writer: queue, clock: clock, ids: ids, random: random, readOnly: readOnly, quickCheck: true)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw StoreError.notABranchDatabase(path: path, detail: error.message ?? error.description)
        }
    }

    /// Whether an existing file may not be written: no permission, or no write bit at all
    /// (`chmod 444`, which root could otherwise still write).
    static func isReadOnlyFile(_ path: String) -> Bool {
        guard FileManager.default.fileExists(atPath: path) else { return false }
        if access(path, W_OK) != 0 { return true }
        let mode = (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? 0o600
        return mode & 0o222 == 0
    }

    /// An empty, migrated database in memory (tests and benchmarks of pure logic).
    public static func inMemory(
        clock: Clock = .system, ids: IDGenerator = .system, random: RandomDigits = .system
    ) throws -> AppDatabase {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        return try AppDatabase(
            writer: try DatabaseQueue(configuration: configuration), clock: clock, ids: ids, random: random)
    }

    /// Runs a write transaction and maps errors to `StoreError`; refused on a damaged or
    /// read-only file.
    func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        if let writeRefusal { throw writeRefusal }
        if let damage = integrity.damage(writer) { throw damage }
        let reference = reference
        do { return try writer.write { db in try reference.writing(db) { try body(db) } } } catch {
            throw StoreError.wrap(error)
        }
    }

    /// The sign-in bookkeeping (attempt counter, audit entry): a write transaction like `write`
    /// without the once-per-process `quick_check`, so a read command that signs in never pays
    /// for it. SQLite still refuses to write into a page it finds corrupt.
    func writeSignIn<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        if let writeRefusal { throw writeRefusal }
        if let damage = integrity.knownDamage { throw damage }
        let reference = reference
        do { return try writer.write { db in try reference.writing(db) { try body(db) } } } catch {
            throw StoreError.wrap(error)
        }
    }

    /// Whether sign-in can be counted and audited (the file is writable and not known damaged).
    var canRecordSignIn: Bool { writeRefusal == nil && integrity.knownDamage == nil }

    /// Runs a read and maps errors to `StoreError`.
    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        let reference = reference
        do { return try writer.read { db in try reference.reading { try body(db) } } } catch {
            throw StoreError.wrap(error)
        }
    }

    /// The file path, or `:memory:`.
    public var path: String { writer.path }

    /// Folds the WAL back into the main file (before copying the file, e.g. for the sample).
    public func checkpoint() throws {
        if let writeRefusal { throw writeRefusal }
        if let damage = integrity.damage(writer) { throw damage }
        do { _ = try writer.writeWithoutTransaction { try $0.checkpoint(.truncate) } } catch {
            throw StoreError.wrap(error)
        }
    }
}

extension Clock {
    /// The system clock, in Taipei time.
    public static let system = Clock { LocalDateTime(unixSeconds: Int64(Date().timeIntervalSince1970)) }
}

extension RandomDigits {
    /// The system's secure generator (getrandom on Linux).
    public static let system = RandomDigits {
        var generator = SystemRandomNumberGenerator()
        let value = Int.random(in: 0...9999, using: &generator)
        return String(repeating: "0", count: value < 10 ? 3 : value < 100 ? 2 : value < 1000 ? 1 : 0) + String(value)
    }
}

extension IDGenerator {
    /// Random version-4 UUIDs.
    public static let system = IDGenerator { UUID().uuidString.lowercased() }
}

/// Runs `PRAGMA quick_check` once, at the first write of the process, and remembers a failure:
/// writes on a damaged file are refused with the advice to restore the last backup. Measured:
/// 15 ms on the 4 MB sample, 320 ms on an 88 MB file of 20,000 customers (Docs/operations.md).
final class IntegrityGate: @unchecked Sendable {
    private let lock = NSLock()
    private var enabled: Bool
    private var result: StoreError?

    init(enabled: Bool) { self.enabled = enabled }

    /// The damage found by a check that already ran, or nil.
    var knownDamage: StoreError? {
        lock.lock()
        defer { lock.unlock() }
        return result
    }

    /// The damage found, or nil; the check runs on the first call only.
    func damage(_ writer: any DatabaseWriter) -> StoreError? {
        lock.lock()
        defer { lock.unlock() }
        guard enabled else { return result }
        enabled = false
        do {
            let found = try writer.read { try String.fetchAll($0, sql: "PRAGMA quick_check") }
            if found != ["ok"] {
                let detail = found.joined(separator: "; ").split(whereSeparator: \.isNewline).joined(separator: " ")
                result = .damagedDatabase(path: writer.path, detail: String(detail.prefix(160)))
            }
        } catch {
            result = .damagedDatabase(path: writer.path, detail: (error as? DatabaseError)?.message ?? "\(error)")
        }
        return result
    }
}
