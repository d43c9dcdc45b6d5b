import LuckyGasCore
import LuckyGasStore
import LuckyGasTerminal

/// Driver settlement (司機繳款): for a day (today by default), every collector with the cash and
/// checks their deliveries recorded, what was counted, the variance and where the count stands.
/// F2 enters what a collector handed in (a variance needs a reason; checks must agree); F7 lets
/// a supervisor approve a submitted count (not their own: the store's rule that the approver is
/// not the one who counted, told before the count and instead of a refused approval).
struct SettlementScreen: Screen {
    static let countTag = "settlement.count"
    static let approveTag = "settlement.approve"

    private var form = Form([InputField(.date, width: 12, row: 0, labelWidth: 8)])
    private var day: LocalDate?
    private var records: [SettlementRecord] = []
    private var table = TableView(columns: [])
    private var loaded = false
    private var counting: SettlementRecord?
    /// Collectors' names: drivers' names and counter users' display names.
    private var names: [String: String] = [:]

    var title: OperatorMessage { tr("司機繳款", "Driver settlement") }
    var functionKeys: [Int: OperatorMessage] {
        [2: tr("點收", "Count"), 5: tr("重新整理", "Reload"), 7: tr("核准", "Approve")]
    }
    /// F2 on a collector not yet counted, F7 on a count someone else submitted, each for the
    /// role that may.
    func offeredKeys(context: AppContext) -> [Int: OperatorMessage] {
        functionKeys.filter { key, _ in
            switch key {
            case 2: countRefusal(context) == nil
            case 7: approvalRefusal(context) == nil
            default: true
            }
        }
    }
    var help: [KeyHelp] {
        [
            KeyHelp(
                keys: "日期 Date", meaning: tr("輸入日期，+/- 加減一天，Enter 重新載入", "type a date; +/- moves a day; Enter reloads")),
            KeyHelp(keys: "↑ ↓", meaning: tr("選擇收款人", "choose a collector")),
            KeyHelp(
                keys: "F2",
                meaning: tr("輸入點收現金、支票與差額原因後提交", "enter the cash and checks counted, and why they differ")),
            KeyHelp(keys: "F7", meaning: tr("主管核准（不可核准自己提交的）", "a supervisor approves (not their own count)")),
        ]
    }

    private var selected: SettlementRecord? {
        guard let row = table.selectedRow, records.indices.contains(row) else { return nil }
        return records[row]
    }

    mutating func refresh(context: AppContext) {
        if !loaded {
            loaded = true
            form[0].set(context.database.clock.now().date.iso)
            form.focus(on: 0)  // typing a date replaces today's
        }
        reload(context)
    }

    /// Why F2 is refused on the selection now, nil when it may count.
    private func countRefusal(_ context: AppContext) -> OperatorMessage? {
        guard context.may(.payments) else { return deniedText(.payments, context) }
        guard let record = selected else { return tr("這一天沒有收款人", "Nobody collected money on this day") }
        let who = collectorText(record)
        switch record.status {
        case .open: return nil
        case .submitted:
            return OperatorMessage(
                zh: "\(who) 已點收，待主管核准；不能再點收（主管按 F7 核准）",
                en: "\(who) is counted and waits for approval; it cannot be counted again (a supervisor presses F7)")
        case .approved:
            return OperatorMessage(
                zh: "\(who) 的繳款已核准，不能再點收", en: "\(who)'s settlement is approved; it cannot be counted again")
        }
    }

    /// Why F7 is refused on the selection now, nil when it may approve.
    private func approvalRefusal(_ context: AppContext) -> OperatorMessage? {
        guard context.may(.approve) else { return deniedText(.approve, context) }
        guard let record = selected else { return tr("這一天沒有收款人", "Nobody collected money on this day") }
        let who = collectorText(record)
        switch record.status {
        case .open:
            return OperatorMessage(
                zh: "\(who) 尚未點收：請先按 F2 點收，再由另一位主管核准",
                en: "\(who) is not counted yet: count it with F2, then another supervisor approves")
        case .approved:
            return OperatorMessage(zh: "\(who) 的繳款已核准", en: "\(who)'s settlement is already approved")
        case .submitted:
            guard record.submittedBy != context.user?.name else {
                return OperatorMessage(
                    zh: "\(who) 是您點收的，須由另一位主管核准（點收人不能核准自己的點收）",
                    en: "You counted \(who): another supervisor must approve it (nobody approves their own count)")
            }
            return nil
        }
    }

