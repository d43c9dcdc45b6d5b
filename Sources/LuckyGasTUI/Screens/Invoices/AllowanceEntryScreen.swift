import LuckyGasCore
import LuckyGasStore
import LuckyGasTerminal

/// Allowance entry (折讓): one amount before tax per invoice line, what is left of each line, the
/// tax and total as you type; a reason; F2 asks Y/N with the amounts, then issues it (a
/// supervisor for large ones).
struct AllowanceEntryScreen: TypingScreen {
    static let approvalTag = "allowance.approval"
    static let confirmTag = "allowance.confirm"

    private let invoice: InvoiceRecord
    private var form: Form
    private var left: [Int: Money] = [:]
    private var draft: AllowanceDraft?
    private var problemMessage: OperatorMessage?

    init(invoice: InvoiceRecord) {
        self.invoice = invoice
        var fields: [InputField] = []
        let lines = invoice.draft.lines.filter { $0.net > .zero }
        for (index, _) in lines.enumerated() {
            fields.append(InputField(.number(allowsNegative: false), width: 9, row: index, column: 50, labelWidth: 0))
        }
        fields.append(InputField(.text, width: 24, row: lines.count + 1, column: 2, labelWidth: 8, maxLength: 20))
        form = Form(fields)
        let allowed = invoice.allowedSoFar.perLine
        for line in lines { left[line.sequence] = line.net - (allowed[line.sequence] ?? .zero) }
    }

    private var lines: [InvoiceLine] { invoice.draft.lines.filter { $0.net > .zero } }

    var title: OperatorMessage {
        OperatorMessage(zh: "折讓 \(invoice.number.rawValue)", en: "Allowance on \(invoice.number.rawValue)")
    }
    var functionKeys: [Int: OperatorMessage] { [2: tr("開立折讓", "Issue")] }
    func offeredKeys(context: AppContext) -> [Int: OperatorMessage] { context.may(.invoices) ? functionKeys : [:] }
    var isDirty: Bool { form.fields.contains { !$0.value.isEmpty } }
    var help: [KeyHelp] {
        [
            KeyHelp(
                keys: "金額 amount",
                meaning: tr("每行輸入未稅折讓金額，稅額自動計算", "type the amount before tax per line; tax is computed")),
            KeyHelp(
                keys: "F2", meaning: tr("確認後開立折讓（超過上限需主管核准）", "issue it after a Y/N (large ones need a supervisor)")),
        ]
    }

    private var requests: [Int: Money] {
        var out: [Int: Money] = [:]
        for (index, line) in lines.enumerated() {
            if let amount = form[index].number, amount != 0 { out[line.sequence] = Money(amount) }
        }
        return out
    }

    private mutating func recompute() {
        draft = nil
        guard !requests.isEmpty else { return }
        do {
            draft = try invoice.allowanceDraft(requests)
        } catch {
            problemMessage = error.operatorMessage
        }
    }

    mutating func handle(_ key: Key, context: AppContext) -> Navigation {
        switch key {
        case .escape: return .pop(nil)
        case .function(2): return confirm(context)
        default: break
        }
        switch form.handle(key) {
        case .field(_, .changed):
            problemMessage = nil
            recompute()
        case .field(_, .rejected(let why)): context.say(why)
        case .submit: return confirm(context)
        default: break
        }
        return .stay
    }

    /// The Y/N before issuing: the invoice, the amounts and the reason; nothing is written before.
    private func confirm(_ context: AppContext) -> Navigation {
        guard context.may(.invoices) else { return context.denied(.invoices) }
        guard let draft else {
            context.say(
                problemMessage ?? tr("請先輸入折讓金額（未稅）", "Type the allowance before tax first"), .warning)
            return .stay
        }
        let reason = form[lines.count].value.trimmingSpaces
        guard !reason.isEmpty else {
            context.say(tr("請輸入折讓原因（最後一欄）", "Type the reason (the last field)"), .warning)
            return .stay
        }
        return .dialog(
            Dialog(
                .confirm(defaultYes: false),
                title: context.t("開立折讓？", "Issue this allowance?"),
                lines: [
                    context.t("發票 ", "Invoice ") + "\(invoice.number.rawValue)  \(invoice.customerName)",
                    context.t(
                        "折讓 未稅 \(draft.net.grouped)  稅額 \(draft.tax.grouped)  合計 \(draft.total.grouped)",
                        "Allowance net \(draft.net.grouped)  tax \(draft.tax.grouped)  total \(draft.total.grouped)"),
                    context.t("原因：", "Reason: ") + reason,
                    context.t("將產生 G0401 折讓訊息待上傳", "A G0401 allowance message is queued for upload"),
                ],
                hint: context.t("Y 開立   N 返回修改", "Y issue   N go back")), tag: Self.confirmTag)
    }

