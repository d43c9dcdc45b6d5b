import ArgumentParser
import Foundation
import LuckyGasCore
import LuckyGasStore

/// `luckygas sample`: generates a deterministic branch database.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "產生範例分店資料庫 / Generate a deterministic sample branch database.",
        discussion: """
            luckygas.db.sample is produced by:
              luckygas sample --customers 500 --days 21 --seed 2026 --out luckygas.db.sample
            """)

    /// The documented arguments that produce the committed `luckygas.db.sample`.
    static let documentedArguments = ["--customers", "500", "--days", "21", "--seed", "2026"]

    @Option(help: "客戶數 / Number of customers.") var customers = 500
    @Option(help: "歷史訂單天數 / Days of order history before the as-of date.") var days = 21
    @Option(help: "亂數種子 / Random seed.") var seed: UInt64 = 2026
    @Option(help: "資料基準日 / The branch's as-of date.") var asOf = "2026-11-20"
    @Option(help: "每日訂單數（預設 客戶數/20）/ Orders per open day (default customers / 20).") var ordersPerDay: Int?
    @Option(help: "輸出檔案 / Output database file (replaced).") var out: String
    // `--json` is the root command's (GlobalOptions): a flag of the same name here would never
    // be set, as the root takes it first.
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let output = global.output
        do {
            let options = try Self.options(
                customers: customers, days: days, seed: seed, asOf: asOf, ordersPerDay: ordersPerDay)
            let summary = try SampleGenerator.generate(into: out, options: options)
            output.emit(SampleJSON(file: out, summary)) {
                [
                    "已產生 \(out) / Generated \(out)",
                    "客戶 customers \(summary.customers)，訂單 orders \(summary.orders)（送達 delivered \(summary.delivered)，"
                        + "取消 cancelled \(summary.cancelled)，失敗 failed \(summary.failed)，信用拒絕 refused \(summary.refusedByCredit)）",
                ]
            }
        } catch {
            output.report(error)
            throw ExitCode.failure
        }
    }

    /// Builds generator options, reading the holiday table from `Resources/`.
    static func options(customers: Int, days: Int, seed: UInt64, asOf: String, ordersPerDay: Int? = nil) throws
        -> SampleOptions
    {
        guard customers > 0, days >= 0 else {
            throw StoreError.invalid(.notPositive(field: "customers", value: Int64(customers)))
        }
        let date = try parsed { try LocalDate(asOf) }
        return SampleOptions(
            customers: customers, days: days, seed: seed, asOf: date,
            holidaysCSV: try resource("Resources/holidays.csv"), ordersPerDay: ordersPerDay)
    }

    static func resource(_ relative: String) throws -> String {
        let path = try ShippedFiles.find(relative)
        do { return try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw CLIError.fileError(path: path, detail: error.localizedDescription)
        }
    }
}
