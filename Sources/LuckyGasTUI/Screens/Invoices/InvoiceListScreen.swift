import LuckyGasCore
import LuckyGasStore
import LuckyGasTerminal

/// The invoice list: filter by period, status and upload state; deadline warnings on top; Enter
/// opens an invoice. F6 opens the upload board, F7 the number tracks.
struct InvoiceListScreen: TypingScreen {
    private static let periodField = 0
    private static let statusField = 1
    private static let uploadField = 2

    private var form = Form([
        InputField(.text, width: 6, row: 0, labelWidth: 6, maxLength: 5),
        InputField(.choice([]), width: 10, row: 0, column: 16, labelWidth: 6),
        InputField(.choice([]), width: 10, row: 0, column: 36, labelWidth: 6),
    ])
    private var table = TableView(columns: [], filters: true)
    private var invoices: [InvoiceSummary] = []
    private var warnings: [UploadWarning] = []
    private var inTable = false
    private var loaded = false

    var title: OperatorMessage { tr("發票查詢", "Invoices") }
    var functionKeys: [Int: OperatorMessage] {
        [5: tr("重新整理", "Reload"), 6: tr("上傳狀態", "Uploads"), 7: tr("字軌", "Tracks")]
    }
    var help: [KeyHelp] {
        [
            KeyHelp(keys: "Tab", meaning: tr("篩選欄位與清單之間切換", "move between the filters and the list")),
            KeyHelp(
                keys: "期別 period",
                meaning: tr("民國年加雙數月，例 11512；空白為全部", "ROC year and even month, e.g. 11512; empty for all")),
            KeyHelp(keys: "文字 text", meaning: tr("在清單中輸入文字即篩選", "typing in the list filters it")),
            KeyHelp(keys: "Enter", meaning: tr("開啟發票（作廢、註銷、折讓、QR）", "open the invoice (cancel, void, allowance, QR)")),
            KeyHelp(keys: "F6 / F7", meaning: tr("上傳狀態 / 字軌配號", "upload board / number tracks")),
        ]
    }

    mutating func refresh(context: AppContext) {
        if !loaded {
            loaded = true
            form[Self.periodField].set(InvoicePeriod(containing: context.database.clock.now().date).code)
        }
        relabel(context)
        reload(context)
    }

    private mutating func relabel(_ context: AppContext) {
        form[Self.periodField].label = context.t("期別", "Period")
        form[Self.statusField].label = context.t("狀態", "Status")
        form[Self.uploadField].label = context.t("上傳", "Upload")
        form[Self.statusField].setOptions(
            [context.t("全部", "All")] + InvoiceStatus.allCases.map { context.text(InvoiceLabels.status($0)) })
        form[Self.uploadField].setOptions(
            [context.t("全部", "All")] + UploadStatus.allCases.map { context.text(InvoiceLabels.upload($0)) })
    }

    private mutating func reload(_ context: AppContext) {
        let periodText = form[Self.periodField].value.trimmingSpaces
        let period = try? InvoicePeriod(periodText)
        if !periodText.isEmpty && period == nil {
            context.say(tr("期別格式：民國年加雙數月，例 11512", "Periods look like 11512 (ROC year, even month)"), .warning)
        }
        let status = form[Self.statusField].choiceIndex
        let upload = form[Self.uploadField].choiceIndex
        do {
            invoices = try context.database.invoices(
                InvoiceFilter(
                    period: period, status: status == 0 ? nil : InvoiceStatus.allCases[status - 1],
                    upload: upload == 0 ? nil : UploadStatus.allCases[upload - 1], limit: 1000))
            warnings = try context.database.uploadWarnings()
        } catch {
            context.fail(error)
        }
        table.setRows(rows(context))
    }

    /// One line per invoice, in the current language.
    private func rows(_ context: AppContext) -> [[String]] {
        let today = context.database.clock.now().date
        return invoices.map {
            [
                $0.number.rawValue, Self.issued($0.issuedAt), $0.customerName, $0.buyer.isBusiness ? "B2B" : "B2C",
                $0.total.grouped, context.text(InvoiceLabels.status($0.status)),
                $0.upload.map { context.text(InvoiceLabels.upload($0)) } ?? "-",
                Self.deadline($0, today: today, context: context),
            ]
        }
    }

