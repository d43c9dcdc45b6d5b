import LuckyGasCore
import LuckyGasStore
import LuckyGasTerminal

/// The upload status board: messages per kind and state, and the warning list of uploads due by
/// tomorrow or overdue (B2C 2 days, B2B 7 days, blank numbers by the 10th). Enter opens the
/// selected invoice; F7 writes the pending messages into the Turnkey folders (after a folder and
/// a confirmation).
struct UploadBoardScreen: Screen {
    static let folderTag = "upload.folder"
    static let exportTag = "upload.export"

    private var counts: [String: [UploadStatus: Int]] = [:]
    private var warnings: [UploadWarning] = []
    private var table = TableView(columns: [])
    /// The Turnkey root typed last, offered again next time.
    private var folder = ""

    var title: OperatorMessage { tr("上傳狀態", "Upload board") }
    var functionKeys: [Int: OperatorMessage] { [5: tr("重新整理", "Reload"), 7: tr("匯出 Turnkey", "To Turnkey")] }
    func offeredKeys(context: AppContext) -> [Int: OperatorMessage] {
        context.may(.invoices) && pending > 0 ? functionKeys : functionKeys.filter { $0.key != 7 }
    }
    var help: [KeyHelp] {
        [
            KeyHelp(keys: "↑ ↓", meaning: tr("選擇警示", "choose a warning")),
            KeyHelp(keys: "Enter", meaning: tr("開啟所選的發票", "open the selected invoice")),
            KeyHelp(
                keys: "F7",
                meaning: tr("待匯出訊息寫入 Turnkey 上傳目錄（先確認）", "write the pending messages for Turnkey (asks first)")),
            KeyHelp(
                keys: "結果 results",
                meaning: tr(
                    "平台結果由命令列讀回：luckygas einvoice results 目錄",
                    "read the platform's results back: luckygas einvoice results DIR")),
        ]
    }

    private var pending: Int { counts.values.map { $0[.pending] ?? 0 }.reduce(0, +) }

    private var selected: UploadWarning? {
        guard let row = table.selectedRow, warnings.indices.contains(row) else { return nil }
        return warnings[row]
    }

    mutating func refresh(context: AppContext) {
        do {
            counts = try context.database.messageCounts()
            warnings = try context.database.uploadWarnings()
        } catch {
            context.fail(error)
        }
        table.setRows(
            warnings.map {
                [
                    $0.overdue ? context.t("逾期", "overdue") : context.t("將到期", "due soon"),
                    $0.type + " " + context.text(InvoiceLabels.message($0.type)), $0.reference, $0.dueDate.iso,
                    context.text(InvoiceLabels.upload($0.status)),
                ]
            })
    }

    mutating func handle(_ key: Key, context: AppContext) -> Navigation {
        switch key {
        case .escape: return .pop(nil)
        case .function(5): refresh(context: context)
        case .function(7):
            guard context.may(.invoices) else { return context.denied(.invoices) }
            guard pending > 0 else {
                context.say(tr("沒有待匯出的訊息，不需匯出", "No message is waiting: nothing to export"), .info)
                return .stay
            }
            return folderDialog(context, problem: nil)
        case .enter: return open(context)
        default: _ = table.handle(key)
        }
        return .stay
    }

    /// The selected warning's invoice; allowances and blank numbers have no invoice screen.
    private func open(_ context: AppContext) -> Navigation {
        guard let warning = selected else {
            context.say(tr("沒有警示可開啟", "No warning to open"), .warning)
            return .stay
        }
        guard warning.type.hasPrefix("F"), let number = try? InvoiceNumber(warning.reference) else {
            context.say(
                OperatorMessage(
                    zh: "\(warning.reference) 不是發票，無法開啟；請由發票查詢開啟原發票",
                    en: "\(warning.reference) is not an invoice; open its invoice from Invoices"), .warning)
            return .stay
        }
        return .push(InvoiceDetailScreen(number: number))
    }

