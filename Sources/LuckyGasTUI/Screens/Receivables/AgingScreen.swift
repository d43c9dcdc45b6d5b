import LuckyGasCore
import LuckyGasStore
import LuckyGasTerminal

/// Aging (帳齡分析) as of a date (today by default): per customer the open amounts by days past
/// due in the five buckets, unapplied credit and the total owed; the totals, DSO and the
/// provision below. Collection candidates are marked `!`. Enter opens the customer's open items
/// and statement.
struct AgingScreen: Screen {
    private var form = Form([InputField(.date, width: 12, row: 0, labelWidth: 8)])
    private var report: AgingReport?
    private var table = TableView(columns: [])
    private var loaded = false

    var title: OperatorMessage { tr("帳齡分析", "Aging") }
    var functionKeys: [Int: OperatorMessage] { [5: tr("重新整理", "Reload")] }
    var help: [KeyHelp] {
        [
            KeyHelp(keys: "基準日 As of", meaning: tr("輸入日期，+/- 加減一天", "type a date; +/- moves a day")),
            KeyHelp(keys: "↑ ↓", meaning: tr("選擇客戶", "choose a customer")),
            KeyHelp(keys: "Enter", meaning: tr("客戶未結帳款與近 90 天對帳單", "the customer's open items and last 90 days")),
            KeyHelp(
                keys: "!",
                meaning: tr("催收候選（逾期超過 90 天且餘額超過 5 萬）", "collection candidate (90+ days, balance over 50,000)")),
        ]
    }

    private var asOf: LocalDate? { try? LocalDate(form[0].value) }

    private var selected: AgingRow? {
        guard let report, let row = table.selectedRow, report.rows.indices.contains(row) else { return nil }
        return report.rows[row]
    }

    /// The report is computed once here, then again only on F5, a new date, or a payment made from
    /// the drill-down: it reads every open item of the branch.
    mutating func refresh(context: AppContext) {
        guard !loaded else { return }
        loaded = true
        form[0].set(context.database.clock.now().date.iso)
        form.focus(on: 0)  // typing a date replaces today's
        reload(context)
    }

    mutating func receive(_ result: ScreenResult, context: AppContext) -> Navigation {
        if result == .changed { reload(context) }
        return .stay
    }

    private mutating func reload(_ context: AppContext) {
        guard let asOf else {
            report = nil
            return
        }
        do {
            report = try context.database.aging(asOf: asOf)
        } catch {
            report = nil
            context.fail(error)
        }
        table.setRows(report.map(Self.rows) ?? [])
    }

    /// One line per customer: mark and id, name, the buckets, credit (negative) and total.
    private static func rows(_ report: AgingReport) -> [[String]] {
        let candidates = Set(report.collectionCandidates)
        return report.rows.map { row in
            [(candidates.contains(row.customer) ? "!" : " ") + row.customer.rawValue, row.name]
                + row.buckets.map(\.grouped)
                + [row.unapplied == .zero ? "" : "-" + row.unapplied.grouped, row.total.grouped]
        }
    }

    mutating func handle(_ key: Key, context: AppContext) -> Navigation {
        switch key {
        case .escape: return .pop(nil)
        case .up, .down, .pageUp, .pageDown, .home, .end:
            _ = table.handle(key)
        case .function(5):
            reload(context)
        case .enter:
            guard let row = selected, let asOf else {
                context.say(tr("沒有客戶可開啟", "No customer to open"), .warning)
                return .stay
            }
            return .push(CustomerStatementScreen(customer: row.customer, asOf: asOf))
        default:
            switch form.handle(key) {
            case .field(_, .changed):
                if form[0].value.count == 10 { reload(context) }
            case .field(_, .step(let days)):
                if let asOf {
                    form[0].set(asOf.adding(days: days).iso)
                    reload(context)
                }
            case .field(_, .rejected(let why)): context.say(why)
            default: break
            }
        }
        return .stay
    }

