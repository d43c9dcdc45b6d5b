import LuckyGasCore
import LuckyGasStore
import LuckyGasTerminal

/// The upload status board: messages per kind and state, and the warning list of uploads due by
/// tomorrow or overdue (B2C 2 days, B2B 7 days, blank numbers by the 10th).
struct UploadBoardScreen: Screen {
    private var counts: [String: [UploadStatus: Int]] = [:]
    private var warnings: [UploadWarning] = []
    private var table = TableView(columns: [])

    var title: OperatorMessage { tr("上傳狀態", "Upload board") }
    var functionKeys: [Int: OperatorMessage] { [5: tr("重新整理", "Reload")] }
    var help: [KeyHelp] {
        [
            KeyHelp(keys: "F5", meaning: tr("重新整理", "reload")),
            KeyHelp(
                keys: "CLI",
                meaning: tr(
                    "匯出：luckygas einvoice export --turnkey 目錄；結果：luckygas einvoice results 目錄",
                    "export: luckygas einvoice export --turnkey DIR; results: luckygas einvoice results DIR")),
        ]
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
                    $0.overdue ? context.t("逾期", "OVERDUE") : context.t("將到期", "due soon"), $0.type, $0.reference,
                    $0.dueDate.iso, context.t($0.status.chinese, $0.status.rawValue),
                ]
            })
    }

    mutating func handle(_ key: Key, context: AppContext) -> Navigation {
        switch key {
        case .escape: return .pop(nil)
        case .function(5): refresh(context: context)
        default: _ = table.handle(key)
        }
        return .stay
    }

    mutating func render(into grid: inout Grid, area: Area, context: AppContext) {
        let theme = context.theme
        var row = area.top + 1
        let header =
            DisplayWidth.fit(context.t("訊息", "Message"), width: 14)
            + UploadStatus.allCases.map { DisplayWidth.rightAligned(context.t($0.chinese, $0.rawValue), width: 10) }
            .joined()
        grid.put(header, row: row, column: 2, style: theme.dim)
        row += 1
        for type in ["F0401", "F0501", "F0701", "G0401", "G0501", "E0402"] {
            let label = type + " " + context.t(Self.chinese(type), "")
            let text =
                DisplayWidth.fit(label, width: 14)
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
        table.columns = [
            .init(context.t("狀況", "State"), width: 8), .init(context.t("訊息", "Msg"), width: 6),
            .init(context.t("單號", "Reference"), width: 18), .init(context.t("期限", "Due"), width: 10),
            .init(context.t("上傳", "Upload"), width: 0),
        ]
        table.render(
            into: &grid, top: row + 1, left: 1, width: area.columns - 2, height: area.top + area.rows - row - 1,
            theme: theme,
            focused: true)
        grid.cursor = nil
    }

    static func chinese(_ type: String) -> String {
        ["F0401": "開立", "F0501": "作廢", "F0701": "註銷", "G0401": "折讓", "G0501": "作廢折讓", "E0402": "空白字軌"][type] ?? ""
    }
}