    private func folderDialog(_ context: AppContext, problem: String?) -> Navigation {
        let form = Form([
            InputField(.text, label: context.t("目錄", "Folder"), text: folder, width: 40, row: 0, labelWidth: 6)
        ])
        var box = Dialog(
            .form(form), title: context.t("匯出至 Turnkey", "Export to Turnkey"),
            lines: [context.t("Turnkey 根目錄（其下的 UpCast 上傳資料夾）", "The Turnkey root (its UpCast upload folders)")],
            hint: context.t("Enter 下一步   Esc 取消", "Enter next   Esc cancel"))
        box.problem = problem
        return .dialog(box, tag: Self.folderTag)
    }

    mutating func dialogFinished(tag: String, outcome: Dialog.Outcome, context: AppContext) -> Navigation {
        switch (tag, outcome) {
        case (Self.folderTag, .submitted(let values)):
            folder = values.first?.trimmingSpaces ?? ""
            guard !folder.isEmpty else {
                return folderDialog(context, problem: context.t("請輸入 Turnkey 根目錄", "Type the Turnkey root folder"))
            }
            return .dialog(
                Dialog(
                    .confirm(defaultYes: false),
                    title: context.t("匯出 \(pending) 筆訊息？", "Export \(pending) messages?"),
                    lines: [
                        context.t(
                            "待匯出的 \(pending) 筆訊息將寫入 \(folder) 並標為已匯出",
                            "The \(pending) pending messages are written into \(folder) and marked exported"),
                        context.t(
                            "Turnkey 上傳後，以 luckygas einvoice results 讀回結果",
                            "After Turnkey uploads them, read the results with luckygas einvoice results"),
                    ],
                    hint: context.t("Y 匯出   N 取消", "Y export   N cancel")), tag: Self.exportTag)
        case (Self.exportTag, .confirmed):
            guard let user = context.user else { return .stay }
            do {
                let written = try context.database.exportTurnkey(root: folder, by: user)
                context.say(
                    OperatorMessage(
                        zh: "已匯出 \(written) 個檔案至 \(folder)", en: "Wrote \(written) files into \(folder)"),
                    .success)
            } catch {
                context.fail(error)
            }
            refresh(context: context)
        default: break
        }
        return .stay
    }

    mutating func render(into grid: inout Grid, area: Area, context: AppContext) {
        let theme = context.theme
        var row = area.top + 1
        let header =
            DisplayWidth.fit(context.t("訊息", "Message"), width: 20)
            + UploadStatus.allCases.map {
                DisplayWidth.rightAligned(context.text(InvoiceLabels.upload($0)), width: 10)
            }
            .joined()
        grid.put(header, row: row, column: 2, style: theme.dim)
        row += 1
        for type in ["F0401", "F0501", "F0701", "G0401", "G0501", "E0402"] {
            let label = type + " " + context.text(InvoiceLabels.message(type))
            let text =
                DisplayWidth.fit(label, width: 20)
                + UploadStatus.allCases.map { DisplayWidth.rightAligned(String(counts[type]?[$0] ?? 0), width: 10) }
                .joined()
            let rejected = (counts[type]?[.rejected] ?? 0) > 0
            grid.put(text, row: row, column: 2, style: rejected ? theme.error : theme.text)
            row += 1
        }
        row += 1
        let overdue = warnings.filter(\.overdue).count
        grid.put(
            warnings.isEmpty
                ? context.t("沒有即將到期或逾期的上傳", "Nothing is due by tomorrow or overdue")
                : context.t(
                    "警示：\(warnings.count) 筆（逾期 \(overdue)）", "Warnings: \(warnings.count) (\(overdue) overdue)"),
            row: row, column: 2, style: warnings.isEmpty ? theme.success : theme.warning)
        if pending > 0 && context.may(.invoices) {
            let note = context.t("待匯出 \(pending) 筆：F7 匯出", "\(pending) pending: F7 exports")
            grid.put(note, row: row, column: area.columns - 1 - DisplayWidth.of(note), style: theme.dim)
        }
        table.columns = [
            .init(context.t("狀況", "State"), width: 8), .init(context.t("訊息", "Message"), width: 19),
            .init(context.t("單號", "Reference"), width: 10, identifier: true),
            .init(context.t("期限", "Due"), width: 10), .init(context.t("上傳", "Upload"), width: 0),
        ]
        table.render(
            into: &grid, top: row + 1, left: 1, width: area.columns - 2, height: area.top + area.rows - row - 1,
            theme: theme, focused: true)
        grid.cursor = nil
    }
}
