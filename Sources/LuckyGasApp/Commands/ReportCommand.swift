import ArgumentParser
import Foundation
import LuckyGasCore
import LuckyGasStore

/// `luckygas report aging`.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "報表 / Reports.", subcommands: [Aging.self])

    struct Aging: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "應收帳齡（依逾期天數）/ Receivables aging by days past due.",
            discussion: "未沖銷預收款另列並自合計扣除。 / Unapplied credit is shown apart and deducted from the total.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Option(name: .customLong("as-of"), help: "基準日 / As of (YYYY-MM-DD, default today).") var asOf: String?
        @Flag(help: "輸出 CSV / CSV output.") var csv = false

        func run() throws {
            try perform(global) {
                let day = try parsed { try asOf.map { try LocalDate($0) } }
                let database = try global.open()
                _ = try user.session(database, for: .reports)
                let report = try database.aging(asOf: day)
                if csv && !global.json {
                    Output.write(ReportCommand.csv(report), to: .standardOutput)
                    return
                }
                global.output.emit(AgingJSON(report)) { ReportCommand.describe(report) }
            }
        }
    }

    static func describe(_ report: AgingReport) -> [String] {
        let heads = AgingBucket.allCases.map { pad($0.label, 9, right: true) }.joined(separator: " ")
        var lines = [
            "應收帳齡 aging as of \(report.asOf)",
            "\(pad("客戶 customer", 24)) \(heads) \(pad("預收", 9, right: true)) \(pad("合計 total", 10, right: true))",
        ]
        for row in report.rows {
            let cells = row.buckets.map { pad($0.grouped, 9, right: true) }.joined(separator: " ")
            let flag = report.collectionCandidates.contains(row.customer) ? "  催收 collect" : ""
            lines.append(
                "\(row.customer) \(pad(row.name, 16)) \(cells) \(pad((-row.unapplied).grouped, 9, right: true)) \(pad(row.total.grouped, 10, right: true))\(flag)"
            )
        }
        let totals = report.bucketTotals.map { pad($0.grouped, 9, right: true) }.joined(separator: " ")
        lines.append(
            "\(pad("合計 total", 24)) \(totals) \(pad((-report.unapplied).grouped, 9, right: true)) \(pad(report.total.grouped, 10, right: true))"
        )
        let dso = report.dsoTenths.map { "\($0 / 10).\($0 % 10)" } ?? "-"
        lines.append(
            "DSO（\(report.dsoDays) 天 days）\(dso)  銷貨 sales \(report.sales.grouped)  催收候選 collection candidates \(report.collectionCandidates.count)  應提備抵 provision \(report.provisionRequired.grouped)"
        )
        return lines
    }

    static func csv(_ report: AgingReport) -> String {
        var text = "customer,name," + AgingBucket.allCases.map(\.key).joined(separator: ",") + ",unapplied,total\n"
        for row in report.rows {
            let name = "\"" + row.name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            text +=
                "\(row.customer),\(name)," + row.buckets.map { String($0.amount) }.joined(separator: ",")
                + ",\(row.unapplied.amount),\(row.total.amount)\n"
        }
        text +=
            "TOTAL,," + report.bucketTotals.map { String($0.amount) }.joined(separator: ",")
            + ",\(report.unapplied.amount),\(report.total.amount)\n"
        return text
    }
}

/// The aging report for `--json`: `total`, bucket totals by key, and per-customer rows.
struct AgingJSON: CLIJSON {
    struct Row: CLIJSON {
        var customer: String
        var name: String
        var buckets: [String: Int64]
        var unapplied: Int64
        var total: Int64
        var oldestDaysPastDue: Int
        var collectionCandidate: Bool
    }
    var asOf: String
    var total: Int64
    var buckets: [String: Int64]
    var unapplied: Int64
    var dso: Double?
    var dsoDays: Int
    var sales: Int64
    var collectionCandidates: [String]
    var provisionRequired: Int64
    var rows: [Row]

    init(_ report: AgingReport) {
        asOf = report.asOf.iso
        total = report.total.amount
        buckets = Dictionary(
            uniqueKeysWithValues: zip(AgingBucket.allCases.map(\.key), report.bucketTotals.map(\.amount)))
        unapplied = report.unapplied.amount
        dso = report.dsoTenths.map { Double($0) / 10 }
        dsoDays = report.dsoDays
        sales = report.sales.amount
        collectionCandidates = report.collectionCandidates.map(\.rawValue)
        provisionRequired = report.provisionRequired.amount
        rows = report.rows.map { row in
            Row(
                customer: row.customer.rawValue, name: row.name,
                buckets: Dictionary(
                    uniqueKeysWithValues: zip(AgingBucket.allCases.map(\.key), row.buckets.map(\.amount))),
                unapplied: row.unapplied.amount, total: row.total.amount, oldestDaysPastDue: row.oldestDaysPastDue,
                collectionCandidate: report.collectionCandidates.contains(row.customer))
        }
    }
}
