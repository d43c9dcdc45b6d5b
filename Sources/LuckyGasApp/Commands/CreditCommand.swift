import ArgumentParser
import LuckyGasCore
import LuckyGasStore

/// `luckygas credit check`.
struct CreditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "credit", abstract: "信用 / Credit.", subcommands: [Check.self, Hold.self, Release.self, Holds.self])

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
                global.output.emit(CreditJSON(report)) {
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

    struct Hold: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "人工凍結信用 / Put a customer on hold.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Argument(help: "客戶編號 / Customer id.") var id: String
        @Option(help: "原因 / Reason.") var reason: String

        func run() throws {
            try perform(global) {
                let customerID = try parsed { try CustomerID(id) }
                let database = try global.open()
                let session = try user.session(database, for: .payments)
                try database.placeCreditHold(customerID, reason: reason, by: session)
                let report = try database.creditCheck(customerID)
                global.output.emit(CreditJSON(report)) { ["\(customerID) 已凍結 / on hold: \(reason)"] }
            }
        }
    }

    struct Release: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "解除人工凍結 / Lift a customer's manual holds.",
            discussion: "逾期與超額的自動凍結在付款後自動解除。 / Automatic holds lift once paid.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Argument(help: "客戶編號 / Customer id.") var id: String
        @Option(help: "原因 / Reason.") var reason: String

        func run() throws {
            try perform(global) {
                let customerID = try parsed { try CustomerID(id) }
                let database = try global.open()
                let session = try user.session(database, for: .payments)
                try database.releaseCreditHold(customerID, reason: reason, by: session)
                let report = try database.creditCheck(customerID)
                global.output.emit(CreditJSON(report)) {
                    ["\(customerID) 已解除人工凍結 / manual holds lifted"]
                        + report.holds.map { "仍有 still: \($0.zh) / \($0.en)" }
                }
            }
        }
    }

    struct Holds: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "目前所有凍結 / Every hold in force.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try perform(global) {
                let holds = try global.open().creditHolds()
                global.output.emit(holds.map(HoldJSON.init)) {
                    holds.isEmpty
                        ? ["沒有凍結 / No holds"]
                        : holds.map {
                            "\($0.customer) \(pad($0.name, 16)) \(pad($0.kind.rawValue, 13)) \($0.reason.zh) / \($0.reason.en)"
                        }
                }
            }
        }
    }
}
