import ArgumentParser
import Foundation
import LuckyGasCore
import LuckyGasFormats
import LuckyGasStore

/// `luckygas einvoice`: number tracks, blank numbers, the Turnkey hand-off and its results.
struct EInvoiceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "einvoice", abstract: "電子發票平台 / The e-invoice platform (tracks, Turnkey).",
        subcommands: [Company.self, Tracks.self, Blank.self, Export.self, Results.self, Warnings.self])

    struct Company: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "公司與電子發票設定（管理員）/ Seller and e-invoice settings (administrator).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Option(help: "統一編號 / UBN.") var ubn: String
        @Option(help: "公司名稱 / Company name.") var name: String
        @Option(help: "公司地址 / Address.") var address: String
        @Option(help: "稅籍編號（401 申報）/ Tax registration number (401 file).") var taxRegistration: String
        @Option(help: "QR 種子密碼 Hex 32 碼 / QR AES key, 32 hex.") var qrKey: String

        func run() throws {
            try perform(global) {
                let database = try global.open()
                let session = try user.session(database, for: .administer)
                try database.setCompany(
                    ubn: ubn, name: name, address: address, taxRegistrationNumber: taxRegistration, qrKey: qrKey,
                    by: session)
                let settings = try database.companySettings()
                global.output.emit(CompanyJSON(ubn: settings.ubn, name: settings.name, testKey: settings.qrKeyIsTest)) {
                    ["已設定 \(settings.name) \(settings.ubn) / Company set: \(settings.name) \(settings.ubn)"]
                        + (settings.qrKeyIsTest ? ["注意：QR 金鑰為公開測試金鑰 / Note: the QR key is the public test key"] : [])
                }
            }
        }
    }

    struct Tracks: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "字軌配號 / Number tracks.", subcommands: [Import.self, Usage.self], defaultSubcommand: Usage.self)

        struct Import: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "匯入配號檔（平台 CSV 或 E0501）/ Import the allocation (platform CSV or E0501).")
            @OptionGroup var global: GlobalOptions
            @OptionGroup var user: UserOptions
            @Argument(help: "配號檔 / Allocation file.") var file: String

            func run() throws {
                try perform(global) {
                    let data: Data
                    do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
                        throw CLIError.fileError(path: file, detail: error.localizedDescription)
                    }
                    let allocations = try TrackAllocationImport.parse(data)
                    let database = try global.open()
                    let session = try user.session(database, for: .invoices, .administer)
                    let summary = try database.importTracks(
                        allocations, source: URL(fileURLWithPath: file).lastPathComponent, by: session)
                    global.output.emit(TrackImportJSON(summary)) {
                        [
                            "新增 \(summary.added) 段（\(summary.numbers) 個號碼），已存在 \(summary.alreadyPresent) 段",
                            "Added \(summary.added) ranges (\(summary.numbers) numbers); \(summary.alreadyPresent) already present",
                        ]
                    }
                }
            }
        }

        struct Usage: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "號碼使用狀況 / Numbers used and left.")
            @OptionGroup var global: GlobalOptions
            @Option(help: "期別 / Period.") var period: String?
            @Flag(help: "列出每本剩餘 / Show what is left in each booklet.") var booklets = false

            func run() throws {
                try perform(global) {
                    let usage = try global.open().trackUsage(
                        period: try parsed { try period.map { try InvoicePeriod($0) } })
                    global.output.emit(usage.map(TrackJSON.init)) {
                        usage.isEmpty
                            ? ["沒有配號，請匯入配號檔 / No numbers: import the allocation"]
                            : usage.flatMap { range in
                                [
                                    "\(range.period.code) \(range.track) \(range.begin)-\(range.end)  已用 used \(range.used)  剩餘 left \(range.remaining)  本 booklets \(range.booklets.count)\(range.blankReportedAt == nil ? "" : "  已申報空白 blank reported")"
                                ]
                                    + (booklets
                                        ? range.booklets.map { "    \($0.begin)-\($0.end) 剩 left \($0.remaining)" }
                                        : [])
                            }
                    }
                }
            }
        }
    }

    struct Blank: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "期末空白字軌（E0402）/ Report the unused numbers of an ended period (E0402).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Option(help: "期別，例 11510 / Period, e.g. 11510.") var period: String

        func run() throws {
            try perform(global) {
                let value = try parsed { try InvoicePeriod(period) }
                let database = try global.open()
                let session = try user.session(database, for: .invoices)
                let count = try database.reportBlankNumbers(period: value, by: session)
                global.output.emit(BlankReportJSON(period: value.code, messages: count)) {
                    [
                        "\(value.label) 空白字軌訊息 \(count) 筆，申報期限 \(value.blankReportDeadline)",
                        "\(count) E0402 messages for \(value.code); due \(value.blankReportDeadline)",
                    ]
                }
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "匯出待上傳訊息至 Turnkey / Write pending messages into the Turnkey upload folders.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Option(help: "Turnkey 根目錄 / Turnkey root folder.") var turnkey: String

        func run() throws {
            try perform(global) {
                let database = try global.open()
                let session = try user.session(database, for: .invoices)
                let written = try TurnkeyFolders.export(database, root: turnkey, by: session)
                global.output.emit(ExportJSON(written: written)) {
                    ["已匯出 \(written) 個檔案至 \(turnkey) / Wrote \(written) files into \(turnkey)"]
                }
            }
        }
    }

    struct Results: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "讀回 Turnkey 結果 / Read Turnkey results back (SummaryResult, ERR folders).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Argument(help: "Turnkey 根目錄 / Turnkey root folder.") var folder: String

        func run() throws {
            try perform(global) {
                let database = try global.open()
                let session = try user.session(database, for: .invoices)
                let results = try TurnkeyFolders.results(root: folder)
                let (accepted, rejected, unknown) = try database.applyUploadResults(results, by: session)
                global.output.emit(UploadResultsJSON(accepted: accepted, rejected: rejected, unknown: unknown)) {
                    [
                        "接受 \(accepted)，退回 \(rejected)，無對應 \(unknown)",
                        "Accepted \(accepted), rejected \(rejected), not ours \(unknown)",
                    ]
                }
            }
        }
    }

    struct Warnings: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "上傳期限警示 / Uploads due by tomorrow or overdue.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try perform(global) {
                let warnings = try global.open().uploadWarnings()
                global.output.emit(warnings.map(UploadWarningJSON.init)) {
                    warnings.isEmpty
                        ? ["沒有即將逾期的上傳 / Nothing is close to its deadline"]
                        : warnings.map {
                            "\($0.overdue ? "逾期 OVERDUE" : "即將到期 DUE") \($0.type) \($0.reference) 期限 \($0.dueDate) \($0.status.chinese)"
                        }
                }
            }
        }
    }
}

