import Foundation
import LuckyGasCore
import LuckyGasStore

extension BenchCommand {
    /// Dates each as-of figure is asked for (random days of the two years of postings).
    static let ledgerDates = 20

    /// What the trial balance and aging as of a date took over a generated ledger.
    struct LedgerFigures: CLIJSON, Codable {
        /// Postings asked for (`--postings`).
        var postings: Int
        /// Journal lines, entries and open items written.
        var lines: Int
        var entries: Int
        var openItems: Int
        /// Seconds to write them (one intent).
        var generateSeconds: Double
        /// `trialBalance(asOf:)` and `aging(asOf:)`, each over the same random dates.
        var trialBalance: Timing
        var aging: Timing
    }

    /// Copies the freshly generated branch at `base` to a file of its own, writes `postings`
    /// journal lines over the two years up to `through` (`generateBenchmarkLedger`), then times
    /// the trial balance and the aging as of random days of those years.
    func measureLedger(base: String, postings: Int, customers: Int, directory: String, through: LocalDate) throws
        -> LedgerFigures
    {
        let path = directory + "/ledger-\(postings).db"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: base + suffix) {
            try FileManager.default.copyItem(atPath: base + suffix, toPath: path + suffix)
        }
        let database = try AppDatabase.open(path: path, clock: .fixed(LocalDateTime(date: through, hour: 9)))
        let admin = try database.authenticate(name: "admin", password: "admin")
        // The once-per-process `quick_check` (O(file size)) runs here, not inside the timing.
        try database.checkpoint()
        let from = through.adding(days: -729)
        let start = Date()
        let written = try database.generateBenchmarkLedger(
            postings: postings, customers: (1...max(1, customers)).map { CustomerID(number: $0) }, from: from,
            through: through, by: admin)
        let generateSeconds = Date().timeIntervalSince(start)
        var random = SystemRandomNumberGenerator()
        let dates = (0..<Self.ledgerDates).map { _ in from.adding(days: Int.random(in: 0...729, using: &random)) }
        var next = dates.makeIterator()
        let trialBalance = try time(dates.count) { _ = try database.trialBalance(asOf: next.next() ?? through) }
        next = dates.makeIterator()
        let aging = try time(dates.count) { _ = try database.aging(asOf: next.next() ?? through) }
        return LedgerFigures(
            postings: postings, lines: written.lines, entries: written.entries, openItems: written.openItems,
            generateSeconds: generateSeconds, trialBalance: trialBalance, aging: aging)
    }

    /// The record's rows of one ledger run (names without a scale).
    static func rows(_ ledger: LedgerFigures) -> [Figure] {
        func milliseconds(_ name: String, _ timing: Timing) -> Figure {
            Figure(
                name: name, unit: "ms", p50: timing.p50Microseconds / 1000, p99: timing.p99Microseconds / 1000,
                count: timing.count, rate: nil)
        }
        return [
            milliseconds("trial balance as of date", ledger.trialBalance),
            milliseconds("aging as of date", ledger.aging),
            Figure(
                name: "ledger postings generated", unit: "/s", p50: nil, p99: nil, count: ledger.lines,
                rate: Double(ledger.lines) / max(ledger.generateSeconds, 1e-9)),
        ]
    }

    static func report(_ ledger: LedgerFigures) -> [String] {
        func ms(_ microseconds: Double) -> String { String(format: "%.1f ms", microseconds / 1000) }
        return [
            "ledger: \(ledger.lines) postings (\(ledger.entries) entries, \(ledger.openItems) open items) over two years, written in \(String(format: "%.1f", ledger.generateSeconds)) s",
            "  trial balance as of date (n=\(ledger.trialBalance.count)): p50 \(ms(ledger.trialBalance.p50Microseconds)), p99 \(ms(ledger.trialBalance.p99Microseconds)) (aim < 1 s)",
            "  aging as of date (n=\(ledger.aging.count)): p50 \(ms(ledger.aging.p50Microseconds)), p99 \(ms(ledger.aging.p99Microseconds)) (aim < 1 s)",
        ]
    }
}
