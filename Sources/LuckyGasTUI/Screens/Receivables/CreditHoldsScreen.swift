import LuckyGasCore
import LuckyGasStore
import LuckyGasTerminal

/// Credit holds (信用凍結): every hold in force, manual ones with who placed them and why, and the
/// automatic ones (overdue, over the limit) that lift by themselves once paid. F4 places a manual
/// hold on a customer, F8 releases the selected customer's manual holds; both need a reason.
struct CreditHoldsScreen: Screen {
    static let placeTag = "hold.place"
    static let releaseTag = "hold.release"

    private var holds: [HoldRecord] = []
    private var table = TableView(columns: [])
    private var releasing: CustomerID?
    /// A hold just placed, to select once the table shows it.
    private var placed: CustomerID?

    var title: OperatorMessage { tr("信用凍結", "Credit holds") }
    var functionKeys: [Int: OperatorMessage] {
        [4: tr("凍結", "Hold"), 5: tr("重新整理", "Reload"), 8: tr("解除", "Release")]
    }
    /// F4 and F8 for a role that handles payments; F8 only on a customer with a manual hold.
    func offeredKeys(context: AppContext) -> [Int: OperatorMessage] {
        guard context.may(.payments) else { return functionKeys.filter { $0.key == 5 } }
        let releasable = selected.map { hold in holds.contains { $0.customer == hold.customer && $0.kind.isPlaced } }
        return releasable == true ? functionKeys : functionKeys.filter { $0.key != 8 }
    }
    var help: [KeyHelp] {
        [
            KeyHelp(keys: "F4", meaning: tr("人工凍結客戶（客戶編號與原因）", "hold a customer (id and reason)")),
            KeyHelp(keys: "F8", meaning: tr("解除所選客戶的人工凍結（須原因）", "release the customer's manual holds (reason)")),
            KeyHelp(
                keys: "自動 Automatic",
                meaning: tr("自動凍結，付清或降至額度內即解除", "automatic: they lift once paid or back under the limit")),
            KeyHelp(keys: "Enter", meaning: tr("客戶未結帳款", "the customer's open items")),
        ]
    }

    private var selected: HoldRecord? {
        guard let row = table.selectedRow, holds.indices.contains(row) else { return nil }
        return holds[row]
    }

    mutating func refresh(context: AppContext) {
        do {
            holds = try context.database.creditHolds()
        } catch {
            holds = []
            context.fail(error)
        }
        table.setRows(rows(context))
    }

    private func rows(_ context: AppContext) -> [[String]] {
        holds.map { hold in
            [
                hold.customer.rawValue, hold.name, context.text(ReceivablesLabels.holdKind(hold.kind)),
                context.text(hold.reason),
                [hold.placedAt.map { "\($0.date.month)/\($0.date.day) \($0.short.suffix(5))" }, hold.placedBy]
                    .compactMap { $0 }.joined(separator: " "),
            ]
        }
    }

    mutating func handle(_ key: Key, context: AppContext) -> Navigation {
        switch key {
        case .escape: return .pop(nil)
        case .function(5): refresh(context: context)
        case .function(4):
            guard context.may(.payments) else { return context.denied(.payments) }
            return placeDialog(context, values: nil, problem: nil)
        case .function(8):
            guard context.may(.payments) else { return context.denied(.payments) }
            guard let hold = selected else {
                context.say(tr("沒有凍結中的客戶", "No customer is on hold"), .warning)
                return .stay
            }
            guard holds.contains(where: { $0.customer == hold.customer && $0.kind.isPlaced }) else {
                context.say(
                    tr("自動凍結無法手動解除：客戶付清逾期款或降至額度內即解除", "Automatic holds lift once the customer pays"), .warning)
                return .stay
            }
            return releaseDialog(hold.customer, name: hold.name, context, problem: nil)
        case .enter:
            guard let hold = selected else { return .stay }
            return .push(CustomerStatementScreen(customer: hold.customer, asOf: context.database.clock.now().date))
        default:
            _ = table.handle(key)
        }
        return .stay
    }

    private func placeDialog(_ context: AppContext, values: [String]?, problem: String?) -> Navigation {
        var form = Form([
            InputField(
                .text, label: context.t("客戶編號", "Customer"), text: values?[0] ?? "", width: 12, row: 0, labelWidth: 10,
                maxLength: 20),
            InputField(
                .text, label: context.t("原因", "Reason"), text: values?[1] ?? "", width: 30, row: 1, labelWidth: 10,
                maxLength: 80),
        ])
        if problem != nil, values.map({ CustomerID.typed($0[0]) != nil }) ?? false { form.focus(on: 1) }
        var box = Dialog(
            .form(form), title: context.t("人工凍結", "Place a credit hold"),
            lines: [context.t("凍結後不可再下單，直到解除", "No orders are taken until the hold is released")],
            hint: context.t("Enter 凍結   Esc 取消", "Enter hold   Esc cancel"))
        box.problem = problem
        return .dialog(box, tag: Self.placeTag)
    }

