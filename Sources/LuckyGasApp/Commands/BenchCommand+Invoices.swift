import Foundation
import LuckyGasCore
import LuckyGasFormats
import LuckyGasStore

extension BenchCommand {
    /// What issuing and exporting the upload batch took.
    struct InvoicingFigures: CLIJSON, Codable {
        /// Invoices issued.
        var invoices: Int
        /// Invoices per second (delivery + number + F0401 + journal + receivable, one transaction each).
        var invoicesPerSecond: Double
        /// Per-delivery latency.
        var deliver: Timing
        /// Files written.
        var exported: Int
        /// Seconds to write them into the Turnkey folders and mark them exported.
        var exportSeconds: Double
    }

    /// Delivers `orders` (each issuing its invoice) and exports every message for Turnkey.
    func measureInvoicing(database: AppDatabase, orders: [OrderNumber], directory: String) throws -> InvoicingFigures? {
        guard !orders.isEmpty else { return nil }
        let admin = try database.authenticate(name: "admin", password: "admin")
        let period = InvoicePeriod(containing: database.clock.now().date)
        let needed = ((orders.count + 49) / 50) * 50
        try database.importTracks(
            [
                TrackAllocation(
                    sellerUBN: try database.companySettings().ubn, invoiceType: "07", period: period.code, track: "ZZ",
                    begin: 0, end: needed - 1)
            ], source: "bench", by: admin)
        let dispatcher = try database.authenticate(name: "dispatcher", password: "dispatcher")
        let accountant = try database.authenticate(name: "accountant", password: "accountant")
        var remaining = orders.makeIterator()
        let start = Date()
        let deliver = try time(orders.count) {
            if let number = remaining.next() { try database.deliverOrder(number, by: dispatcher) }
        }
        let perSecond = Double(orders.count) / Date().timeIntervalSince(start)
        let exportStart = Date()
        let exported = try TurnkeyFolders.export(database, root: directory + "/turnkey", by: accountant)
        return InvoicingFigures(
            invoices: orders.count, invoicesPerSecond: perSecond, deliver: deliver, exported: exported,
            exportSeconds: Date().timeIntervalSince(exportStart))
    }
}
