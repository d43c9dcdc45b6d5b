import Foundation
import LuckyGasStore

extension BenchCommand {
    /// `bench --json`: the regression record (Docs/performance.md, Docs/bench/): the machine, the
    /// scale, and every figure as one flat row, so a later run compares figure by figure.
    struct Record: CLIJSON, Codable {
        var machine: Machine
        var scale: Scale
        var figures: [Figure]
    }

    /// Where the figures were measured.
    struct Machine: CLIJSON, Codable {
        var cores: Int
        var memoryBytes: Int64
        /// `ssd`, `rotational`, `tmpfs`, `overlay` or `unknown`: the disk under the work directory.
        var diskKind: String
        var directory: String
    }

    /// What was generated and how often each figure ran.
    struct Scale: CLIJSON, Codable {
        var customers: Int
        var orders: Int
        var samples: Int
        var invoices: Int
        var statementLines: Int
        var payments: Int
        /// Journal lines of the trial balance and aging figures (0: not measured; absent in
        /// records made before it was measured).
        var postings: Int?
    }

    /// One figure: latencies in `unit` (`µs`, `ms`, `s`), or a throughput `rate` (per second), or
    /// a `ratio`, or a size (`MB`, MiB); `count` is how many runs or rows it covers.
    struct Figure: CLIJSON, Codable, Equatable {
        var name: String
        var unit: String
        var p50: Double?
        var p99: Double?
        var count: Int
        var rate: Double?

        /// Whether a bigger number is better (a rate or a ratio) rather than worse (a time).
        var higherIsBetter: Bool { unit == "/s" || unit == "ratio" }

        /// The number compared between runs: the rate for a throughput, else the p50.
        var headline: Double? { higherIsBetter ? rate : p50 }
    }

    /// The record of a run.
    func record(_ figures: Figures) -> Record {
        var rows: [Figure] = []
        func latency(_ name: String, _ timing: Timing, rate: Double? = nil) {
            rows.append(
                Figure(
                    name: name, unit: "µs", p50: timing.p50Microseconds, p99: timing.p99Microseconds,
                    count: timing.count, rate: rate))
        }
        func throughput(_ name: String, _ rate: Double, count: Int) {
            rows.append(Figure(name: name, unit: "/s", p50: nil, p99: nil, count: count, rate: rate))
        }
        func ratio(_ name: String, _ value: Double) {
            rows.append(Figure(name: name, unit: "ratio", p50: nil, p99: nil, count: 1, rate: value))
        }
        for key in figures.measurements.keys.sorted() {
            guard let timing = figures.measurements[key] else { continue }
            latency(key, timing)
        }
        throughput(
            "orders placed", figures.ordersPerSecond, count: figures.ordersPlaced + figures.ordersRefusedByCredit)
        throughput("raw SQLite insert rows", figures.rawInsertRowsPerSecond, count: 100_000)
        ratio("orders ÷ raw rows", figures.ordersPerRawRow)
        if let invoicing = figures.invoicing {
            latency("deliver and invoice", invoicing.deliver)
            throughput("invoices issued", invoicing.invoicesPerSecond, count: invoicing.invoices)
            ratio("invoices ÷ raw rows", invoicing.invoicesPerSecond / figures.rawInsertRowsPerSecond)
            rows.append(
                Figure(
                    name: "MIG XML export", unit: "s", p50: invoicing.exportSeconds, p99: invoicing.exportSeconds,
                    count: invoicing.exported, rate: Double(invoicing.exported) / max(invoicing.exportSeconds, 1e-9)))
        }
        if let receivables = figures.receivables {
            rows.append(
                Figure(
                    name: "statement import and match", unit: "s", p50: receivables.importSeconds,
                    p99: receivables.importSeconds, count: receivables.statementLines, rate: receivables.linesPerSecond)
            )
            rows.append(
                Figure(
                    name: "statement parse", unit: "s", p50: receivables.parseSeconds, p99: receivables.parseSeconds,
                    count: receivables.statementLines, rate: nil))
            latency("record and allocate payment", receivables.recordAndAllocate)
            throughput("payments recorded and allocated", receivables.paymentsPerSecond, count: receivables.payments)
            ratio("payments ÷ raw rows", receivables.paymentsPerSecond / figures.rawInsertRowsPerSecond)
        }
        for ledger in figures.ledgers { rows += Self.rows(ledger) }
        for key in figures.screens.keys.sorted() {
            guard let timing = figures.screens[key] else { continue }
            latency("screen " + key, timing)
        }
        if let megabytes = figures.screensMemory?.megabytes {
            rows.append(
                Figure(name: "screens peak memory", unit: "MB", p50: megabytes, p99: megabytes, count: 1, rate: nil))
        }
        if let startup = figures.startupMilliseconds, let last = startup.last {
            rows.append(
                Figure(
                    name: "startup to sign-in", unit: "ms", p50: startup[startup.count / 2], p99: last,
                    count: startup.count, rate: nil))
        }
        return Record(
            machine: Self.machine(directory: figures.directory),
            scale: Scale(
                customers: customers, orders: orders, samples: samples, invoices: invoices,
                statementLines: statementLines, payments: payments, postings: figures.ledgers.first?.postings ?? 0),
            figures: rows)
    }