    private mutating func releaseDialog(
        _ customer: CustomerID, name: String, _ context: AppContext, problem: String?, reason: String = ""
    ) -> Navigation {
        releasing = customer
        let form = Form([
            InputField(
                .text, label: context.t("原因", "Reason"), text: reason, width: 30, row: 0, labelWidth: 8, maxLength: 80)
        ])
        var box = Dialog(
            .form(form), title: context.t("解除凍結 ", "Release the hold on ") + "\(customer.rawValue) \(name)",
            lines: [context.t("解除人工凍結（自動凍結不受影響）", "Lifts the manual holds (automatic ones stay)")],
            hint: context.t("Enter 解除   Esc 取消", "Enter release   Esc cancel"))
        box.problem = problem
        return .dialog(box, tag: Self.releaseTag)
    }

    mutating func dialogFinished(tag: String, outcome: Dialog.Outcome, context: AppContext) -> Navigation {
        guard case .submitted(let values) = outcome, let user = context.user else { return .stay }
        switch tag {
        case Self.placeTag:
            guard values.count >= 2, let customer = CustomerID.typed(values[0]) else {
                return placeDialog(
                    context, values: values,
                    problem: context.t("請輸入客戶編號（例 C000001）", "Type a customer id (e.g. C000001)"))
            }
            do {
                guard let found = try context.database.customer(customer) else {
                    return placeDialog(
                        context, values: values,
                        problem: context.t("找不到客戶 \(customer.rawValue)", "No customer \(customer.rawValue)"))
                }
                try context.database.placeCreditHold(customer, reason: values[1], by: user)
                context.say(
                    OperatorMessage(
                        zh: "已凍結 \(customer.rawValue) \(found.customer.name)",
                        en: "\(customer.rawValue) \(found.customer.name) is on hold"), .success)
                placed = customer
            } catch {
                context.fail(error)
                return placeDialog(context, values: values, problem: context.text(AppContext.message(for: error)))
            }
        case Self.releaseTag:
            guard let customer = releasing else { return .stay }
            do {
                try context.database.releaseCreditHold(customer, reason: values.first ?? "", by: user)
                releasing = nil
                context.say(
                    OperatorMessage(
                        zh: "已解除 \(customer.rawValue) 的人工凍結", en: "Manual hold on \(customer.rawValue) released"),
                    .success)
            } catch {
                context.fail(error)
                let name = holds.first { $0.customer == customer }?.name ?? ""
                return releaseDialog(
                    customer, name: name, context, problem: context.text(AppContext.message(for: error)),
                    reason: values.first ?? "")
            }
        default: break
        }
        return .stay
    }

    mutating func render(into grid: inout Grid, area: Area, context: AppContext) {
        let theme = context.theme
        let manual = holds.filter { $0.kind.isPlaced }.count
        grid.put(
            context.t(
                "凍結 \(holds.count) 筆（人工 \(manual)、自動 \(holds.count - manual)）",
                "\(holds.count) holds (\(manual) manual, \(holds.count - manual) automatic)"),
            row: area.top + 1, column: 2, style: theme.text)
        table.columns = [
            .init(context.t("客戶", "Cust."), width: 7), .init(context.t("名稱", "Name"), width: 10),
            .init(context.t("種類", "Kind"), width: 10), .init(context.t("原因", "Reason"), width: 0),
            .init(context.t("設定", "Placed"), width: 22),
        ]
        table.setRows(rows(context))
        if let placed, let row = holds.firstIndex(where: { $0.customer == placed && $0.kind.isPlaced }) {
            table.select(row: row)
            self.placed = nil
        }
        table.render(
            into: &grid, top: area.top + 2, left: 1, width: area.columns - 2, height: area.rows - 4, theme: theme)
        if holds.isEmpty {
            grid.put(context.t("（沒有凍結中的客戶）", "(nobody is on hold)"), row: area.top + 3, column: 3, style: theme.dim)
        }
        guard let hold = selected else { return }
        grid.put(
            "\(hold.customer.rawValue) \(hold.name)  " + context.text(hold.reason), row: area.top + area.rows - 1,
            column: 2, style: hold.kind.isPlaced ? theme.warning : theme.text, maxWidth: area.columns - 4)
    }
}
