import Foundation
import GRDB
import LuckyGasCore

/// The reference data every quote, order, delivery and payment reads (catalogue, price rules,
/// calendar, credit rules, bounds), kept in memory per `reference_version`.
///
/// Before issue 14 each order read the product, price-rule, holiday and parameter tables again:
/// 38 % of its instructions (Docs/performance.md). Triggers (migration `v7-reference-version`)
/// move the version whenever any process changes one of those tables, so a reader checks one
/// integer, and a change made by another process is seen at its next transaction.
///
/// Only values read from committed rows are kept: a committed version is never reused, so a
/// value read at version `v` stays right for `v`. A write transaction notes the version when it
/// begins; while the version it reads is still that one, it has not changed a reference table
/// and what it loads is the committed data (kept). Once it has changed one (the triggers moved
/// the version inside it), what it loads may roll back: used, never kept.
final class ReferenceCache: @unchecked Sendable {
    /// What is kept; each part is loaded when first asked for at a version.
    struct Snapshot {
        var products: [ProductCode: Product]?
        var pricing: PricingRules?
        var calendar: BusinessCalendar?
        var credit: CreditRules?
        var bounds: Bounds?
        var virtualAccountPrefix: String?
        var company: CompanySettings?
    }

    private let lock = NSLock()
    private var version: Int64?
    private var snapshot = Snapshot()
    /// What the transaction in progress is, when it came through `AppDatabase.read` or `write`
    /// (one connection per process: they never overlap).
    private var transaction: Transaction?

    private enum Transaction {
        /// A read: it sees committed rows only.
        case read
        /// A write that began at reference version `version`.
        case write(version: Int64)
    }

    /// Runs `body` as a read transaction of `AppDatabase.read`.
    func reading<T>(_ body: () throws -> T) rethrows -> T {
        lock.withLock { transaction = .read }
        defer { lock.withLock { transaction = nil } }
        return try body()
    }

    /// Runs `body` as a write transaction of `AppDatabase.write` on `db`.
    func writing<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        let version = try Self.version(db)
        lock.withLock { transaction = .write(version: version) }
        defer { lock.withLock { transaction = nil } }
        return try body()
    }

    /// The reference version `db` sees now.
    private static func version(_ db: Database) throws -> Int64 {
        guard
            let current = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT version FROM reference_version WHERE id = 1"))
        else { throw StoreError.database("reference_version has no row") }
        return current
    }

    /// Whether what `db` reads at reference version `current` is committed data: outside a
    /// transaction, in a read, or in a write that has not moved the version.
    private func readsCommitted(_ db: Database, at current: Int64) -> Bool {
        guard db.isInsideTransaction else { return true }
        return lock.withLock {
            switch transaction {
            case .read: true
            case .write(let version): version == current
            case nil: false
            }
        }
    }

    /// The part at the database's current reference version, loading it on a miss.
    func value<T>(
        _ db: Database, _ part: WritableKeyPath<Snapshot, T?>, load: (Database) throws -> T
    ) throws -> T {
        let current = try Self.version(db)
        let kept: T? = lock.withLock { version == current ? snapshot[keyPath: part] : nil }
        if let kept { return kept }
        let loaded = try load(db)
        if readsCommitted(db, at: current) {
            lock.withLock {
                if version != current {
                    version = current
                    snapshot = Snapshot()
                }
                snapshot[keyPath: part] = loaded
            }
        }
        return loaded
    }

    /// The active and inactive products by code (`Parameters.products`).
    func products(_ db: Database) throws -> [ProductCode: Product] {
        try value(db, \.products, load: Parameters.products)
    }

    /// The price rules with their bounds (`Parameters.pricingRules`).
    func pricing(_ db: Database) throws -> PricingRules {
        try value(db, \.pricing, load: Parameters.pricingRules)
    }

    /// The business calendar (`Parameters.calendar`).
    func calendar(_ db: Database) throws -> BusinessCalendar {
        try value(db, \.calendar, load: Parameters.calendar)
    }

    /// The credit rules (`Parameters.creditRules`).
    func credit(_ db: Database) throws -> CreditRules {
        try value(db, \.credit, load: Parameters.creditRules)
    }

    /// The input bounds (`Parameters.bounds`).
    func bounds(_ db: Database) throws -> Bounds {
        try value(db, \.bounds, load: Parameters.bounds)
    }

    /// The bank's virtual-account prefix (`Parameters.virtualAccountPrefix`).
    func virtualAccountPrefix(_ db: Database) throws -> String {
        try value(db, \.virtualAccountPrefix, load: Parameters.virtualAccountPrefix)
    }

    /// The seller's settings for invoices (`InvoiceStore.company`: parameter rows).
    func company(_ db: Database) throws -> CompanySettings {
        try value(db, \.company, load: InvoiceStore.company)
    }
}