    private mutating func issue(_ context: AppContext, approval: OverrideApproval?) -> Navigation {
        guard let user = context.user else { return .stay }
        let reason = form[lines.count].value
        do {
            let allowance = try context.database.issueAllowance(
                on: invoice.number, lines: requests, reason: reason, by: user, approval: approval)
            context.say(
                OperatorMessage(
                    zh: "已開立折讓 \(allowance.number)：未稅 \(allowance.draft.net.grouped) 稅 \(allowance.draft.tax.grouped)",
                    en:
                        "Allowance \(allowance.number): net \(allowance.draft.net.grouped) tax \(allowance.draft.tax.grouped)"
                ),
                .success)
            return .pop(.changed)
        } catch StoreError.invoicing(.supervisorRequired(let why)) {
            let box = Dialog(
                .form(SupervisorApproval.form(context, supervisor: approval?.supervisor ?? "", reason: nil)),
                title: context.t("需主管核准", "Supervisor needed"), lines: [context.text(why)],
                hint: context.t("Enter 核准   Esc 返回", "Enter approve   Esc back"))
            return .dialog(box, tag: Self.approvalTag)
        } catch {
            context.fail(error)
            return .stay
        }
    }

    mutating func dialogFinished(tag: String, outcome: Dialog.Outcome, context: AppContext) -> Navigation {
        if tag == Self.confirmTag { return outcome == .confirmed ? issue(context, approval: nil) : .stay }
        guard tag == Self.approvalTag, case .submitted(let values) = outcome, values.count >= 2 else { return .stay }
        return issue(
            context,
            approval: OverrideApproval(supervisor: values[0], password: values[1], reason: form[lines.count].value))
    }

    mutating func render(into grid: inout Grid, area: Area, context: AppContext) {
        let theme = context.theme
        grid.put(
            context.t(
                "\(invoice.customerName)  \(invoice.draft.buyer.summary)  總計 \(invoice.draft.total.grouped)  未收 \(invoice.open.grouped)",
                "\(invoice.customerName)  \(invoice.draft.buyer.summary)  total \(invoice.draft.total.grouped)  open \(invoice.open.grouped)"
            ),
            row: area.top + 1, column: 2, style: theme.text, maxWidth: area.columns - 4)
        grid.put(
            context.t(
                "行 品名                     未稅金額   可折讓    折讓未稅",
                "Ln Item                         Net      Left   Allowance"),
            row: area.top + 3, column: 2, style: theme.dim)
        for (index, line) in lines.enumerated() {
            let text =
                "\(DisplayWidth.rightAligned(String(line.sequence), width: 2)) \(DisplayWidth.fit(line.description, width: 22)) "
                + "\(DisplayWidth.rightAligned(line.net.grouped, width: 9)) \(DisplayWidth.rightAligned((left[line.sequence] ?? .zero).grouped, width: 9))"
            grid.put(text, row: area.top + 4 + index, column: 2, style: theme.text)
        }
        form[lines.count].label = context.t("原因", "Reason")
        form.render(into: &grid, top: area.top + 4, left: 1, theme: theme)
        let totals = area.top + 6 + lines.count
        if let draft {
            grid.put(
                context.t(
                    "折讓 未稅 \(draft.net.grouped)  稅額 \(draft.tax.grouped)  合計 \(draft.total.grouped)",
                    "Allowance net \(draft.net.grouped)  tax \(draft.tax.grouped)  total \(draft.total.grouped)"),
                row: totals, column: 2, style: theme.heading)
        } else if let problemMessage {
            grid.put(
                context.text(problemMessage), row: totals, column: 2, style: theme.error, maxWidth: area.columns - 4)
        } else {
            grid.put(
                context.t("請輸入折讓金額（未稅）", "Type the allowance before tax"), row: totals, column: 2, style: theme.dim)
        }
    }
}
