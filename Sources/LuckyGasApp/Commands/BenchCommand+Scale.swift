import ArgumentParser
import Foundation
import LuckyGasCore
import LuckyGasStore

extension BenchCommand {
    /// `bench --scale --json`: the main figures at each scale, each row named with its scale
    /// (`placeOrder @ 5000 customers`, `trial balance as of date @ 100000 postings`), and how
    /// each grows from one scale to the next against the data.
    struct ScaleRecord: CLIJSON, Codable {
        var machine: Machine
        var scales: Scales
        var figures: [Figure]
        var growth: [Growth]
    }

    /// The sizes measured, and the work done at each (the same at every size).
    struct Scales: CLIJSON, Codable {
        /// Customers of each branch, ascending.
        var customers: [Int]
        /// Journal lines of each ledger, ascending.
        var postings: [Int]
        /// Customers of the branch the ledgers are written on (the smallest customer scale).
        var ledgerCustomers: Int
        var orders: Int
        var samples: Int
        var invoices: Int
        var statementLines: Int
        var payments: Int
    }

    /// How one figure grew from one scale to the next.
    struct Growth: CLIJSON, Codable {
        /// The figure's name without its scale.
        var figure: String
        var unit: String
        /// `customers` or `postings`.
        var data: String
        var from: Int
        var to: Int
        /// `to ÷ from`.
        var dataGrowth: Double
        /// Later ÷ earlier time (earlier ÷ later for a rate: the time per item); null when a
        /// side is zero.
        var figureGrowth: Double?
        /// `figureGrowth ÷ dataGrowth`: about 0 flat, about 1 in step with the data.
        var ratio: Double?
        /// `ratio` above 1: the figure grows faster than the data.
        var fasterThanData: Bool
    }

    /// `bench --scale --compare FILE --json`.
    struct ScaleComparisonReport: CLIJSON, Codable {
        var record: ScaleRecord
        var comparisons: [Comparison]
    }

    /// `bench --scale`: a branch per customer scale with the main figures (not the screens,
    /// startup or memory), the ledgers of every posting scale on a copy of the smallest branch;
    /// each scale's files are removed once it is measured.
    func runScale() throws {
        let output = global.output
        do {
            let customerScales = try Self.sizes(scaleCustomers, option: "--scale-customers")
            let postingScales = postings == 0 ? [] : try Self.sizes(scalePostings, option: "--scale-postings")
            let saved = try compare.map(Self.loadScale)
            let root =
                workDir ?? NSTemporaryDirectory() + "luckygas-bench-scale-\(ProcessInfo.processInfo.processIdentifier)"
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            defer { if workDir == nil { try? FileManager.default.removeItem(atPath: root) } }
            var branches: [(size: Int, rows: [Figure])] = []
            var ledgers: [(size: Int, rows: [Figure])] = []
            for (index, count) in customerScales.enumerated() {
                Output.note("bench --scale: \(count) customers (\(index + 1)/\(customerScales.count))")
                var run = self
                let directory = root + "/customers-\(count)"
                run.customers = count
                run.workDir = directory
                var figures = try run.measure(ledgerPostings: index == 0 ? postingScales : [], extras: false)
                try? FileManager.default.removeItem(atPath: directory)
                for ledger in figures.ledgers { ledgers.append((ledger.postings, Self.rows(ledger))) }
                figures.ledgers = []
                branches.append((count, run.record(figures).figures))
            }
            let record = ScaleRecord(
                machine: Self.machine(directory: root),
                scales: Scales(
                    customers: customerScales, postings: postingScales, ledgerCustomers: customerScales[0],
                    orders: orders, samples: samples, invoices: invoices, statementLines: statementLines,
                    payments: payments),
                figures: Self.named(branches, "customers") + Self.named(ledgers, "postings"),
                growth: Self.growth(branches, data: "customers") + Self.growth(ledgers, data: "postings"))
            let machine =
                "machine: \(record.machine.cores) cores, \(record.machine.memoryBytes >> 30) GiB, disk \(record.machine.diskKind)"
            let text =
                Self.table(branches, data: "customers") + [""] + Self.table(ledgers, data: "postings") + [""]
                + Self.report(record.growth) + [machine]
            if let saved {
                let comparisons = Self.compare(record.figures, with: saved.figures)
                output.emit(ScaleComparisonReport(record: record, comparisons: comparisons)) {
                    text + [""] + Self.report(comparisons)
                }
            } else {
                output.emit(record) { text }
            }
        } catch {
            output.report(error)
            throw ExitCode.failure
        }
    }

