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

    init(writer: any DatabaseWriter, clock: Clock, ids: IDGenerator, random: RandomDigits) throws {
        self.writer = writer
        self.clock = clock
        self.ids = ids
        self.random = random
        do {
            let applied = try writer.read { try Migrations.migrator.appliedIdentifiers($0) }
            let known = Set(Migrations.migrator.migrations)
            if !applied.isSubset(of: known) { throw StoreError.schemaNewerThanProgram(applied: applied.sorted()) }
            try Migrations.migrator.migrate(writer)
        } catch {
            throw StoreError.wrap(error)
        }
    }

    /// Opens (creating and migrating if needed) the branch database at `path`: WAL through a
    /// `DatabasePool`, a busy timeout so several processes can share it, foreign keys on.
    ///
    /// WAL checkpoints stay SQLite's automatic ones: a background checkpointer was measured
    /// (Docs/decisions.md) and made p99 worse on two cores.
    public static func open(
        path: String, clock: Clock = .system, ids: IDGenerator = .system, random: RandomDigits = .system
    ) throws -> AppDatabase {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            return try AppDatabase(writer: pool, clock: clock, ids: ids, random: random)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw StoreError.notABranchDatabase(path: path, detail: error.message ?? error.description)
        }
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

    /// Runs a write transaction and maps errors to `StoreError`.
    func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        do { return try writer.write(body) } catch { throw StoreError.wrap(error) }
    }

    /// Runs a read and maps errors to `StoreError`.
    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        do { return try writer.read(body) } catch { throw StoreError.wrap(error) }
    }

    /// The file path, or `:memory:`.
    public var path: String { writer.path }

    /// Folds the WAL back into the main file (before copying the file, e.g. for the sample).
    public func checkpoint() throws {
        do { try writer.writeWithoutTransaction { try $0.checkpoint(.truncate) } } catch {
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