/// The Turnkey client's folders: one XML per message into `UpCast/.../<MSG>/SRC`, results from
/// SummaryResult files and from the `ERR` folders Turnkey moves refused files into.
enum TurnkeyFolders {
    /// Writes every pending message (`AppDatabase.exportTurnkey`, shared with the upload board).
    static func export(_ database: AppDatabase, root: String, by session: UserSession) throws -> Int {
        do { return try database.exportTurnkey(root: root, by: session) } catch StoreError.fileNotWritten(
            let path, let detail)
        {
            throw CLIError.fileError(path: path, detail: detail)
        }
    }

    /// Results found under `root`: every SummaryResult XML, and our files in an `ERR` folder.
    static func results(root: String) throws -> [AppDatabase.UploadResult] {
        let base = URL(fileURLWithPath: root)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else {
            throw CLIError.fileError(path: root, detail: "not a folder")
        }
        var results: [AppDatabase.UploadResult] = []
        for case let url as URL in walker where url.pathExtension.lowercased() == "xml" {
            let components = url.pathComponents
            if components.contains("ERR"),
                let type = MIGMessageType.allCases.first(where: { components.contains($0.rawValue) })
            {
                results.append(
                    .init(
                        type: type.rawValue, reference: url.lastPathComponent, accepted: false,
                        reason: "Turnkey 驗證失敗（ERR）/ refused by Turnkey validation"))
                continue
            }
            guard let data = try? Data(contentsOf: url), data.prefix(4096).range(of: Data("SummaryResult".utf8)) != nil
            else { continue }
            for result in try TurnkeySummaryResult.parse(data) {
                results.append(
                    .init(
                        type: result.messageType, reference: result.reference, accepted: result.accepted,
                        reason: result.accepted ? nil : "平台處理失敗 \(result.reportID) / failed at the platform"))
            }
        }
        return results
    }
}