    /// A list of sizes (`300,3000`): positive whole numbers, ascending, each once.
    static func sizes(_ text: String, option: String) throws -> [Int] {
        var sizes: Set<Int> = []
        for part in text.split(separator: ",") {
            let item = part.trimmingCharacters(in: .whitespaces)
            guard let size = Int(item.replacingOccurrences(of: "_", with: "")) else {
                throw StoreError.invalid(.unknownValue(field: option, value: item, allowed: ["5000,50000,500000"]))
            }
            guard size > 0 else { throw StoreError.invalid(.notPositive(field: option, value: Int64(size))) }
            sizes.insert(size)
        }
        guard !sizes.isEmpty else { throw StoreError.invalid(.empty(field: option)) }
        return sizes.sorted()
    }

    /// A record saved by `bench --scale --json`.
    static func loadScale(_ path: String) throws -> ScaleRecord {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw CLIError.fileError(path: path, detail: error.localizedDescription)
        }
        do { return try JSONDecoder().decode(ScaleRecord.self, from: data) } catch {
            throw CLIError.fileError(
                path: path, detail: "不是 bench --scale --json 的結果 not a bench --scale --json record: \(error)")
        }
    }

    /// Every row renamed with its scale: `placeOrder @ 5000 customers`.
    static func named(_ runs: [(size: Int, rows: [Figure])], _ data: String) -> [Figure] {
        runs.flatMap { run in
            run.rows.map { row in
                var row = row
                row.name += " @ \(run.size) \(data)"
                return row
            }
        }
    }

    /// Whether a figure's growth says something about the data (not a ratio, not the raw
    /// SQLite yardstick, which does not touch the branch).
    static func grows(_ figure: Figure) -> Bool {
        figure.unit != "ratio" && figure.name != "raw SQLite insert rows"
    }

    /// Each figure's growth from each scale to the next.
    static func growth(_ runs: [(size: Int, rows: [Figure])], data: String) -> [Growth] {
        var out: [Growth] = []
        for (before, after) in zip(runs, runs.dropFirst()) {
            let earlier = Dictionary(before.rows.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            let dataGrowth = Double(after.size) / Double(before.size)
            for figure in after.rows where grows(figure) {
                guard let old = earlier[figure.name] else { continue }
                var figureGrowth: Double?
                if let then = old.headline, let now = figure.headline, then > 0, now > 0 {
                    figureGrowth = figure.higherIsBetter ? then / now : now / then
                }
                let ratio = figureGrowth.map { $0 / dataGrowth }
                out.append(
                    Growth(
                        figure: figure.name, unit: figure.unit, data: data, from: before.size, to: after.size,
                        dataGrowth: dataGrowth, figureGrowth: figureGrowth, ratio: ratio,
                        fasterThanData: (ratio ?? 0) > 1))
            }
        }
        return out
    }

    /// One line per figure: its p50 (its rate for a throughput) at each scale.
    static func table(_ runs: [(size: Int, rows: [Figure])], data: String) -> [String] {
        guard let first = runs.first else { return ["\(data): not measured"] }
        func number(_ value: Double?) -> String {
            guard let value else { return "-" }
            return value >= 100 ? String(format: "%.0f", value) : String(format: "%.3g", value)
        }
        var lines = [
            "by \(data): p50, or the rate for /s".padding(toLength: 36, withPad: " ", startingAt: 0) + " unit  "
                + runs.map { "@\($0.size)".leftPadded(12) }.joined()
        ]
        for figure in first.rows {
            let values = runs.map { run in run.rows.first { $0.name == figure.name }?.headline }
            let name = figure.name.count > 36 ? String(figure.name.prefix(35)) + "…" : figure.name
            lines.append(
                name.padding(toLength: 36, withPad: " ", startingAt: 0) + " "
                    + figure.unit.padding(toLength: 5, withPad: " ", startingAt: 0) + " "
                    + values.map { number($0).leftPadded(12) }.joined())
        }
        return lines
    }

    /// The growth as text: figure growth ÷ data growth per step, `⚠` above 1.
    static func report(_ growth: [Growth]) -> [String] {
        guard !growth.isEmpty else { return ["growth: one scale only, nothing to compare"] }
        var lines = [
            "growth (figure growth ÷ data growth: about 0 flat, about 1 in step with the data, ⚠ above 1 faster):"
        ]
        for row in growth {
            let name = row.figure.count > 36 ? String(row.figure.prefix(35)) + "…" : row.figure
            let growth = row.figureGrowth.map { String(format: "×%.2f", $0) } ?? "-"
            let ratio = row.ratio.map { String(format: "%.2f", $0) } ?? "-"
            lines.append(
                name.padding(toLength: 36, withPad: " ", startingAt: 0)
                    + " \(row.from)→\(row.to) \(row.data): \(growth) for ×\(String(format: "%.0f", row.dataGrowth)) = \(ratio)"
                    + (row.fasterThanData ? "  ⚠ faster than the data" : ""))
        }
        let faster = growth.filter(\.fasterThanData).count
        lines.append(
            faster == 0
                ? "no figure grows faster than the data" : "\(faster) figure steps grow faster than the data")
        return lines
    }
}
