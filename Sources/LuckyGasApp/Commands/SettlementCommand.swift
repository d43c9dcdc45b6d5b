import ArgumentParser
import Foundation
import LuckyGasCore
import LuckyGasStore

/// `luckygas settlement`: drivers' daily cash and checks.
struct SettlementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settlement", abstract: "司機繳款 / Driver settlement.",
        subcommands: [List.self, Submit.self, Approve.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "當日各司機應繳 / Collectors of a day.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "日期 / Day (YYYY-MM-DD, default today).") var date: String?

        func run() throws {
            try perform(global) {
                let database = try global.open()
                let day = try parsed { try date.map { try LocalDate($0) } } ?? database.clock.now().date
                let records = try database.settlements(on: day)
                global.output.emit(records.map(SettlementJSON.init)) {
                    records.isEmpty
                        ? ["\(day) 沒有司機收款 / No collections on \(day)"] : records.map(SettlementCommand.describe)
                }
            }
        }
    }

    struct Submit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "登錄點收金額 / Record what was counted.",
            discussion: "現金有差額時須填原因；支票須相符。 / A cash variance needs a reason; checks must agree.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Argument(help: "司機編號或櫃台人員 / Driver id or counter user.") var collector: String
        @Option(help: "日期 / Day (YYYY-MM-DD, default today).") var date: String?
        @Option(help: "點收現金 / Cash counted.") var cash: Int64
        @Option(help: "點收支票 / Checks counted.") var checks: Int64 = 0
        @Option(help: "差額原因 / Reason for a variance.") var reason = ""

        func run() throws {
            try perform(global) {
                let database = try global.open()
                let session = try user.session(database, for: .payments)
                let day = try parsed { try date.map { try LocalDate($0) } } ?? database.clock.now().date
                let record = try database.submitSettlement(
                    collector: collector, day: day, countedCash: Money(cash), countedChecks: Money(checks),
                    reason: reason, by: session)
                global.output.emit(SettlementJSON(record)) { [SettlementCommand.describe(record)] }
            }
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "主管核准並存入銀行 / Supervisor approves; the cash goes to the bank (one journal entry).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Argument(help: "司機編號或櫃台人員 / Driver id or counter user.") var collector: String
        @Option(help: "日期 / Day (YYYY-MM-DD, default today).") var date: String?

        func run() throws {
            try perform(global) {
                let database = try global.open()
                let session = try user.session(database, for: .approve)
                let day = try parsed { try date.map { try LocalDate($0) } } ?? database.clock.now().date
                let record = try database.approveSettlement(collector: collector, day: day, by: session)
                global.output.emit(SettlementJSON(record)) { [SettlementCommand.describe(record)] }
            }
        }
    }

    static func describe(_ record: SettlementRecord) -> String {
        let count = record.count
        return
            "\(pad(record.collector, 10)) \(record.day) 筆數 \(record.deliveries)  現金 cash \(count.expectedCash.grouped)→\(count.countedCash.grouped)  支票 checks \(count.expectedChecks.grouped)→\(count.countedChecks.grouped)  差額 variance \(count.variance.grouped)  \(record.status.rawValue)\(record.reason.isEmpty ? "" : "  \(record.reason)")"
    }
}
