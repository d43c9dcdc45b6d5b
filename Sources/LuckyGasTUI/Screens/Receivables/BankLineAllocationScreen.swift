import LuckyGasCore
import LuckyGasStore
import LuckyGasTerminal

/// Matching a bank line to a customer chosen by hand: the line on top, the customer's open items
/// below. Tick items (or F5 for items named in the line's text, then oldest due first); F2 posts
/// the line as that customer's receipt, with what is not ticked kept as their credit.
struct BankLineAllocationScreen: Screen {
    static let acceptTag = "bankLine.accept"

    let line: BankLineRecord
    let customer: CustomerID
    private var name = ""
    private var credit: Money = .zero
    private var allocation = AllocationTable()

    init(line: BankLineRecord, customer: CustomerID) {
        self.line = line
        self.customer = customer
    }

    var title: OperatorMessage {
        OperatorMessage(zh: "對帳明細 #\(line.id) 指定客戶", en: "Statement line #\(line.id) to a customer")
    }
    var functionKeys: [Int: OperatorMessage] { [2: tr("入帳", "Accept"), 5: tr("自動沖銷", "Auto")] }
    var help: [KeyHelp] {
        [
            KeyHelp(keys: "Space / Enter", meaning: tr("勾選帳款，帶入剩餘金額", "tick an item; it takes what is left")),
            KeyHelp(keys: "0-9 Backspace", meaning: tr("修改沖銷金額", "change the amount applied")),
            KeyHelp(keys: "F5", meaning: tr("自動沖銷：摘要單號優先，再依到期日最舊", "auto: items the text names, then oldest due")),
            KeyHelp(keys: "F2", meaning: tr("入帳；未勾選的金額列為預收", "accept; what is not applied stays as credit")),
        ]
    }

    mutating func refresh(context: AppContext) {
        do {
            name = try context.database.customer(customer)?.customer.name ?? ""
            let open = try context.database.openItems(of: customer)
            allocation.load(open.items)
            credit = open.unapplied
        } catch {
            context.fail(error)
        }
    }

    mutating func handle(_ key: Key, context: AppContext) -> Navigation {
        switch key {
        case .escape: return .pop(nil)
        case .function(5):
            allocation.automatic(available: line.amount, reference: line.text)
        case .function(2):
            let applied = allocation.allocated
            guard applied <= line.amount else {
                context.fail(ReceivablesError.bankLineAmount(line.id, amount: line.amount, allocated: applied))
                return .stay
            }
            let lines = [
                "\(line.valueDate.iso)  \(line.amount.description)  \(line.text)",
                context.t("客戶 ", "Customer ") + "\(customer.rawValue) \(name)",
                context.t(
                    "沖銷 \(applied.grouped)（\(allocation.shares.count) 筆）  預收 \((line.amount - applied).grouped)",
                    "Applied \(applied.grouped) (items: \(allocation.shares.count))  "
                        + "credit \((line.amount - applied).grouped)"
                ),
            ]
            return .dialog(
                Dialog(
                    .confirm(defaultYes: true), title: context.t("入帳？", "Post this line?"), lines: lines,
                    hint: context.t("Y/Enter 入帳   N 返回", "Y/Enter post   N go back")), tag: Self.acceptTag)
        default:
            if case .refused(let why) = allocation.handle(key, available: line.amount) { context.say(why, .error) }
        }
        return .stay
    }

    mutating func dialogFinished(tag: String, outcome: Dialog.Outcome, context: AppContext) -> Navigation {
        guard tag == Self.acceptTag, outcome == .confirmed, let user = context.user else { return .stay }
        do {
            let payment = try context.database.acceptBankLine(
                line.id, customer: customer, shares: allocation.shares, by: user)
            context.say(StatementMatchScreen.posted(payment), .success)
            return .pop(.changed)
        } catch {
            context.fail(error)
            return .stay
        }
    }

    mutating func render(into grid: inout Grid, area: Area, context: AppContext) {
        let theme = context.theme
        grid.put(
            "#\(line.id) \(line.valueDate.iso)  \(line.amount.description)  " + (line.payerName ?? ""),
            row: area.top + 1, column: 2, style: theme.heading, maxWidth: area.columns - 4)
        grid.put(
            context.t("摘要：", "Text: ") + line.text, row: area.top + 2, column: 2, style: theme.text,
            maxWidth: area.columns - 4)
        grid.put(
            context.t("客戶 ", "Customer ") + "\(customer.rawValue) \(name)  " + context.t("既有預收 ", "existing credit ")
                + credit.grouped, row: area.top + 3, column: 2, style: theme.text, maxWidth: area.columns - 4)
        let left = line.amount - allocation.allocated
        grid.put(
            context.t(
                "入帳 \(line.amount.grouped)  本次沖銷 \(allocation.allocated.grouped)  未沖銷（預收）\(left.grouped)",
                "In \(line.amount.grouped)  applied \(allocation.allocated.grouped)  credit \(left.grouped)"),
            row: area.top + 4, column: 2, style: left < .zero ? theme.error : theme.text, maxWidth: area.columns - 4)
        allocation.render(
            into: &grid, top: area.top + 6, left: 1, width: area.columns - 2, height: area.rows - 6, context: context,
            focused: true)
        grid.cursor = nil
    }
}