    private func deniedText(_ permission: Permission, _ context: AppContext) -> OperatorMessage {
        let role = context.user?.role
        return OperatorMessage(
            zh: "您的角色（\(role?.chinese ?? "-")）沒有權限\(permission.label.zh)",
            en:
                "Your role (\(role.map { Labels.english($0.rawValue) } ?? "-")) is not allowed to \(permission.label.en)"
        )
    }

    /// `DRV001 李志明` or `counter 門市`: the id with the name when it is known.
    private func collectorText(_ record: SettlementRecord) -> String {
        guard let name = names[record.collector], !name.isEmpty, name != record.collector else {
            return record.collector
        }
        return "\(record.collector) \(name)"
    }

    private mutating func reload(_ context: AppContext) {
        guard let date = try? LocalDate(form[0].value) else {
            day = nil
            records = []
            table.setRows([])
            return
        }
        day = date
        do {
            names = Dictionary(
                try context.database.users().map { ($0.name, $0.displayName) }, uniquingKeysWith: { first, _ in first })
            names.merge(try context.database.driverNames()) { _, driver in driver }
            records = try context.database.settlements(on: date)
        } catch {
            records = []
            context.fail(error)
        }
        table.setRows(rows(context))
    }

    private func rows(_ context: AppContext) -> [[String]] {
        records.map { record in
            let counted = record.status != .open
            return [
                collectorText(record), String(record.deliveries), record.count.expectedCash.grouped,
                record.count.expectedChecks.grouped, counted ? record.count.countedCash.grouped : "",
                counted ? record.count.countedChecks.grouped : "", counted ? record.count.variance.grouped : "",
                context.text(ReceivablesLabels.settlementStatus(record.status)),
            ]
        }
    }

    mutating func handle(_ key: Key, context: AppContext) -> Navigation {
        switch key {
        case .escape: return .pop(nil)
        case .up, .down, .pageUp, .pageDown, .home, .end:
            _ = table.handle(key)
        case .function(5), .enter:
            reload(context)
            if day == nil {
                context.say(
                    LocalDate.problem(with: form[0].value) ?? tr("日期格式應為 YYYY-MM-DD", "The date must be YYYY-MM-DD"),
                    .error)
            }
        case .function(2):
            if day == nil {
                context.say(
                    LocalDate.problem(with: form[0].value) ?? tr("日期格式應為 YYYY-MM-DD", "The date must be YYYY-MM-DD"),
                    .error)
                return .stay
            }
            if let why = countRefusal(context) {
                context.say(why, context.may(.payments) ? .warning : .error)
                return .stay
            }
            guard let record = selected else { return nothingSelected(context) }
            return countDialog(record, values: nil, problem: nil, context)
        case .function(7):
            if let why = approvalRefusal(context) {
                context.say(why, context.may(.approve) ? .warning : .error)
                return .stay
            }
            guard let record = selected else { return nothingSelected(context) }
            let who = collectorText(record)
            return .dialog(
                Dialog(
                    .confirm(defaultYes: false),
                    title: context.t("核准 \(who) 的繳款？", "Approve \(who)'s count?"),
                    lines: [
                        Self.summary(record, context),
                        context.t("點收人 ", "Counted by ") + (record.submittedBy ?? "-"),
                        context.t("核准後現金轉入銀行存款並入帳", "Approving posts the cash to the bank account"),
                    ],
                    hint: context.t("Y 核准   N 取消", "Y approve   N cancel")), tag: Self.approveTag)
        default:
            switch form.handle(key) {
            case .field(_, .changed):
                if form[0].value.count == 10 { reload(context) }
            case .field(_, .step(let days)):
                if let date = try? LocalDate(form[0].value) {
                    form[0].set(date.adding(days: days).iso)
                    reload(context)
                }
            case .field(_, .rejected(let why)): context.say(why)
            default: break
            }
        }
        return .stay
    }