    mutating func render(into grid: inout Grid, area: Area, context: AppContext) {
        let theme = context.theme
        form[0].label = context.t("基準日", "As of")
        form.render(into: &grid, top: area.top + 1, left: 2, theme: theme)
        guard let report else {
            grid.put(
                context.t("請輸入基準日（YYYY-MM-DD）", "Type the date (YYYY-MM-DD)"), row: area.top + 3, column: 3,
                style: theme.dim)
            return
        }
        let count = context.t("客戶 \(report.rows.count) 家", "\(report.rows.count) customers")
        grid.put(count, row: area.top + 1, column: area.columns - 1 - DisplayWidth.of(count), style: theme.dim)
        let candidates = Set(report.collectionCandidates)
        // Amount columns are as wide as their widest figure, so a large total is never cut.
        func width(_ title: String, _ values: [Money]) -> Int {
            max(7, DisplayWidth.of(title), values.map { $0.grouped.count }.max() ?? 0)
        }
        let buckets = AgingBucket.allCases.map { bucket in
            (title: bucket == .current ? context.t(bucket.label, "Current") : bucket.label, bucket: bucket)
        }
        var columns: [TableView.Column] = [
            .init(context.t(" 客戶", " Cust."), width: 8), .init(context.t("名稱", "Name"), width: 0),
        ]
        for (title, bucket) in buckets {
            let values = report.rows.map { $0[bucket] } + [report.bucketTotals[bucket.rawValue]]
            columns.append(.init(title, width: width(title, values), alignRight: true))
        }
        let creditTitle = context.t("預收", "Credit")
        let totalTitle = context.t("合計", "Total")
        let creditWidth = width(creditTitle, report.rows.map(\.unapplied) + [report.unapplied])
        columns.append(.init(creditTitle, width: creditWidth, alignRight: true))
        columns.append(
            .init(totalTitle, width: width(totalTitle, report.rows.map(\.total) + [report.total]), alignRight: true))
        table.columns = columns
        table.setRows(Self.rows(report))
        let width = area.columns - 2
        let tableHeight = max(3, area.rows - 5)
        table.render(into: &grid, top: area.top + 2, left: 1, width: width, height: tableHeight, theme: theme)
        if report.rows.isEmpty {
            grid.put(context.t("（沒有應收帳款）", "(no receivables)"), row: area.top + 3, column: 3, style: theme.dim)
        }
        var row = area.top + 2 + tableHeight
        let totals =
            [context.t(" 合計", " Total"), ""] + report.bucketTotals.map(\.grouped)
            + [report.unapplied == .zero ? "" : "-" + report.unapplied.grouped, report.total.grouped]
        var column = 1
        for (index, cellWidth) in table.columnWidths(total: width).enumerated() where column < 1 + width {
            let text =
                columns[index].alignRight
                ? DisplayWidth.rightAligned(totals[index], width: cellWidth)
                : DisplayWidth.fit(totals[index], width: cellWidth)
            grid.put(text, row: row, column: column, style: theme.heading, maxWidth: max(0, 1 + width - column))
            column += cellWidth + 1
        }
        row += 1
        let dso = report.dsoTenths.map { ReceivablesLabels.tenths($0) } ?? "-"
        grid.put(
            context.t(
                "DSO \(dso) 天（近 \(report.dsoDays) 天）  ! 催收候選 \(candidates.count) 家  "
                    + "應提備抵 \(report.provisionRequired.grouped)",
                "DSO \(dso) days (last \(report.dsoDays))  ! collection \(candidates.count)  "
                    + "provision \(report.provisionRequired.grouped)"),
            row: row, column: 2, style: candidates.isEmpty ? theme.text : theme.warning, maxWidth: area.columns - 4)
        row += 1
        guard let selected, row < area.top + area.rows else { return }
        var detail = "\(selected.customer.rawValue) \(selected.name)  "
        detail += context.t(
            "最久逾期 \(selected.oldestDaysPastDue) 天", "oldest \(selected.oldestDaysPastDue) days past due")
        if candidates.contains(selected.customer) { detail += context.t("  ! 建議催收", "  ! collection candidate") }
        grid.put(
            detail + context.t("  Enter 明細", "  Enter: details"), row: row, column: 2, style: theme.dim,
            maxWidth: area.columns - 4)
    }
}
