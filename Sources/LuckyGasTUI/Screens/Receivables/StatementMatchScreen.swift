import LuckyGasCore
import LuckyGasStore
import LuckyGasTerminal

/// Bank matching (銀行對帳): the statement lines still open, with the matcher's suggestion. The
/// selected line's suggestion and its reason are shown below; F2 accepts it, F6 matches the line
/// to another customer (then their items, automatically or chosen), F8 rejects it with a reason,
/// F5 runs the matching again and F7 posts the confident matches.
struct StatementMatchScreen: Screen {
    static let acceptTag = "bank.accept"
    static let rejectTag = "bank.reject"
    static let postTag = "bank.post"

    private var lines: [BankLineRecord] = []
    private var names: [CustomerID: String] = [:]
    private var table = TableView(columns: [])
    private var changing: Int64?

    var title: OperatorMessage { tr("銀行對帳", "Bank matching") }
    var functionKeys: [Int: OperatorMessage] {
        [
            2: tr("接受", "Accept"), 5: tr("重新比對", "Re-match"), 6: tr("指定客戶", "Change"),
            7: tr("自動入帳", "Post sure"), 8: tr("退回", "Reject"),
        ]
    }
    /// F2 only on a line with a suggested customer, F6 on money in, F8 on any line; all for a
    /// role that handles payments.
    func offeredKeys(context: AppContext) -> [Int: OperatorMessage] {
        guard context.may(.payments) else { return [:] }
        return functionKeys.filter { key, _ in
            switch key {
            case 2: selected?.suggestion?.customer != nil
            case 6: (selected?.amount ?? .zero) > .zero
            case 7: !lines.isEmpty
            case 8: selected != nil
            default: true
            }
        }
    }
    var help: [KeyHelp] {
        [
            KeyHelp(
                keys: "↑ ↓", meaning: tr("選擇對帳明細；下方顯示建議與原因", "choose a line; its suggestion and reason show below")),
            KeyHelp(keys: "F2", meaning: tr("依建議入帳（成為銀行轉帳收款）", "accept as suggested (it becomes a bank receipt)")),
            KeyHelp(keys: "F6", meaning: tr("改為其他客戶，再選擇沖銷帳款", "another customer, then choose the items")),
            KeyHelp(keys: "F8", meaning: tr("退回（非本公司款項等），須填原因", "reject (not ours...), with a reason")),
            KeyHelp(keys: "F5", meaning: tr("重新比對所有待處理明細（不入帳）", "match the open lines again (posts nothing)")),
            KeyHelp(keys: "F7", meaning: tr("虛擬帳號或單號確定者自動入帳", "post the lines a virtual account or document names")),
        ]
    }

    private var selected: BankLineRecord? {
        guard let row = table.selectedRow, lines.indices.contains(row) else { return nil }
        return lines[row]
    }

    mutating func refresh(context: AppContext) {
        do {
            lines = try context.database.bankLines(status: .open, limit: 500)
            for customer in Set(lines.compactMap { $0.suggestion?.customer }) where names[customer] == nil {
                names[customer] = try context.database.customer(customer)?.customer.name ?? ""
            }
        } catch {
            context.fail(error)
        }
        table.setRows(rows(context))
    }

    private func rows(_ context: AppContext) -> [[String]] {
        lines.map { line in
            [
                line.valueDate.iso, line.amount.grouped, line.text,
                line.suggestion.map { context.text(ReceivablesLabels.rule($0.rule)) } ?? "",
                customerText(line.suggestion?.customer),
            ]
        }
    }

    private func customerText(_ customer: CustomerID?) -> String {
        guard let customer else { return "" }
        return "\(customer.rawValue) \(names[customer] ?? "")"
    }

