import ArgumentParser
import Foundation
import GRDB
import LuckyGasCore
import LuckyGasStore

/// `luckygas bench`: measures the store on a generated branch at the seeds' scale.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract:
            "效能量測 / Benchmark search, quote, placeOrder, credit check, screens and startup at the seeds' scale.",
        discussion: """
            Build with -c release first: swift build -c release && .build/release/luckygas bench
            --work-dir /dev/shm/luckygas-bench keeps the database in memory, separating our code's cost from the disk's.
            --postings writes a ledger of that many journal lines on a copy of the branch and times the trial balance
            and the aging as of random dates. --scale runs the main figures at each of --scale-customers (the ledger
            at each of --scale-postings) and prints how each grows against the data.
            """)

    @Option(help: "客戶數 / Customers to generate.") var customers = 50_000
    @Option(help: "下單筆數 / Orders to place.") var orders = 10_000
    @Option(help: "每項查詢次數 / Samples per read measurement.") var samples = 2_000
    @Option(help: "開立發票張數（上傳批次）/ Invoices to issue and export (the seeds' upload batch).")
    var invoices = 5_000
    @Option(name: .customLong("statement-lines"), help: "對帳單筆數 / Lines of the generated bank statement.")
    var statementLines = 50_000
    @Option(help: "收款筆數 / Payments to record and allocate.") var payments = 10_000
    @Option(
        help:
            "總帳分錄行數（另一個檔案；0 不量測）/ Journal lines for the trial balance and aging as of a date (a file of their own; 0 skips)."
    )
    var postings = 1_000_000
    @Flag(
        help:
            "規模成長：在各客戶數與分錄數下量測主要數據 / Growth: the main figures at each --scale-customers, the ledger at each --scale-postings."
    )
    var scale = false
    @Option(
        name: .customLong("scale-customers"),
        help: "--scale 的客戶數（逗號分隔）/ Customer counts of --scale, comma-separated.")
    var scaleCustomers = "5000,50000,500000"
    @Option(
        name: .customLong("scale-postings"),
        help: "--scale 的分錄行數（逗號分隔）/ Journal lines of --scale, comma-separated.")
    var scalePostings = "100000,1000000"
    @Option(help: "工作目錄 / Directory for the benchmark database (default: a temporary one).") var workDir: String?
    @Option(
        help:
            "與先前的 --json 結果比較（慢 20% 以上標示）/ Compare with a saved --json record (marks figures more than 20 % worse)."
    )
    var compare: String?
    // `--json` is the root command's (GlobalOptions): a flag of the same name here would never
    // be set, as the root takes it first.
    @OptionGroup var global: GlobalOptions

    struct Figures: CLIJSON, Codable {
        var customers: Int
        var directory: String
        var buildSeconds: Double
        var measurements: [String: Timing]
        var ordersPlaced: Int
        var ordersRefusedByCredit: Int
        var ordersPerSecond: Double
        var rawInsertRowsPerSecond: Double
        var ordersPerRawRow: Double
        /// Keypress-to-grid and render times of the screens (in-memory backend).
        var screens: [String: Timing]
        /// Milliseconds from start to the sign-in screen in tmux, sorted (nil without tmux).
        var startupMilliseconds: [Double]?
        /// Invoices issued on delivery, per second, and seconds to export their XML for Turnkey.
        var invoicing: InvoicingFigures?
        /// Statement import and matching, payments recorded and allocated.
        var receivables: ReceivablesFigures?
        /// Trial balance and aging as of a date, one per ledger size.
        var ledgers: [LedgerFigures]
        /// Peak memory of the screens in tmux (nil when not measured).
        var screensMemory: PeakMemory?
    }

    struct Timing: CLIJSON, Codable {
        var count: Int
        var p50Microseconds: Double
        var p99Microseconds: Double
    }

    func run() throws {
        if scale { return try runScale() }
        let output = global.output
        do {
            let saved = try compare.map(Self.load)
            let figures = try measure()
            let record = record(figures)
            let machine =
                "machine: \(record.machine.cores) cores, \(record.machine.memoryBytes >> 30) GiB, disk \(record.machine.diskKind)"
            if let saved {
                let comparisons = Self.compare(record, with: saved)
                output.emit(ComparisonReport(record: record, comparisons: comparisons)) {
                    Self.report(figures) + [machine, ""] + Self.report(comparisons)
                }
            } else {
                output.emit(record) { Self.report(figures) + [machine] }
            }
        } catch {
            output.report(error)
            throw ExitCode.failure
        }
    }

    /// A record saved by `bench --json`.
    static func load(_ path: String) throws -> Record {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw CLIError.fileError(path: path, detail: error.localizedDescription)
        }
        do { return try JSONDecoder().decode(Record.self, from: data) } catch {
            throw CLIError.fileError(path: path, detail: "不是 bench --json 的結果 not a bench --json record: \(error)")
        }
    }

    static func report(_ figures: Figures) -> [String] {
        var lines = [
            "branch: \(figures.customers) customers in \(figures.directory), generated in \(String(format: "%.1f", figures.buildSeconds)) s"
        ]
        for key in figures.measurements.keys.sorted() {
            guard let timing = figures.measurements[key] else { continue }
            lines.append(
                "\(key.padding(toLength: 22, withPad: " ", startingAt: 0)) p50 \(String(format: "%8.1f", timing.p50Microseconds)) µs"
                    + "   p99 \(String(format: "%8.1f", timing.p99Microseconds)) µs   (n=\(timing.count))")
        }
        lines.append(
            "placeOrder: \(figures.ordersPlaced) placed, \(figures.ordersRefusedByCredit) refused by credit, "
                + String(format: "%.0f orders/s", figures.ordersPerSecond))
        lines.append(
            String(
                format: "raw SQLite insert: %.0f rows/s (one transaction, prepared statement)",
                figures.rawInsertRowsPerSecond))
        lines.append(String(format: "yardstick: orders/s ÷ raw rows/s = %.4f", figures.ordersPerRawRow))
        lines.append("screens (80x24, in-memory backend; aim p99 < 16 ms = one frame):")
        for key in figures.screens.keys.sorted() {
            guard let timing = figures.screens[key] else { continue }
            lines.append(
                "  \(key.padding(toLength: 24, withPad: " ", startingAt: 0)) p50 \(String(format: "%8.1f", timing.p50Microseconds)) µs"
                    + "   p99 \(String(format: "%8.1f", timing.p99Microseconds)) µs   (n=\(timing.count))")
        }
        if let invoicing = figures.invoicing {
            lines.append(
                "invoicing: \(invoicing.invoices) invoices issued on delivery at \(String(format: "%.0f", invoicing.invoicesPerSecond))/s (aim 2,000/s); exported \(invoicing.exported) XML files in \(String(format: "%.3f", invoicing.exportSeconds)) s (aim < 1 s)"
            )
        }
        if let receivables = figures.receivables { lines += report(receivables) }
        for ledger in figures.ledgers { lines += report(ledger) }
        if let memory = figures.screensMemory {
            lines.append(
                memory.megabytes.map {
                    String(format: "screens peak memory (tmux, VmHWM): %.1f MB (aim < 100 MB at 50,000 customers)", $0)
                } ?? "screens peak memory: not measured (\(memory.failure ?? "?"))")
        }
        if let startup = figures.startupMilliseconds, let last = startup.last {
            lines.append(
                String(
                    format: "startup to sign-in screen (tmux, n=%d): p50 %.0f ms, max %.0f ms (aim < 300 ms)",
                    startup.count, startup[startup.count / 2], last))
        } else {
            lines.append("startup: not measured (tmux not installed)")
        }
        return lines
    }

    /// Generates the branch and measures every figure: the ledger at each of `ledgerPostings`
    /// (default `--postings`), and with `extras` the screens, startup and peak memory.
    func measure(ledgerPostings: [Int]? = nil, extras: Bool = true) throws -> Figures {
        let ledgerPostings = ledgerPostings ?? (postings > 0 ? [postings] : [])
        let directory =
            workDir ?? NSTemporaryDirectory() + "luckygas-bench-\(ProcessInfo.processInfo.processIdentifier)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { if workDir == nil { try? FileManager.default.removeItem(atPath: directory) } }
        let path = directory + "/bench.db"
        let asOf = "2026-11-18"
        var options = try SampleCommand.options(customers: customers, days: 0, seed: 7, asOf: asOf, ordersPerDay: 0)
        options.passwordRounds = PasswordHasher.defaultRounds
        let buildStart = Date()
        try SampleGenerator.generate(into: path, options: options)
        let buildSeconds = Date().timeIntervalSince(buildStart)
        // The ledger goes on copies of the branch as generated (SampleGenerator checkpoints it).
        let ledgerBase = directory + "/ledger-base.db"
        if !ledgerPostings.isEmpty {
            for suffix in ["", "-wal"] {
                try? FileManager.default.removeItem(atPath: ledgerBase + suffix)
                if FileManager.default.fileExists(atPath: path + suffix) {
                    try FileManager.default.copyItem(atPath: path + suffix, toPath: ledgerBase + suffix)
                }
            }
        }

        let morning = LocalDateTime(date: options.asOf, hour: 9)
        let database = try AppDatabase.open(path: path, clock: .fixed(morning))
        let session = try database.authenticate(name: "counter", password: "counter")
        var random = SystemRandomNumberGenerator()
        let customerIDs = (1...customers).map { CustomerID(number: $0) }
        let phones = try customerIDs.prefix(500).compactMap { try database.customer($0)?.customer.primaryPhone?.digits }
        let names = try customerIDs.prefix(500).compactMap { try database.customer($0)?.customer.name }
        let singles = names.compactMap { $0.first.map(String.init) }
        let triples = names.filter { $0.count >= 3 }.map { String($0.prefix(3)) }

        var measurements: [String: Timing] = [:]
        measurements["search 1-char"] = try time(samples) {
            _ = try database.searchCustomers(singles.randomElement(using: &random) ?? "王")
        }
        measurements["search 3-char"] = try time(samples) {
            _ = try database.searchCustomers(triples.randomElement(using: &random) ?? "信義路")
        }
        measurements["search phone"] = try time(samples) {
            let phone = phones.randomElement(using: &random) ?? "0912345678"
            _ = try database.searchCustomers(String(phone.suffix(6)))
        }
        measurements["credit check"] = try time(samples) {
            _ = try database.creditCheck(customerIDs.randomElement(using: &random) ?? customerIDs[0], amount: 2_000)
        }
        let calendar = try database.calendar()
        let dates = (1...14).map { options.asOf.adding(days: $0) }.filter { !calendar.slots(on: $0).isEmpty }
        let p001 = try parsed { try ProductCode("P001") }
        func input() -> OrderInput {
            OrderInput(
                customer: customerIDs.randomElement(using: &random) ?? customerIDs[0],
                items: [QuoteRequest.Item(product: p001, quantity: Int.random(in: 2...4, using: &random))],
                date: dates.randomElement(using: &random) ?? options.asOf.adding(days: 1), slot: .morning)
        }
        measurements["quote"] = try time(samples) { _ = try database.quote(input()) }

        var placed = 0
        var refused = 0
        var placedNumbers: [OrderNumber] = []
        let placeStart = Date()
        measurements["placeOrder"] = try time(orders) {
            do {
                placedNumbers.append(try database.placeOrder(input(), by: session).number)
                placed += 1
            } catch StoreError.creditRefused {
                refused += 1
            }
        }
        let ordersPerSecond = Double(orders) / Date().timeIntervalSince(placeStart)
        let invoicing = try measureInvoicing(
            database: database, orders: Array(placedNumbers.prefix(invoices)), directory: directory)
        let receivables = try measureReceivables(
            database: database, path: path, lines: statementLines, payments: payments)
        let raw = try rawInsertRate(directory + "/raw.db")
        let ledgers = try ledgerPostings.map {
            try measureLedger(
                base: ledgerBase, postings: $0, customers: customers, directory: directory, through: options.asOf)
        }
        for suffix in ["", "-wal"] { try? FileManager.default.removeItem(atPath: ledgerBase + suffix) }
        let screens = extras ? try measureScreens(database: database, clock: .fixed(morning), singles: singles) : [:]
        let startup = extras ? measureStartup(databasePath: path) : nil
        let memory = extras ? measurePeakMemory(databasePath: path, ordersFrom: options.asOf) : nil
        return Figures(
            customers: customers, directory: directory, buildSeconds: buildSeconds, measurements: measurements,
            ordersPlaced: placed,
            ordersRefusedByCredit: refused, ordersPerSecond: ordersPerSecond, rawInsertRowsPerSecond: raw,
            ordersPerRawRow: ordersPerSecond / raw, screens: screens, startupMilliseconds: startup,
            invoicing: invoicing, receivables: receivables, ledgers: ledgers, screensMemory: memory)
    }

    /// Times `count` runs of `body`, returning p50 and p99 in microseconds.
    func time(_ count: Int, _ body: () throws -> Void) throws -> Timing {
        var durations: [UInt64] = []
        durations.reserveCapacity(count)
        for _ in 0..<count {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            durations.append(DispatchTime.now().uptimeNanoseconds - start)
        }
        durations.sort()
        func percentile(_ p: Double) -> Double {
            guard !durations.isEmpty else { return 0 }
            return Double(durations[min(durations.count - 1, Int(Double(durations.count) * p))]) / 1000
        }
        return Timing(count: count, p50Microseconds: percentile(0.50), p99Microseconds: percentile(0.99))
    }

    /// The machine's yardstick: rows/s of a plain prepared INSERT into a WAL file, one transaction.
    func rawInsertRate(_ path: String) throws -> Double {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let queue = try DatabasePool(path: path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE raw (id INTEGER PRIMARY KEY, a TEXT, b INTEGER)") }
        let rows = 100_000
        let start = Date()
        try queue.write { db in
            let statement = try db.makeStatement(sql: "INSERT INTO raw (a, b) VALUES (?, ?)")
            for index in 0..<rows { try statement.execute(arguments: ["row \(index)", index]) }
        }
        return Double(rows) / Date().timeIntervalSince(start)
    }
}