    /// The cores, memory and the kind of disk under `directory`.
    static func machine(directory: String) -> Machine {
        Machine(
            cores: ProcessInfo.processInfo.activeProcessorCount,
            memoryBytes: Int64(ProcessInfo.processInfo.physicalMemory), diskKind: diskKind(directory),
            directory: directory)
    }

    /// `tmpfs` and `overlay` from the file system the directory is on (`/proc/self/mountinfo`,
    /// the longest mount point above it); otherwise its block device's `rotational` flag.
    static func diskKind(_ directory: String) -> String {
        let path = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        guard let table = try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8) else { return "unknown" }
        var best: (point: String, device: String, type: String)?
        for line in table.split(separator: "\n") {
            let halves = line.components(separatedBy: " - ")
            let fields = halves[0].split(separator: " ").map(String.init)
            guard halves.count == 2, fields.count >= 5, let type = halves[1].split(separator: " ").first else {
                continue
            }
            let point = fields[4]
            let inside = point == "/" || path == point || path.hasPrefix(point + "/")
            if inside, point.count >= (best?.point.count ?? -1) { best = (point, fields[2], String(type)) }
        }
        guard let best else { return "unknown" }
        if best.type == "tmpfs" || best.type == "overlay" { return best.type }
        for candidate in [
            "/sys/dev/block/\(best.device)/queue/rotational", "/sys/dev/block/\(best.device)/../queue/rotational",
        ] {
            if let flag = try? String(contentsOfFile: candidate, encoding: .utf8) {
                return flag.hasPrefix("1") ? "rotational" : "ssd"
            }
        }
        return "unknown"
    }

    /// One figure beside its saved value.
    struct Comparison: CLIJSON, Codable {
        var name: String
        var unit: String
        var saved: Double?
        var now: Double?
        /// now ÷ saved for a time, saved ÷ now for a rate: above 1 is slower.
        var slowdown: Double?
        /// More than 20 % worse.
        var worse: Bool
    }

    /// `bench --compare FILE --json`: the run and every figure beside the saved one.
    struct ComparisonReport: CLIJSON, Codable {
        var record: Record
        var comparisons: [Comparison]
    }

    /// Every figure of `now` beside the same figure of `saved` (figures only in one run are shown
    /// with the other side empty).
    static func compare(_ now: Record, with saved: Record) -> [Comparison] {
        compare(now.figures, with: saved.figures)
    }

    /// Every figure of `now` beside the figure of the same name in `saved`.
    static func compare(_ now: [Figure], with saved: [Figure]) -> [Comparison] {
        var rows: [Comparison] = []
        let old = Dictionary(saved.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for figure in now {
            let before = old[figure.name]?.headline
            let after = figure.headline
            var slowdown: Double?
            if let before, let after, before > 0, after > 0 {
                slowdown = figure.higherIsBetter ? before / after : after / before
            }
            rows.append(
                Comparison(
                    name: figure.name, unit: figure.unit, saved: before, now: after,
                    slowdown: slowdown, worse: (slowdown ?? 0) > 1.2))
        }
        let names = Set(now.map(\.name))
        for figure in saved where !names.contains(figure.name) {
            rows.append(
                Comparison(
                    name: figure.name, unit: figure.unit, saved: figure.headline, now: nil, slowdown: nil, worse: false)
            )
        }
        return rows
    }

    /// The comparison as text: one line per figure, `⚠` beside those more than 20 % worse.
    static func report(_ comparisons: [Comparison]) -> [String] {
        func number(_ value: Double?) -> String {
            guard let value else { return "-" }
            return value >= 100 ? String(format: "%.0f", value) : String(format: "%.3g", value)
        }
        var lines = ["figure                                   saved         now   slowdown"]
        for row in comparisons {
            let name = row.name.count > 36 ? String(row.name.prefix(35)) + "…" : row.name
            lines.append(
                name.padding(toLength: 36, withPad: " ", startingAt: 0) + " "
                    + number(row.saved).leftPadded(11) + " " + number(row.now).leftPadded(11) + " "
                    + (row.slowdown.map { String(format: "%.2fx", $0) } ?? "-").leftPadded(10) + " " + row.unit
                    + (row.worse ? "  ⚠ >20% worse" : ""))
        }
        let worse = comparisons.filter(\.worse).count
        lines.append(worse == 0 ? "no figure is more than 20 % worse" : "\(worse) figures are more than 20 % worse")
        return lines
    }
}

extension String {
    /// Spaces before the text up to `width` characters (bench tables).
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
