import Foundation
import LuckyGasCore
import LuckyGasFormats
import LuckyGasStore
import LuckyGasTerminal

/// Number tracks (字軌): every allocated range with used and remaining numbers, and per booklet
/// with Enter. F3 imports an allocation file (platform CSV or E0501); F8 reports the blank
/// numbers of an ended period (E0402).
struct TrackUsageScreen: Screen {
    static let importTag = "tracks.import"
    static let blankTag = "tracks.blank"

    private var table = TableView(columns: [])
    private var ranges: [TrackUsage] = []
    private var showBooklets = false

    var title: OperatorMessage { tr("字軌配號", "Number tracks") }
    var functionKeys: [Int: OperatorMessage] {
        [3: tr("匯入配號", "Import"), 5: tr("重新整理", "Reload"), 8: tr("空白字軌", "Blank nos.")]
    }
    /// F3 for invoicing or administration, F8 for invoicing (the store's rights for each).
    func offeredKeys(context: AppContext) -> [Int: OperatorMessage] {
        functionKeys.filter { key, _ in
            switch key {
            case 3: context.may(.invoices) || context.may(.administer)
            case 8: context.may(.invoices)
            default: true
            }
        }
    }
    var help: [KeyHelp] {
        [
            KeyHelp(keys: "↑ ↓", meaning: tr("選取號碼段", "select a range")),
            KeyHelp(keys: "Enter", meaning: tr("顯示 / 隱藏每本剩餘", "show or hide what is left per booklet")),
            KeyHelp(keys: "F3", meaning: tr("匯入平台配號檔（CSV 或 E0501）", "import the platform's allocation (CSV or E0501)")),
            KeyHelp(
                keys: "F8", meaning: tr("期末申報空白未使用字軌（E0402）", "report the unused numbers of an ended period (E0402)")),
        ]
    }

    mutating func refresh(context: AppContext) {
        do {
            ranges = try context.database.trackUsage()
        } catch {
            context.fail(error)
        }
        table.setRows(
            ranges.map {
                [
                    $0.period.code, $0.period.label, $0.track, "\($0.begin)-\($0.end)", String($0.used),
                    String($0.remaining), String($0.booklets.count),
                    $0.blankReportedAt == nil ? "" : context.t("已申報空白", "blank reported"),
                ]
            })
    }

    mutating func handle(_ key: Key, context: AppContext) -> Navigation {
        switch key {
        case .escape: return .pop(nil)
        case .enter: showBooklets.toggle()
        case .function(5): refresh(context: context)
        case .function(3):
            guard context.may(.invoices) || context.may(.administer) else { return context.denied(.invoices) }
            return .dialog(
                Dialog(
                    .form(Form([InputField(.text, label: context.t("檔案", "File"), width: 40, row: 0, labelWidth: 6)])),
                    title: context.t("匯入配號檔", "Import an allocation"),
                    lines: [context.t("平台下載的 CSV 或 E0501 XML 的路徑", "Path of the platform CSV or the E0501 XML")],
                    hint: context.t("Enter 匯入   Esc 取消", "Enter import   Esc back")),
                tag: Self.importTag)
        case .function(8):
            guard context.may(.invoices) else { return context.denied(.invoices) }
            let previous = InvoicePeriod(containing: context.database.clock.now().date).previous
            return .dialog(
                Dialog(
                    .form(
                        Form([
                            InputField(
                                .text, label: context.t("期別", "Period"), text: previous.code, width: 6, row: 0,
                                labelWidth: 6, maxLength: 5)
                        ])),
                    title: context.t("申報空白字軌", "Report blank numbers"),
                    lines: [context.t("已結束期別的未使用號碼將產生 E0402", "The unused numbers of an ended period become E0402")],
                    hint: context.t("Enter 產生   Esc 取消", "Enter report   Esc back")),
                tag: Self.blankTag)
        default: _ = table.handle(key)
        }
        return .stay
    }

    mutating func dialogFinished(tag: String, outcome: Dialog.Outcome, context: AppContext) -> Navigation {
        guard case .submitted(let values) = outcome, let user = context.user, let value = values.first else {
            return .stay
        }
        do {
            if tag == Self.importTag {
                let path = value.trimmingSpaces
                guard let data = FileManager.default.contents(atPath: path) else {
                    context.say(OperatorMessage(zh: "無法讀取檔案 \(path)", en: "Cannot read the file \(path)"), .error)
                    return .stay
                }
                let summary = try context.database.importTracks(
                    try TrackAllocationImport.parse(data), source: URL(fileURLWithPath: path).lastPathComponent,
                    by: user)
                context.say(
                    OperatorMessage(
                        zh: "新增 \(summary.added) 段（\(summary.numbers) 號），已存在 \(summary.alreadyPresent) 段",
                        en:
                            "Added \(summary.added) ranges (\(summary.numbers) numbers); \(summary.alreadyPresent) already present"
                    ),
                    .success)
            } else if tag == Self.blankTag {
                let period = try InvoicePeriod(value)
                let count = try context.database.reportBlankNumbers(period: period, by: user)
                context.say(
                    OperatorMessage(
                        zh: "\(period.label) 空白字軌訊息 \(count) 筆，期限 \(period.blankReportDeadline)",
                        en: "\(count) E0402 messages for \(period.code), due \(period.blankReportDeadline)"), .success)
            }
            refresh(context: context)
        } catch {
            context.fail(error)
        }
        return .stay
    }

    mutating func render(into grid: inout Grid, area: Area, context: AppContext) {
        let theme = context.theme
        table.columns = [
            .init(context.t("期別", "Period"), width: 6), .init("", width: 13), .init(context.t("字軌", "Track"), width: 5),
            .init(context.t("號碼", "Numbers"), width: 18), .init(context.t("已用", "Used"), width: 6, alignRight: true),
            .init(context.t("剩餘", "Left"), width: 6, alignRight: true),
            .init(context.t("本數", "Books"), width: 5, alignRight: true),
            .init("", width: 0),
        ]
        let tableHeight = showBooklets ? max(4, area.rows / 2) : area.rows - 1
        table.render(
            into: &grid, top: area.top + 1, left: 1, width: area.columns - 2, height: tableHeight, theme: theme,
            focused: true)
        grid.cursor = nil
        guard showBooklets, let row = table.selectedRow else { return }
        var line = area.top + 2 + tableHeight
        grid.put(
            context.t("每本剩餘（50 號一本）", "Left per booklet (50 numbers each)"), row: line, column: 2, style: theme.heading)
        line += 1
        var column = 2
        for booklet in ranges[row].booklets where line < area.top + area.rows {
            let text =
                "\(booklet.begin % 1000)-\(booklet.end % 1000):\(DisplayWidth.rightAligned(String(booklet.remaining), width: 2))  "
            if column + DisplayWidth.of(text) > area.columns - 2 {
                column = 2
                line += 1
                if line >= area.top + area.rows { break }
            }
            grid.put(text, row: line, column: column, style: booklet.remaining == 0 ? theme.dim : theme.text)
            column += DisplayWidth.of(text)
        }
    }
}