    mutating func handle(_ key: Key, context: AppContext) -> Navigation {
        if case .function(let number) = key, [2, 5, 6, 7, 8].contains(number), !context.may(.payments) {
            return context.denied(.payments)
        }
        switch key {
        case .escape: return .pop(nil)
        case .function(2): return acceptDialog(context)
        case .function(5):
            guard let user = context.user else { return .stay }
            do {
                let counts = try context.database.matchBankLines(autoAccept: false, by: user)
                context.say(
                    OperatorMessage(
                        zh: "重新比對完成：有建議 \(counts.suggested) 筆，待人工 \(counts.exceptions) 筆",
                        en: "Matched again: \(counts.suggested) suggested, \(counts.exceptions) to match by hand"),
                    .success)
            } catch {
                context.fail(error)
            }
            refresh(context: context)
        case .function(6):
            guard let line = selected else { return nothingSelected(context) }
            guard line.amount > .zero else {
                context.say(
                    OperatorMessage(
                        zh: "明細 #\(line.id) 是支出，不能指定客戶入帳；請按 F8 退回",
                        en: "Line #\(line.id) is money out: it cannot become a receipt; reject it with F8"), .warning)
                return .stay
            }
            changing = line.id
            return .push(CustomerLookupScreen(picking: true))
        case .function(7):
            guard !lines.isEmpty else { return nothingSelected(context) }
            return .dialog(
                Dialog(
                    .confirm(defaultYes: false), title: context.t("自動入帳？", "Post the sure matches?"),
                    lines: [
                        context.t(
                            "虛擬帳號或摘要單號確定付款人的明細將直接入帳。",
                            "Lines whose payer a virtual account or document number names are posted.")
                    ],
                    hint: context.t("Y 入帳   N 取消", "Y post   N cancel")), tag: Self.postTag)
        case .function(8):
            guard selected != nil else { return nothingSelected(context) }
            return rejectDialog(context, problem: nil)
        default:
            _ = table.handle(key)
        }
        return .stay
    }

    private func nothingSelected(_ context: AppContext) -> Navigation {
        context.say(tr("沒有待處理的對帳明細", "No open statement line"), .warning)
        return .stay
    }

    private func acceptDialog(_ context: AppContext) -> Navigation {
        guard let line = selected else { return nothingSelected(context) }
        guard let suggestion = line.suggestion, let customer = suggestion.customer else {
            context.say(tr("此筆沒有建議的客戶，請按 F6 指定客戶", "No customer suggested: press F6 to choose one"), .warning)
            return .stay
        }
        var body = [
            "\(line.valueDate.iso)  \(line.amount.description)  \(line.text)",
            context.t("客戶 ", "Customer ") + customerText(customer),
        ]
        for share in suggestion.shares.prefix(6) {
            body.append(context.t("沖銷 ", "Apply ") + "\(share.reference) \(share.amount.grouped)")
        }
        if suggestion.unapplied > .zero {
            body.append(
                context.t("餘 \(suggestion.unapplied.grouped) 列為預收", "\(suggestion.unapplied.grouped) stays as credit"))
        }
        return .dialog(
            Dialog(
                .confirm(defaultYes: true), title: context.t("依建議入帳？", "Accept as suggested?"), lines: body,
                hint: context.t("Y/Enter 入帳   N 取消", "Y/Enter accept   N cancel")), tag: Self.acceptTag)
    }

    private func rejectDialog(_ context: AppContext, problem: String?, reason: String = "") -> Navigation {
        let form = Form([
            InputField(
                .text, label: context.t("原因", "Reason"), text: reason, width: 30, row: 0, labelWidth: 8, maxLength: 80)
        ])
        var box = Dialog(
            .form(form), title: context.t("退回對帳明細", "Reject the statement line"),
            lines: [selected.map { "#\($0.id) \($0.valueDate.iso) \($0.amount.description) \($0.text)" } ?? ""],
            hint: context.t("Enter 退回   Esc 取消", "Enter reject   Esc cancel"))
        box.problem = problem
        return .dialog(box, tag: Self.rejectTag)
    }

    mutating func dialogFinished(tag: String, outcome: Dialog.Outcome, context: AppContext) -> Navigation {
        guard let user = context.user else { return .stay }
        switch (tag, outcome) {
        case (Self.acceptTag, .confirmed):
            guard let line = selected else { return .stay }
            do {
                let payment = try context.database.acceptBankLine(line.id, by: user)
                context.say(Self.posted(payment), .success)
            } catch {
                context.fail(error)
            }
        case (Self.rejectTag, .submitted(let values)):
            guard let line = selected else { return .stay }
            do {
                try context.database.rejectBankLine(line.id, reason: values.first ?? "", by: user)
                context.say(OperatorMessage(zh: "已退回明細 #\(line.id)", en: "Line #\(line.id) rejected"), .success)
            } catch {
                context.fail(error)
                return rejectDialog(
                    context, problem: context.text(AppContext.message(for: error)), reason: values.first ?? "")
            }
        case (Self.postTag, .confirmed):
            do {
                let counts = try context.database.matchBankLines(autoAccept: true, by: user)
                context.say(
                    OperatorMessage(
                        zh: "已自動入帳 \(counts.matched) 筆；有建議 \(counts.suggested) 筆，待人工 \(counts.exceptions) 筆",
                        en: "Posted \(counts.matched); \(counts.suggested) suggested, \(counts.exceptions) by hand"),
                    .success)
            } catch {
                context.fail(error)
            }
        default: break
        }
        return .stay
    }

