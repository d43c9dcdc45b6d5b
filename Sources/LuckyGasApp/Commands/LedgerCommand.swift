import ArgumentParser
import Foundation
import LuckyGasCore
import LuckyGasFormats
import LuckyGasStore

/// `luckygas gl`: trial balance and the hledger export.
struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gl", abstract: "總帳 / General ledger.",
        subcommands: [TrialBalance.self, Export.self, Provision.self])

    struct TrialBalance: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "trial-balance", abstract: "試算表 / Trial balance.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Option(
            name: .customLong("as-of"),
            help: "截至日（含當日之前的分錄；預設全部）/ As of (YYYY-MM-DD: entries dated on or before it; default all).")
        var asOf: String?

        func run() throws {
            try perform(global) {
                let day = try parsed { try asOf.map { try LocalDate($0) } }
                let database = try global.open()
                _ = try user.session(database, for: .reports)
                let rows = try database.trialBalance(asOf: day)
                let customers = try database.receivablesByCustomer(asOf: day)
                let body = TrialBalanceJSON(
                    asOf: day?.iso,
                    accounts: rows.map {
                        .init(
                            account: $0.account.rawValue, name: $0.account.chinese, debit: $0.debit.amount,
                            credit: $0.credit.amount, balance: $0.balance.amount)
                    },
                    receivables: Dictionary(uniqueKeysWithValues: customers.map { ($0.key.rawValue, $0.value.amount) }),
                    balanced: rows.map(\.debit).sum() == rows.map(\.credit).sum())
                global.output.emit(body) {
                    // The date heads the table only when asked (the plain table stays as it was).
                    (day.map { ["試算表 trial balance as of \($0.iso)（含當日 entries on or before it）"] } ?? [])
                        + rows.map {
                            "\($0.account.rawValue) \(pad($0.account.chinese, 20)) 借 \(pad($0.debit.grouped, 13, right: true)) 貸 \(pad($0.credit.grouped, 13, right: true)) 餘 \(pad($0.balance.grouped, 13, right: true))"
                        } + [
                            "合計 total 借 debit \(rows.map(\.debit).sum().grouped) 貸 credit \(rows.map(\.credit).sum().grouped)  \(body.balanced ? "平衡 balanced" : "不平衡 NOT BALANCED")"
                        ]
                }
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "匯出 hledger 日記帳 / Export the journal for hledger.",
            discussion: "輸出為 hledger 日記帳文字，不支援 --json。 / Writes hledger journal text; --json is refused.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Option(help: "ledger") var format: String = "ledger"
        @Option(help: "輸出檔（預設標準輸出）/ Output file (default standard output).") var out: String?

        func run() throws {
            try perform(global) {
                guard !global.json else { throw CLIError.jsonNotSupported("gl export") }
                guard format.lowercased() == "ledger" else {
                    throw StoreError.invalid(.unknownValue(field: "format", value: format, allowed: ["ledger"]))
                }
                let database = try global.open()
                _ = try user.session(database, for: .reports)
                let text = LedgerExport.journal(try database.journal().map(\.entry))
                if let out {
                    try ExportFile.write(Data(text.utf8), to: out, beside: database)
                } else {
                    Output.write(text, to: .standardOutput)
                }
            }
        }
    }
}

/// `gl trial-balance --json`.
struct TrialBalanceJSON: CLIJSON {
    /// The `--as-of` date, or null for every entry.
    var asOf: String?
    struct Row: CLIJSON {
        var account: String
        var name: String
        var debit: Int64
        var credit: Int64
        var balance: Int64
    }
    var accounts: [Row]
    var receivables: [String: Int64]
    var balanced: Bool
}

extension LedgerCommand {
    struct Provision: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "月底提列備抵呆帳（依帳齡提列率）/ Month-end bad-debt provision by the aging bucket rates.",
            discussion:
                "提列率參數 receivables.provision_percent。每月一次。 / Rates: parameter receivables.provision_percent. Once a month."
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Option(name: .customLong("as-of"), help: "基準日（月底）/ As of (month end, YYYY-MM-DD).") var asOf: String

        func run() throws {
            try perform(global) {
                let day = try parsed { try LocalDate(asOf) }
                let database = try global.open()
                let session = try user.session(database, for: .payments)
                let result = try database.postProvision(asOf: day, by: session)
                global.output.emit(ProvisionJSON(required: result.required.amount, change: result.change.amount)) {
                    [
                        "應提備抵 required \(result.required.grouped)，本次提列 posted \(result.change.grouped)（Dr 6155 / Cr 1149）"
                    ]
                }
            }
        }
    }
}