    private func nothingSelected(_ context: AppContext) -> Navigation {
        context.say(tr("這一天沒有收款人", "Nobody collected money on this day"), .warning)
        return .stay
    }

    private mutating func countDialog(
        _ record: SettlementRecord, values: [String]?, problem: String?, _ context: AppContext
    ) -> Navigation {
        counting = record
        var lines = [
            context.t(
                "應收 現金 \(record.count.expectedCash.grouped)  支票 \(record.count.expectedChecks.grouped)",
                "Recorded: cash \(record.count.expectedCash.grouped)  "
                    + "checks \(record.count.expectedChecks.grouped)")
        ]
        // The store refuses an approval by whoever counted: a supervisor counting learns it now.
        if context.may(.approve) {
            lines.append(
                context.t(
                    "您點收後須由另一位主管核准（點收人不能核准自己的點收）",
                    "Once you count it, another supervisor must approve it (nobody approves their own count)"))
        }
        var form = Form([
            InputField(
                .number(allowsNegative: false), label: context.t("點收現金", "Cash"),
                text: values?[0] ?? "", width: 12, row: 0, labelWidth: 10,
                maxLength: 10),
            InputField(
                .number(allowsNegative: false), label: context.t("點收支票", "Checks"),
                text: values?[1] ?? (record.count.expectedChecks == .zero ? "0" : ""), width: 12, row: 1,
                labelWidth: 10,
                maxLength: 10),
            InputField(
                .text, label: context.t("差額原因", "Reason"), text: values?[2] ?? "", width: 30, row: 2, labelWidth: 10,
                maxLength: 80),
        ])
        // The counted amounts start blank (checks 0 when none were recorded), so Enter never
        // passes the recorded figures off as counted; after a refusal the cursor waits on the reason.
        form.focus(on: problem == nil ? 0 : 2)
        var box = Dialog(
            .form(form), title: context.t("點收 ", "Count ") + "\(collectorText(record)) \(record.day.iso)",
            lines: lines,
            hint: context.t("Enter 提交   Esc 取消", "Enter submit   Esc cancel"))
        box.problem = problem
        return .dialog(box, tag: Self.countTag)
    }

    mutating func dialogFinished(tag: String, outcome: Dialog.Outcome, context: AppContext) -> Navigation {
        guard let user = context.user else { return .stay }
        switch (tag, outcome) {
        case (Self.countTag, .submitted(let values)):
            guard let record = counting, values.count >= 3 else { return .stay }
            let cash = Int64(values[0].filter(\.isASCIIDigit))
            let checks = Int64(values[1].filter(\.isASCIIDigit))
            guard let cash, let checks else {
                return countDialog(
                    record, values: values,
                    problem: context.t("請輸入點收現金與支票金額", "Enter the cash and checks counted"), context)
            }
            do {
                let after = try context.database.submitSettlement(
                    collector: record.collector, day: record.day, countedCash: Money(cash),
                    countedChecks: Money(checks), reason: values[2], by: user)
                counting = nil
                let approver = context.may(.approve) ? tr("另一位主管", "another supervisor") : tr("主管", "a supervisor")
                context.say(
                    OperatorMessage(
                        zh: "已提交 \(collectorText(after)) 的點收，差額 \(after.count.variance.grouped)，待\(approver.zh)核准",
                        en: "\(collectorText(after)) counted, variance \(after.count.variance.grouped): "
                            + "\(approver.en) approves it next"),
                    .success)
                reload(context)
            } catch {
                context.fail(error)
                return countDialog(
                    record, values: values, problem: context.text(AppContext.message(for: error)), context)
            }
        case (Self.approveTag, .confirmed):
            guard let record = selected else { return .stay }
            do {
                let after = try context.database.approveSettlement(
                    collector: record.collector, day: record.day, by: user)
                context.say(
                    OperatorMessage(
                        zh: "已核准 \(collectorText(after)) \(after.day.iso) 的繳款",
                        en: "\(collectorText(after))'s \(after.day.iso) approved"),
                    .success)
                reload(context)
            } catch {
                context.fail(error)
            }
        default: break
        }
        return .stay
    }

