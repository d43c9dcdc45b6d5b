import ArgumentParser
import LuckyGasCore
import LuckyGasStore

/// `luckygas credit check`.
struct CreditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "credit", abstract: "信用 / Credit.", subcommands: [Check.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "信用查詢 / Limit, open AR, reservations, available, holds; and what if for an amount.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "客戶編號 / Customer id.") var id: String
        @Option(help: "試算金額 / Amount to check.") var amount: Int64?

        func run() throws {
            try perform(global) {
                let customerID = try parsed { try CustomerID(id) }
                let report = try global.open().creditCheck(customerID, amount: amount.map { Money($0) })
                global.output.emit(report) {
                    var lines = [
                        "\(report.customer) \(report.name)  \(report.terms.chinese) \(report.terms.rawValue)  \(report.status.rawValue)",
                        "額度 limit \(report.limit)  應收 open AR \(report.openAR)  保留 reserved \(report.reserved)  可用 available \(report.available)",
                    ]
                    lines += report.holds.map { "凍結 hold: \($0.zh) / \($0.en)" }
                    if let amount = report.amount, let approved = report.approved {
                        lines.append(
                            approved
                                ? "\(amount)：可接受 / approved" + (report.availableAfter.map { "（剩餘 after \($0)）" } ?? "")
                                : "\(amount)：不可接受 / refused — \(report.refusal?.description ?? "")")
                    }
                    return lines
                }
            }
        }
    }
}