    mutating func receive(_ result: ScreenResult, context: AppContext) -> Navigation {
        guard case .customer(let customer) = result, let id = changing else { return .stay }
        changing = nil
        guard let line = lines.first(where: { $0.id == id }) else { return .stay }
        return .push(BankLineAllocationScreen(line: line, customer: customer))
    }

    /// The status message after a line became a receipt.
    static func posted(_ payment: PaymentRecord) -> OperatorMessage {
        let applied = payment.amount - payment.unapplied
        return OperatorMessage(
            zh: "已入帳 \(payment.number.rawValue) \(payment.customer.rawValue)：沖銷 \(applied.grouped)，"
                + "未沖銷 \(payment.unapplied.grouped)",
            en: "Posted \(payment.number.rawValue) \(payment.customer.rawValue): applied \(applied.grouped), "
                + "unapplied \(payment.unapplied.grouped)")
    }

    mutating func render(into grid: inout Grid, area: Area, context: AppContext) {
        let theme = context.theme
        let total = lines.map(\.amount).sum()
        grid.put(
            context.t(
                "待處理 \(lines.count) 筆  合計 \(total.grouped)", "Open lines: \(lines.count), \(total.grouped) in all"),
            row: area.top + 1, column: 2, style: theme.text)
        table.columns = [
            .init(context.t("日期", "Date"), width: 10), .init(context.t("金額", "Amount"), width: 10, alignRight: true),
            .init(context.t("摘要", "Text"), width: 0), .init(context.t("規則", "Rule"), width: 10),
            .init(context.t("建議客戶", "Suggested"), width: 16),
        ]
        table.setRows(rows(context))
        let tableHeight = max(3, area.rows - 8)
        table.render(
            into: &grid, top: area.top + 2, left: 1, width: area.columns - 2, height: tableHeight, theme: theme)
        let position = context.t("第 \(table.position) 筆", "row \(table.position)")
        grid.put(position, row: area.top + 1, column: area.columns - 1 - DisplayWidth.of(position), style: theme.dim)
        if lines.isEmpty {
            grid.put(
                context.t("（沒有待處理的對帳明細；匯入：luckygas bank import）", "(no open lines; import: luckygas bank import)"),
                row: area.top + 3, column: 3, style: theme.dim)
        }
        guard let line = selected else { return }
        var row = area.top + 2 + tableHeight
        // Long texts (the English reasons) wrap onto a second line.
        func put(_ text: String, _ style: CellStyle) {
            var rest = Substring(text)
            for _ in 0..<2 where !rest.isEmpty && row < area.top + area.rows {
                var used = 0
                var line = rest.prefix { character in
                    used += DisplayWidth.of(character)
                    return used <= area.columns - 4
                }
                // Break English between words when the line is cut.
                if line.count < rest.count, let space = line.lastIndex(of: " "), space > line.startIndex {
                    line = line[..<space]
                }
                grid.put(String(line), row: row, column: 2, style: style)
                rest = rest.dropFirst(line.count).drop { $0 == " " }
                row += 1
            }
        }
        let payer = [
            line.payerName.map { context.t("付款人 ", "Payer ") + $0 },
            line.payerAccount.map { context.t("帳號 ", "Account ") + $0 },
            line.virtualAccount.map { context.t("虛擬帳號 ", "Virtual ") + $0 },
        ].compactMap { $0 }.joined(separator: "  ")
        put("#\(line.id) \(line.valueDate.iso) \(line.mark) \(line.amount.description)  \(payer)", theme.text)
        put(context.t("摘要：", "Text: ") + line.text, theme.text)
        guard let suggestion = line.suggestion else {
            put(context.t("尚未比對（F5）", "Not matched yet (F5)"), theme.dim)
            return
        }
        let shares = suggestion.shares.map { "\($0.reference) \($0.amount.grouped)" }.joined(separator: ", ")
        put(
            context.t("建議：", "Suggested: ") + context.text(ReceivablesLabels.rule(suggestion.rule)) + " → "
                + (suggestion.customer == nil ? context.t("（無）", "(none)") : customerText(suggestion.customer))
                + (shares.isEmpty ? "" : "；" + shares)
                + (suggestion.unapplied > .zero
                    ? context.t("；預收 ", "; credit ") + suggestion.unapplied.grouped : ""),
            theme.heading)
        put(
            context.t("原因：", "Why: ") + context.text(suggestion.reason)
                + (suggestion.isConfident ? "" : context.t("（需人工確認）", " (please confirm)")),
            suggestion.isConfident ? theme.text : theme.warning)
    }
}