    /// `11-18 09:30`: the year is the period's, so the list keeps room for the customer.
    static func issued(_ moment: LocalDateTime) -> String { String(moment.short.dropFirst(5)) }

    static func deadline(_ invoice: InvoiceSummary, today: LocalDate, context: AppContext) -> String {
        guard let due = invoice.uploadDue, invoice.upload != .accepted else { return "" }
        if due < today { return context.t("逾期", "overdue") }
        return due <= today.adding(days: 1)
            ? context.t("將到期", "due") + " \(due.month)/\(due.day)" : "\(due.month)/\(due.day)"
    }

    mutating func handle(_ key: Key, context: AppContext) -> Navigation {
        switch key {
        case .escape where inTable && !table.filter.text.isEmpty:
            table.setFilter("")
            return .stay
        case .escape: return .pop(nil)
        case .function(5):
            reload(context)
            return .stay
        case .function(6): return .push(UploadBoardScreen())
        case .function(7): return .push(TrackUsageScreen())
        default: break
        }
        if inTable {
            switch key {
            case .tab, .backTab:
                inTable = false
                form.focus(on: key == .tab ? 0 : Self.uploadField)
            case .enter:
                if let row = table.selectedRow { return .push(InvoiceDetailScreen(number: invoices[row].number)) }
            default:
                _ = table.handle(key)
            }
            return .stay
        }
        if key == .down || key == .enter || (key == .tab && form.focus == Self.uploadField) {
            inTable = true
            reload(context)
            return .stay
        }
        switch form.handle(key) {
        case .field(_, .changed): reload(context)
        case .field(_, .rejected(let why)): context.say(why)
        default: break
        }
        return .stay
    }

    mutating func render(into grid: inout Grid, area: Area, context: AppContext) {
        let theme = context.theme
        relabel(context)
        form.render(into: &grid, top: area.top + 1, left: 1, theme: theme, active: !inTable)
        let overdue = warnings.filter(\.overdue).count
        let summary =
            warnings.isEmpty
            ? context.t("上傳期限：無警示", "Upload deadlines: nothing due")
            : context.t(
                "⚠ 上傳期限：\(warnings.count - overdue) 筆即將到期，\(overdue) 筆逾期（F6）",
                "⚠ Uploads: \(warnings.count - overdue) due by tomorrow, \(overdue) overdue (F6)")
        grid.put(summary, row: area.top + 2, column: 2, style: warnings.isEmpty ? theme.dim : theme.warning)
        // At 80 columns the customer keeps at least 12 columns (6 Chinese characters): the issued
        // time drops its year and the state columns are as wide as what they show now.
        table.setRows(rows(context))
        func width(_ column: Int, _ title: String) -> Int {
            max(DisplayWidth.of(title), table.rows.map { DisplayWidth.of($0[column]) }.max() ?? 0)
        }
        let statusTitle = context.t("狀態", "Status")
        let uploadTitle = context.t("上傳", "Upload")
        let dueTitle = context.t("期限", "Due")
        table.columns = [
            .init(context.t("發票號碼", "Number"), width: 10, identifier: true),
            .init(context.t("開立", "Issued"), width: 11), .init(context.t("客戶", "Customer"), width: 0),
            .init("", width: 3), .init(context.t("金額", "Total"), width: 9, alignRight: true),
            .init(statusTitle, width: width(5, statusTitle)), .init(uploadTitle, width: width(6, uploadTitle)),
            .init(dueTitle, width: width(7, dueTitle)),
        ]
        table.render(
            into: &grid, top: area.top + 4, left: 1, width: area.columns - 2, height: area.rows - 4, theme: theme,
            focused: inTable)
        let filter = table.filter.text
        let shown = table.visible.count
        let row = shown == 0 ? 0 : table.selection + 1
        let position =
            filter.isEmpty
            ? context.t(
                "共 \(invoices.count) 張  第 \(table.position) 張", "\(invoices.count) invoices, row \(table.position)")
            : context.t(
                "篩選：\(filter)  \(shown)/\(invoices.count)  第 \(row) 張",
                "Filter: \(filter)  \(shown)/\(invoices.count), row \(row)")
        grid.put(position, row: area.top + 3, column: area.columns - 1 - DisplayWidth.of(position), style: theme.dim)
        if inTable { grid.cursor = nil }
    }
}
