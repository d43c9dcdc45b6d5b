import LuckyGasCore
import LuckyGasStore

/// What the order screens let an operator do to an order (F6 deliver, F8 cancel): whether the
/// role and the order's status allow it, and if not, why and what to do instead, in words
/// (never the life-cycle's code words such as `CANCEL`).
enum OrderAction {
    /// F6: delivered in full, the invoice issued.
    case deliver
    /// F8: cancelled with a reason.
    case cancel

    /// The event of the life cycle.
    var event: OrderEvent { self == .deliver ? .deliver : .cancel }

    /// The action's name.
    var name: OperatorMessage { self == .deliver ? tr("送達開票", "Deliver") : tr("取消訂單", "Cancel order") }

    /// Whether the signed-in role may do it.
    func allowed(_ context: AppContext) -> Bool {
        switch self {
        case .deliver: context.may(.dispatch) || context.may(.placeOrders)
        case .cancel: context.may(.cancelOrders)
        }
    }

    /// The permission to name when the role may not.
    var permission: Permission { self == .deliver ? .dispatch : .cancelOrders }

    /// Whether an order in `status` allows it.
    func applies(to status: OrderStatus) -> Bool { (try? status.applying(event)) != nil }

    /// Why an order in `status` does not allow it, and what to do instead.
    func refusal(_ status: OrderStatus) -> OperatorMessage {
        let state = Labels.status(status)
        let what = OperatorMessage(
            zh: "訂單\(state.zh)，不能\(name.zh)", en: "The order is \(state.en.lowercased()): it cannot be \(pastTense)")
        let next: OperatorMessage =
            switch (self, status) {
            case (.cancel, .cancelled): tr("已經取消，不需再做", "it is cancelled already")
            case (.cancel, .delivered):
                tr("請在發票作業作廢發票或開立折讓", "cancel its invoice or issue an allowance under Invoices")
            case (.cancel, .enRoute):
                tr("請調度先登錄配送失敗，再取消", "dispatch records the delivery as failed first, then cancel it")
            case (.deliver, .cancelled): tr("如仍要送貨，請重新下單", "to deliver anyway, place a new order")
            case (.deliver, .delivered): tr("已經送達，發票已開立", "it is delivered and invoiced already")
            case (.deliver, .assigned):
                tr("已派車：由調度在出車後登錄送達", "it is assigned: dispatch records the delivery from the road")
            case (.deliver, .failed):
                tr("配送失敗：請調度改期後再送，或取消訂單", "delivery failed: dispatch reschedules it, or cancel it")
            default: tr("請重新整理（F5）查看目前狀態", "reload to see where it is now")
            }
        return OperatorMessage(zh: what.zh + "：" + next.zh, en: what.en + ": " + next.en)
    }

    private var pastTense: String { self == .deliver ? "delivered" : "cancelled" }

    /// The operator's words for an error of this action: a refused life-cycle step is said with
    /// the action's name and what to do next; anything else as the store says it.
    func message(for error: any Error) -> OperatorMessage {
        switch error {
        case let error as IllegalTransition: refusal(error.from)
        case StoreError.transition(let error): refusal(error.from)
        default: AppContext.message(for: error)
        }
    }
}
