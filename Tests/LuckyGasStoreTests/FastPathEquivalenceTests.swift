import Foundation
import GRDB
import LuckyGasCore
import LuckyGasFormats
import LuckyGasTestSupport
import LuckyGasWire
import Testing

@testable import LuckyGasStore

/// Issue 14: each faster path (files written on every core, one encoding shared by the audit
/// entry and the event, the lean customer read) gives exactly what the one-at-a-time path gave.
@Suite("Faster paths give the same rows, bytes and audit chain")
struct FastPathEquivalenceTests {
    static func temporaryFolder() -> String {
        NSTemporaryDirectory() + "luckygas-export-\(UUID().uuidString)"
    }

    /// Every regular file below `root` by its path relative to `root`, with its bytes.
    static func files(_ root: String) throws -> [String: Data] {
        var found: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            let path = root + "/" + relative
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                found[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        }
        return found
    }

    @Test("The Turnkey export writes the files one-at-a-time writing gives, and marks exactly them")
    func parallelExport() throws {
        let branch = try TestBranch.make()
        for _ in 0..<150 {
            let placed = try branch.database.placeOrder(branch.order(branch.chen, quantity: 1), by: branch.counter)
            try branch.database.deliverOrder(placed.number, by: branch.dispatcher)
        }
        let pending = try branch.database.pendingMessages()
        #expect(pending.count == 150)
        let auditsBefore = try branch.database.writer.read {
            try Int.fetchOne($0, sql: "SELECT count(*) FROM audit_log")
        }

        // The one-at-a-time path: each message written in turn with the same file writer.
        let sequential = Self.temporaryFolder()
        let parallel = Self.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(atPath: sequential)
            try? FileManager.default.removeItem(atPath: parallel)
        }
        for message in pending {
            let type = try #require(MIGMessageType(rawValue: message.type))
            let folder = sequential + "/" + type.turnkeyFolder
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try ExportedFile.write(
                Data(message.xml.utf8), to: folder + "/\(message.type)_\(message.reference)_\(message.id).xml",
                mode: 0o600)
        }

        #expect(try branch.database.exportTurnkey(root: parallel, by: branch.accountant) == 150)
        let written = try Self.files(parallel)
        #expect(written == (try Self.files(sequential)))
        #expect(written.keys.allSatisfy { !$0.contains(".tmp") })
        for relative in written.keys {
            let mode = try FileManager.default.attributesOfItem(atPath: parallel + "/" + relative)[.posixPermissions]
            #expect(mode as? Int == 0o600)
        }
        // Every message is marked with its own file name, in one audited change.
        let marked = try branch.database.writer.read {
            try Row.fetchAll($0, sql: "SELECT id, message_type, reference, status, file_name FROM einvoice_message")
        }
        #expect(marked.count == 150)
        for row in marked {
            #expect(row["status"] as String == "EXPORTED")
            let name = "\(row["message_type"] as String)_\(row["reference"] as String)_\(row["id"] as Int64).xml"
            #expect(row["file_name"] as String == name)
        }
        let auditsAfter = try branch.database.writer.read {
            try Int.fetchOne($0, sql: "SELECT count(*) FROM audit_log")
        }
        #expect(auditsAfter == (auditsBefore ?? 0) + 1)
        #expect(try branch.database.check().ok)
        #expect(try branch.database.exportTurnkey(root: parallel, by: branch.accountant) == 0)
    }

    @Test(
        "A file that cannot be written stops the export in id order: named by path, it and the later messages stay pending"
    )
    func exportFailure() throws {
        let branch = try TestBranch.make()
        for _ in 0..<3 {
            let placed = try branch.database.placeOrder(branch.order(branch.chen, quantity: 1), by: branch.counter)
            try branch.database.deliverOrder(placed.number, by: branch.dispatcher)
        }
        let root = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let first = try #require(try branch.database.pendingMessages().first)
        let type = try #require(MIGMessageType(rawValue: first.type))
        // A folder where the first file should go makes its rename fail.
        let blocked = root + "/" + type.turnkeyFolder + "/\(first.type)_\(first.reference)_\(first.id).xml"
        try FileManager.default.createDirectory(atPath: blocked + "/x", withIntermediateDirectories: true)
        #expect {
            try branch.database.exportTurnkey(root: root, by: branch.accountant)
        } throws: { error in
            guard case StoreError.fileNotWritten(let path, _) = error else { return false }
            return path == blocked
        }
        let pending = try branch.database.pendingMessages()
        #expect(pending.count == 3)
        #expect(pending.first?.id == first.id)
    }

    @Test("An order's audit entry holds the bytes its own encoding gave, which are the OrderPlaced payload")
    func sharedEncoding() throws {
        let branch = try TestBranch.make()
        let placed = try branch.database.placeOrder(branch.order(branch.wang), by: branch.counter)
        let (after, payload) = try branch.database.writer.read { db in
            (
                try String.fetchOne(
                    db, sql: "SELECT after FROM audit_log WHERE action = 'order.place' AND entity_id = ?",
                    arguments: [placed.number.rawValue]),
                try String.fetchOne(
                    db, sql: "SELECT payload FROM sync_outbox WHERE event_type = 'OrderPlaced' AND aggregate_id = ?",
                    arguments: [placed.number.rawValue])
            )
        }
        let event = try WireJSON.decode(OrderPlaced.self, from: try #require(payload))
        // The one-at-a-time path: a fresh encoder with the audit log's canonical settings.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let separate = String(decoding: try encoder.encode(event), as: UTF8.self)
        #expect(after == separate)
        #expect(payload == separate)
        #expect(event.lines.first?.unitPrice == 820)
        #expect(try branch.database.check().ok)
    }

    @Test("Pricing from the lean customer read equals pricing from the whole customer record")
    func leanCustomerRead() throws {
        let branch = try TestBranch.make()
        for customer in [branch.wang, branch.chen] {
            let input = try branch.order(customer, quantity: 3)
            let record = try #require(try branch.database.customer(customer))
            let address = try #require(record.customer.defaultAddress)
            let full = try Pricing.quote(
                QuoteRequest(items: input.items, zone: address.zone, date: input.date, slot: input.slot),
                products: Dictionary(uniqueKeysWithValues: try branch.database.products().map { ($0.code, $0) }),
                specialPrices: record.specialPrices, rules: try branch.database.pricingRules(),
                isHolidayService: try branch.database.calendar().isHolidayService(input.date))
            #expect(try branch.database.quote(input) == full)
        }
        var unknown = try branch.order(branch.chen)
        unknown.customer = CustomerID(number: 999_999)
        #expect {
            try branch.database.quote(unknown)
        } throws: { error in
            guard case StoreError.customerNotFound(let id) = error else { return false }
            return id == unknown.customer.rawValue
        }
    }
}
