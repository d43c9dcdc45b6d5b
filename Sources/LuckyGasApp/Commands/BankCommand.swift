import ArgumentParser
import Foundation
import LuckyGasCore
import LuckyGasFormats
import LuckyGasStore

/// `luckygas bank`: import statements, match lines, accept or reject suggestions.
struct BankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bank", abstract: "銀行對帳 / Bank statements and matching.",
        subcommands: [Import.self, Match.self, Lines.self, Accept.self, Reject.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "匯入對帳單（MT940 或銀行 CSV）/ Import a statement (MT940 or a bank's CSV export).",
            discussion: """
                同一檔案匯入兩次不會重複。不平衡的對帳單不匯入，除非加 --allow-unbalanced。
                Importing the same file twice changes nothing. An unbalanced statement is refused unless --allow-unbalanced.
                CSV 銀行代號 bank codes: \(BankCSV.layouts.map(\.bankCode).joined(separator: ", "))
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Argument(help: "檔案 / File.") var file: String
        @Option(help: "mt940|csv（預設自動判斷）/ default: detected") var format: String?
        @Option(help: "CSV 的銀行代號，例 004 / Bank code of a CSV export.") var bank: String?
        @Option(help: "帳號（CSV 無帳號列時）/ Account, when the CSV does not say.") var account: String?
        @Flag(name: .customLong("allow-unbalanced"), help: "仍匯入不平衡的對帳單 / Import even if it does not balance.")
        var allowUnbalanced = false
        @Flag(name: .customLong("no-auto"), help: "不自動入帳，全部待確認 / Suggest only; post nothing.")
        var noAuto = false

        func run() throws {
            try perform(global) {
                let kind: BankStatementFormat? = try format.map { text in
                    guard let kind = BankStatementFormat(rawValue: text.lowercased()) else {
                        throw StoreError.invalid(
                            .unknownValue(field: "format", value: text, allowed: ["mt940", "csv"]))
                    }
                    return kind
                }
                let bytes: [UInt8]
                do { bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file))) } catch {
                    throw CLIError.fileError(path: file, detail: error.localizedDescription)
                }
                let database = try global.open()
                let session = try user.session(database, for: .payments)
                let result = try database.importStatement(
                    bytes, fileName: (file as NSString).lastPathComponent, format: kind, bank: bank, account: account,
                    allowUnbalanced: allowUnbalanced, autoAccept: !noAuto, by: session)
                global.output.emit(BankImportJSON(result)) {
                    [
                        "對帳單 \(result.statements) 份，明細 \(result.lines) 筆：新增 \(result.new)、重複 \(result.duplicates)",
                        "Statements \(result.statements), lines \(result.lines): new \(result.new), already imported \(result.duplicates)",
                        "自動入帳 matched \(result.matched)  待確認 suggested \(result.suggested)  待人工 exceptions \(result.exceptions)  非收款 not receipts \(result.notReceipts)",
                    ] + result.unbalanced.map { "不平衡 unbalanced: \($0)" }
                }
            }
        }
    }

    struct Match: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "重新比對未處理明細 / Match open lines again.",
            discussion: "--auto 依虛擬帳號或單號確定者直接入帳。 / --auto posts lines a virtual account or document named.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Flag(help: "自動入帳 / Post the confident matches.") var auto = false

        func run() throws {
            try perform(global) {
                let database = try global.open()
                let session = try user.session(database, for: .payments)
                let counts = try database.matchBankLines(autoAccept: auto, by: session)
                global.output.emit(
                    BankMatchJSON(matched: counts.matched, suggested: counts.suggested, exceptions: counts.exceptions)
                ) {
                    [
                        "自動入帳 matched \(counts.matched)  待確認 suggested \(counts.suggested)  待人工 exceptions \(counts.exceptions)"
                    ]
                }
            }
        }
    }

    struct Lines: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "對帳明細 / Statement lines.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "open|matched|rejected|ignored|all") var status = "open"
        @Option(help: "最多筆數 / Maximum rows.") var limit = 500

        func run() throws {
            try perform(global) {
                let choice = status.uppercased()
                let allowed = ["OPEN", "MATCHED", "REJECTED", "IGNORED", "ALL"]
                guard allowed.contains(choice) else {
                    throw StoreError.invalid(
                        .unknownValue(field: "status", value: status, allowed: allowed.map { $0.lowercased() }))
                }
                let lines = try global.open().bankLines(
                    status: choice == "ALL" ? nil : BankLineStatus(rawValue: choice), limit: rowLimit(limit))
                global.output.emit(lines.map(BankLineJSON.init)) {
                    lines.isEmpty ? ["沒有明細 / No lines"] : lines.flatMap(BankCommand.describe)
                }
            }
        }
    }

    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "確認明細入帳（可改客戶或沖銷）/ Accept a line, as suggested or changed.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Argument(help: "明細編號 / Line id.") var id: Int64
        @Option(help: "改為此客戶 / For this customer instead.") var customer: String?
        @Option(name: .customLong("invoice"), help: "INVOICE=AMOUNT，可重複 / repeatable") var invoices: [String] = []
        @Flag(help: "全部列為預收款 / Leave it all unapplied.") var unapplied = false

        func run() throws {
            try perform(global) {
                let payer = try parsed { try customer.map { try CustomerID($0) } }
                var shares: [(reference: String, amount: Money)]?
                switch try allocationRequest(invoices: invoices, auto: false, required: false) {
                case .chosen(let chosen): shares = chosen
                default: shares = unapplied ? [] : nil
                }
                let database = try global.open()
                let session = try user.session(database, for: .payments)
                let record = try database.acceptBankLine(
                    id, customer: payer, shares: shares, by: session)
                global.output.emit(PaymentJSON(record)) { PaymentCommand.describe(record) }
            }
        }
    }

    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "排除明細（需原因）/ Reject a line, with a reason.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Argument(help: "明細編號 / Line id.") var id: Int64
        @Option(help: "原因 / Reason.") var reason: String

        func run() throws {
            try perform(global) {
                let database = try global.open()
                let session = try user.session(database, for: .payments)
                try database.rejectBankLine(id, reason: reason, by: session)
                let line = try database.bankLine(id)
                global.output.emit(BankLineJSON(line)) { BankCommand.describe(line) }
            }
        }
    }

    static func describe(_ line: BankLineRecord) -> [String] {
        var lines = [
            "#\(line.id) \(line.valueDate) \(pad(line.mark, 2)) \(pad(line.amount.grouped, 10, right: true))  \(line.status.rawValue)  \(line.text)"
        ]
        if let suggestion = line.suggestion {
            lines.append(
                "    \(suggestion.rule.chinese) \(suggestion.rule.rawValue) \(suggestion.customer?.rawValue ?? "-")  "
                    + suggestion.shares.map { "\($0.reference)=\($0.amount.amount)" }.joined(separator: " "))
            lines.append("    \(suggestion.reason.zh) / \(suggestion.reason.en)")
        }
        if let payment = line.payment { lines.append("    收據 receipt \(payment.rawValue)") }
        if let note = line.note { lines.append("    備註 note: \(note)") }
        return lines
    }
}
