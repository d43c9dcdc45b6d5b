import LuckyGasCore
import LuckyGasTerminal

/// A customer's open items with the amount to put on each, shared by payment entry, applying
/// earlier credit and matching a bank line by hand. Space or Enter ticks the selected item and
/// fills in what is left of the money (never more than the item still has open); digits retype
/// the amount of the selected item and Backspace takes a digit off.
struct AllocationTable {
    /// What a key did.
    enum Response: Equatable {
        /// The table used it.
        case used
        /// Not a table key.
        case ignored
        /// Refused, with why (for the status line).
        case refused(OperatorMessage)
    }

    /// The open items, oldest due first (the store's order).
    private(set) var items: [OpenItemBalance] = []
    /// Amounts of the ticked items by item id.
    private(set) var amounts: [Int64: Money] = [:]
    /// Digits typed on the selected row since it was selected (the first digit replaces).
    private var typing = false
    private var table = TableView(columns: [])

    /// The item under the selection.
    var selected: OpenItemBalance? {
        guard let row = table.selectedRow, items.indices.contains(row) else { return nil }
        return items[row]
    }

    /// `3/12`.
    var position: String { table.position }

    /// The sum of the ticked amounts.
    var allocated: Money { amounts.values.sum() }

    /// The ticked items with an amount, in table order, as the store's `.chosen` wants them.
    var shares: [(reference: String, amount: Money)] {
        items.compactMap { item in
            guard let amount = amounts[item.id], amount > .zero else { return nil }
            return (item.reference, amount)
        }
    }

    /// Shows these items; ticks on items still open are kept (cut to what is still open).
    mutating func load(_ items: [OpenItemBalance]) {
        self.items = items
        var kept: [Int64: Money] = [:]
        for item in items {
            if let amount = amounts[item.id] { kept[item.id] = min(amount, item.open) }
        }
        amounts = kept
        typing = false
        // Rows for the selection until `render` fills in the text.
        table.setRows(items.map { [$0.reference] })
    }

    /// Unticks everything.
    mutating func clear() {
        amounts = [:]
        typing = false
    }

    /// Fills the amounts the way the store's automatic allocation would: items named in
    /// `reference` first, then oldest due first, until `available` runs out.
    mutating func automatic(available: Money, reference: String) {
        let named = Set(StatementMatcher.documentTokens(in: reference))
        let first = AllocationPlan.oldestFirst(items.filter { named.contains($0.reference) }, amount: available)
        let used = Set(first.map(\.item))
        let rest = available - first.map(\.amount).sum()
        let shares = first + AllocationPlan.oldestFirst(items.filter { !used.contains($0.id) }, amount: rest)
        amounts = Dictionary(shares.map { ($0.item, $0.amount) }, uniquingKeysWith: +)
        typing = false
    }

    /// Applies a key; `available` is the money to spread (the payment, the credit, the line).
    mutating func handle(_ key: Key, available: Money) -> Response {
        switch key {
        case .up, .down, .pageUp, .pageDown, .home, .end:
            typing = false
            return table.handle(key) ? .used : .ignored
        case .character(" "), .enter:
            return toggle(available: available)
        case .backspace:
            return erase()
        case .character(let character) where character.isASCIIDigit:
            return type(character)
        case .character:
            return .refused(tr("沖銷金額只能輸入數字", "Amounts to apply are digits only"))
        default:
            return .ignored
        }
    }

    /// Ticks or unticks the selected item; a tick takes the lesser of its open amount and what
    /// `available` has left after the other ticks.
    mutating func toggle(available: Money) -> Response {
        guard let item = selected else { return .ignored }
        typing = false
        if amounts[item.id] != nil {
            amounts[item.id] = nil
            return .used
        }
        let left = available - allocated
        guard left > .zero else {
            return .refused(tr("沒有剩餘金額可沖銷（先輸入金額）", "Nothing left to apply (enter the amount first)"))
        }
        amounts[item.id] = min(item.open, left)
        return .used
    }

    private mutating func type(_ digit: Character) -> Response {
        guard let item = selected, let value = digit.wholeNumberValue else { return .ignored }
        let current = typing ? (amounts[item.id]?.amount ?? 0) : 0
        let (shifted, overflow) = current.multipliedReportingOverflow(by: 10)
        let next = shifted + Int64(value)
        guard !overflow, next <= item.open.amount else {
            return .refused(
                OperatorMessage(
                    zh: "\(item.reference) 未收僅 \(item.open.grouped)，沖銷不可超過",
                    en: "\(item.reference) has only \(item.open.grouped) open"))
        }
        typing = true
        amounts[item.id] = Money(next)
        return .used
    }

    private mutating func erase() -> Response {
        guard let item = selected, let amount = amounts[item.id] else { return .ignored }
        typing = true
        let next = amount.amount / 10
        amounts[item.id] = next == 0 ? nil : Money(next)
        return .used
    }

    /// Draws the items: tick, reference, kind, dates, amount, open and the amount to apply.
    mutating func render(
        into grid: inout Grid, top: Int, left: Int, width: Int, height: Int, context: AppContext, focused: Bool
    ) {
        table.columns = [
            .init("", width: 1), .init(context.t("單號", "Reference"), width: 10, identifier: true),
            .init(context.t("種類", "Kind"), width: 6), .init(context.t("日期", "Date"), width: 10),
            .init(context.t("到期", "Due"), width: 10), .init(context.t("金額", "Amount"), width: 9, alignRight: true),
            .init(context.t("未收", "Open"), width: 9, alignRight: true),
            .init(context.t("沖銷", "Apply"), width: 9, alignRight: true),
        ]
        table.setRows(
            items.map { item in
                let amount = amounts[item.id]
                return [
                    amount == nil ? "" : "✓", item.reference,
                    context.text(ReceivablesLabels.itemKind(item.kind, short: true)),
                    item.date.iso, item.due.iso, item.amount.grouped, item.open.grouped, amount?.grouped ?? "",
                ]
            })
        table.render(
            into: &grid, top: top, left: left, width: width, height: height, theme: context.theme, focused: focused)
        if items.isEmpty {
            grid.put(
                context.t("（沒有未結帳款）", "(no open items)"), row: top + 1, column: left + 2, style: context.theme.dim)
        }
    }
}
