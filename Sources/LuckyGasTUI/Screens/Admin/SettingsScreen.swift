import LuckyGasCore
import LuckyGasStore
import LuckyGasTerminal

/// The administrator's settings (參數設定) over the branch's `parameter` table: each value with
/// its kind and description, the secret masked. Enter (or F3) changes the selected value: the
/// box says what the kind takes, asks for a reason, and the store checks the value by its kind
/// and by the rules that read it before anything is saved; the old and new values are audited.
struct SettingsScreen: Screen {
    static let editTag = "parameter.edit"

    private var parameters: [ParameterRecord] = []
    private var table = TableView(columns: [], filters: true)
    private var editing: String?

    var title: OperatorMessage { tr("參數設定", "Settings") }
    var functionKeys: [Int: OperatorMessage] { [3: tr("修改", "Change")] }

    func offeredKeys(context: AppContext) -> [Int: OperatorMessage] {
        context.may(.administer) && selected != nil ? functionKeys : [:]
    }

    var help: [KeyHelp] {
        [
            KeyHelp(keys: "Enter", meaning: tr("修改所選參數（須填原因）", "change the selected value (with a reason)")),
            KeyHelp(keys: "↑ ↓", meaning: tr("選擇參數（輸入文字即篩選）", "choose a parameter (typing filters)")),
            KeyHelp(keys: "Esc", meaning: tr("返回", "back")),
        ]
    }

    private var selected: ParameterRecord? {
        guard let row = table.selectedRow, parameters.indices.contains(row) else { return nil }
        return parameters[row]
    }

    mutating func refresh(context: AppContext) {
        do {
            parameters = try context.database.parameters()
        } catch {
            parameters = []
            context.fail(error)
        }
        table.setRows(rows(context))
    }

    private func rows(_ context: AppContext) -> [[String]] {
        parameters.map { parameter in
            [
                parameter.key, parameter.value.isEmpty ? context.t("（預設）", "(default)") : parameter.value,
                context.text(parameter.kind.label), Self.description(parameter.description, context),
            ]
        }
    }

    /// The stored description is `中文 English`: the screen's language only (the English part
    /// starts at the first letter after the last Chinese character).
    static func description(_ text: String, _ context: AppContext) -> String {
        guard let lastChinese = text.lastIndex(where: { !$0.isASCII && DisplayWidth.of($0) == 2 }),
            let split = text[lastChinese...].firstIndex(where: { $0.isASCII && $0.isLetter })
        else { return text }
        let chinese = String(text[..<split]).trimmingSpaces
        let english = String(text[split...]).trimmingSpaces
        return context.language == .chinese ? chinese : english
    }

    mutating func handle(_ key: Key, context: AppContext) -> Navigation {
        switch key {
        case .enter, .function(3):
            guard context.may(.administer) else { return context.denied(.administer) }
            guard let parameter = selected else { return .stay }
            return editDialog(parameter, context, values: nil, problem: nil)
        case .escape where !table.filter.text.isEmpty: table.setFilter("")
        case .escape: return .pop(nil)
        default: _ = table.handle(key)
        }
        return .stay
    }

    private mutating func editDialog(
        _ parameter: ParameterRecord, _ context: AppContext, values: [String]?, problem: String?
    ) -> Navigation {
        editing = parameter.key
        let current = parameter.isSecret ? "" : parameter.value
        var form = Form([
            InputField(
                parameter.isSecret ? .secret : .text, label: context.t("新值", "New value"), text: values?[0] ?? current,
                width: 34, row: 0, labelWidth: 10, maxLength: 120),
            InputField(
                .text, label: context.t("原因", "Reason"), text: values?[1] ?? "", width: 34, row: 1, labelWidth: 10,
                maxLength: 80),
        ])
        form.focus(on: values == nil || problem == nil ? 0 : 1)
        let now =
            parameter.isSecret
            ? (parameter.value.isEmpty ? context.t("（未設定）", "(not set)") : "***")
            : (parameter.value.isEmpty ? context.t("（預設）", "(default)") : parameter.value)
        var box = Dialog(
            .form(form), title: context.t("修改 ", "Change ") + parameter.key,
            lines: [
                Self.description(parameter.description, context),
                context.t("目前：", "Now: ") + now,
                context.t("格式：", "Takes: ") + context.text(parameter.kind.format),
            ],
            hint: context.t("Enter 儲存   Esc 取消", "Enter save   Esc cancel"))
        box.problem = problem
        return .dialog(box, tag: Self.editTag)
    }

    mutating func dialogFinished(tag: String, outcome: Dialog.Outcome, context: AppContext) -> Navigation {
        guard tag == Self.editTag, case .submitted(let values) = outcome, values.count == 2, let key = editing,
            let parameter = parameters.first(where: { $0.key == key }), let session = context.user
        else { return .stay }
        guard !values[1].trimmingSpaces.isEmpty else {
            return editDialog(
                parameter, context, values: values,
                problem: context.t("請填寫修改原因（會記錄在稽核紀錄）", "Give a reason (it goes in the audit log)"))
        }
        do {
            try context.database.changeParameter(key, value: values[0], reason: values[1], by: session)
        } catch {
            return editDialog(parameter, context, values: values, problem: context.text(AppContext.message(for: error)))
        }
        editing = nil
        let shown = parameter.isSecret ? "***" : values[0].trimmingSpaces
        context.say(OperatorMessage(zh: "已儲存 \(key) = \(shown)", en: "Saved \(key) = \(shown)"), .success)
        return .stay
    }

    mutating func render(into grid: inout Grid, area: Area, context: AppContext) {
        let theme = context.theme
        if table.filter.text.isEmpty {
            grid.put(
                context.t(
                    "分店參數 \(parameters.count) 項；修改需原因，新舊值記入稽核",
                    "\(parameters.count) branch parameters; each change needs a reason and is audited"),
                row: area.top + 1, column: 2, style: theme.text)
        } else {
            grid.put(
                context.t("篩選：", "Filter: ") + table.filter.text + "  \(table.position)"
                    + context.t("（Esc 清除）", " (Esc clears)"), row: area.top + 1, column: 2, style: theme.dim)
        }
        table.columns = [
            .init(context.t("參數", "Parameter"), width: 30, identifier: true), .init(context.t("值", "Value"), width: 18),
            .init(context.t("種類", "Kind"), width: 9), .init(context.t("說明", "Description"), width: 0),
        ]
        table.setRows(rows(context))
        table.render(
            into: &grid, top: area.top + 2, left: 1, width: area.columns - 2, height: area.rows - 3, theme: theme)
    }
}