    /// `應收 現金 1,785 支票 1,722  點收 現金 1,700 支票 1,722  差額 -85`.
    static func summary(_ record: SettlementRecord, _ context: AppContext) -> String {
        let count = record.count
        return context.t(
            "應收 現金 \(count.expectedCash.grouped) 支票 \(count.expectedChecks.grouped)  點收 現金 "
                + "\(count.countedCash.grouped) 支票 \(count.countedChecks.grouped)  差額 \(count.variance.grouped)",
            "Recorded cash \(count.expectedCash.grouped) checks \(count.expectedChecks.grouped); counted cash "
                + "\(count.countedCash.grouped) checks \(count.countedChecks.grouped); "
                + "variance \(count.variance.grouped)")
    }

    mutating func render(into grid: inout Grid, area: Area, context: AppContext) {
        let theme = context.theme
        form[0].label = context.t("日期", "Date")
        form.render(into: &grid, top: area.top + 1, left: 2, theme: theme)
        let count = context.t("收款人 \(records.count) 位", "Collectors: \(records.count)")
        grid.put(count, row: area.top + 1, column: area.columns - 1 - DisplayWidth.of(count), style: theme.dim)
        table.columns = [
            .init(context.t("收款人", "Collector"), width: 0), .init(context.t("筆數", "Dlv"), width: 4, alignRight: true),
            .init(context.t("應收現金", "Exp cash"), width: 9, alignRight: true),
            .init(context.t("應收支票", "Exp chk"), width: 9, alignRight: true),
            .init(context.t("點收現金", "Cash"), width: 9, alignRight: true),
            .init(context.t("點收支票", "Checks"), width: 9, alignRight: true),
            .init(context.t("差額", "Var."), width: 7, alignRight: true), .init(context.t("狀態", "Status"), width: 9),
        ]
        table.setRows(rows(context))
        let tableHeight = max(3, area.rows - 7)
        let cursor = grid.cursor
        table.render(
            into: &grid, top: area.top + 3, left: 1, width: area.columns - 2, height: tableHeight, theme: theme)
        grid.cursor = cursor
        if records.isEmpty {
            grid.put(
                day == nil
                    ? context.t("請輸入日期（YYYY-MM-DD）", "Type a date (YYYY-MM-DD)")
                    : context.t("這一天沒有司機或門市收現金、支票", "No cash or checks were collected on this day"),
                row: area.top + 4, column: 3, style: theme.dim)
        }
        var row = area.top + 3 + tableHeight
        let expected = records.map(\.count.expectedCash).sum()
        let counted = records.filter { $0.status != .open }.map(\.count.countedCash).sum()
        grid.put(
            context.t(
                "合計 應收現金 \(expected.grouped)  已點收現金 \(counted.grouped)",
                "Total recorded cash \(expected.grouped)  counted cash \(counted.grouped)"),
            row: row, column: 2, style: theme.heading, maxWidth: area.columns - 4)
        row += 1
        guard let record = selected, record.status != .open, row < area.top + area.rows else { return }
        let who = [
            record.submittedBy.map { context.t("點收 ", "counted by ") + $0 },
            record.approvedBy.map { context.t("核准 ", "approved by ") + $0 },
        ].compactMap { $0 }.joined(separator: "  ")
        grid.put(
            "\(collectorText(record))  " + context.t("原因：", "Reason: ") + (record.reason.isEmpty ? "-" : record.reason)
                + "  " + who, row: row, column: 2, style: record.count.variance == .zero ? theme.text : theme.warning,
            maxWidth: area.columns - 4)
    }
}
