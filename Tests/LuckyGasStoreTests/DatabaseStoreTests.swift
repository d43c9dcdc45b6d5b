import Foundation
import GRDB
import LuckyGasCore
import LuckyGasTestSupport
import Testing

@testable import LuckyGasStore

@Suite("The database file: migrations, WAL, audit chain")
struct DatabaseStoreTests {
    static func temporaryPath() -> String {
        NSTemporaryDirectory() + "luckygas-test-\(UUID().uuidString).db"
    }

    @Test("A file database is in WAL mode with foreign keys on and at the latest migration")
    func fileDatabase() throws {
        let path = Self.temporaryPath()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let branch = try TestBranch.make(path: path)
        let (mode, keys) = try branch.database.writer.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(mode == "wal")
        #expect(keys == 1)
        let check = try branch.database.check()
        #expect(check.ok)
        #expect(
            check.appliedMigrations == [
                "v1-foundation", "v2-invoicing", "v3-receivables", "v4-contracts", "v5-users", "v6-sign-in",
                "v7-reference-version", "v8-ledger-as-of",
            ])
        #expect(check.auditEntries > 5)
    }

    @Test("A database from a newer program is refused with a clear message")
    func newerSchema() throws {
        let path = Self.temporaryPath()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let branch = try TestBranch.make(path: path)
        try branch.database.writer.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')")
        }
        #expect(throws: StoreError.self) { _ = try AppDatabase.open(path: path) }
    }

    @Test("A file that is not SQLite is refused, not overwritten")
    func notADatabase() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("這不是資料庫 not a database, just some text that is long enough".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) { _ = try AppDatabase.open(path: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("這不是資料庫"))
    }

    @Test("The audit log refuses updates and deletes, and the check finds a tampered entry")
    func auditChain() throws {
        let branch = try TestBranch.make()
        _ = try branch.database.placeOrder(branch.order(branch.chen), by: branch.counter)
        #expect(try branch.database.check().auditBrokenAt == nil)
        #expect(throws: DatabaseError.self) {
            try branch.database.writer.write {
                try $0.execute(sql: "UPDATE audit_log SET user = 'mallory' WHERE id = 3")
            }
        }
        #expect(throws: DatabaseError.self) {
            try branch.database.writer.write { try $0.execute(sql: "DELETE FROM audit_log WHERE id = 3") }
        }
        try branch.database.writer.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_update")
            try db.execute(sql: "UPDATE audit_log SET user = 'mallory' WHERE id = 3")
        }
        #expect(try branch.database.check().auditBrokenAt == 3)
        #expect(try branch.database.check().ok == false)
    }

    @Test("Every audit entry names who, when and what, and chains to the previous hash")
    func auditFields() throws {
        let branch = try TestBranch.make()
        let placed = try branch.database.placeOrder(branch.order(branch.chen), by: branch.counter)
        let row = try #require(
            try branch.database.writer.read {
                try Row.fetchOne(
                    $0, sql: "SELECT * FROM audit_log WHERE entity_id = ?", arguments: [placed.number.rawValue])
            })
        #expect(row["user"] as String == "counter")
        #expect(row["at"] as String == branch.time.now.iso)
        #expect(row["action"] as String == "order.place")
        let previous = try branch.database.writer.read {
            try String.fetchOne(
                $0, sql: "SELECT hash FROM audit_log WHERE id = ?", arguments: [(row["id"] as Int64) - 1])
        }
        #expect(previous == row["prev_hash"])
    }

    @Test("The outbox gets one pending event per business change, with increasing seq and unique event ids")
    func outbox() throws {
        let branch = try TestBranch.make()
        let start = try branch.database.pendingSyncCount()
        let placed = try branch.database.placeOrder(branch.order(branch.chen), by: branch.counter)
        try branch.database.cancelOrder(placed.number, reason: "測試", by: branch.counter)
        // Placed, its confirmation text, cancelled.
        #expect(try branch.database.pendingSyncCount() == start + 3)
        let events = try branch.database.writer.read {
            try Row.fetchAll($0, sql: "SELECT seq, event_id, event_type FROM sync_outbox ORDER BY seq DESC LIMIT 3")
        }
        #expect(events.map { $0["event_type"] as String } == ["OrderCancelled", "SmsRequested", "OrderPlaced"])
        #expect((events[0]["seq"] as Int64) > (events[1]["seq"] as Int64))
        #expect((events[0]["event_id"] as String) != (events[1]["event_id"] as String))
    }
}

@Suite("Hexadecimal of hashes")
struct HexTests {
    @Test("Hex.lowercase gives what String(format: \"%02x\") gave, byte for byte")
    func sameAsFormat() {
        let bytes: [UInt8] = Array(0...255)
        #expect(Hex.lowercase(bytes) == bytes.map { String(format: "%02x", $0) }.joined())
        #expect(Hex.lowercase([UInt8]()) == "")
    }
}
