import LuckyGasCore
import LuckyGasStore
import LuckyGasTerminal

/// Cancelling an order from the list or the order screen: ask the reason, cancel through the
/// store; past the cancellation window ask a supervisor's user and password and try again.
struct OrderCancellation {
    static let reasonTag = "cancel.reason"
    static let overrideTag = "cancel.override"

    private(set) var number: OrderNumber?
    private var reason = ""
    private var deadline: LocalDateTime?

    /// Asks for the reason of cancelling `number`.
    mutating func begin(_ number: OrderNumber, context: AppContext, problem: String? = nil) -> Navigation {
        self.number = number
        let form = Form([
            InputField(.text, label: context.t("原因", "Reason"), width: 30, row: 0, labelWidth: 8, maxLength: 80)
        ])
        var box = Dialog(
            .form(form), title: context.t("取消訂單 ", "Cancel order ") + number.rawValue,
            lines: [context.t("請輸入取消原因（必填）", "Why is it cancelled? (required)")],
            hint: context.t("Enter 取消訂單   Esc 不取消", "Enter cancel it   Esc keep it"))
        box.problem = problem
        return .dialog(box, tag: Self.reasonTag)
    }

    /// Whether this dialog tag belongs to the cancellation.
    static func owns(_ tag: String) -> Bool { tag == reasonTag || tag == overrideTag }

    /// Continues after a dialog; returns the next navigation and whether the order was cancelled.
    mutating func finish(tag: String, outcome: Dialog.Outcome, context: AppContext) -> (Navigation, Bool) {
        guard let number, case .submitted(let values) = outcome, let user = context.user else { return (.stay, false) }
        var approval: OverrideApproval?
        if tag == Self.reasonTag {
            reason = (values.first ?? "").trimmingSpaces
            if reason.isEmpty {
                return (begin(number, context: context, problem: context.t("請輸入原因", "A reason is required")), false)
            }
        } else if values.count >= 2 {
            approval = OverrideApproval(supervisor: values[0], password: values[1], reason: reason)
        }
        do {
            try context.database.cancelOrder(number, reason: reason, by: user, override: approval)
            context.say(OperatorMessage(zh: "已取消訂單 \(number)", en: "Order \(number) cancelled"), .success)
            return (.stay, true)
        } catch StoreError.cancellationWindowPassed(let deadline) {
            self.deadline = deadline
            return (overrideDialog(context, supervisor: "", problem: nil), false)
        } catch {
            context.say(OrderAction.cancel.message(for: error), .error)
            // A failed approval asks again with the supervisor's name and the reason kept.
            if let approval {
                return (
                    overrideDialog(
                        context, supervisor: approval.supervisor, problem: context.text(AppContext.message(for: error))),
                    false
                )
            }
            return (.stay, false)
        }
    }

    private func overrideDialog(_ context: AppContext, supervisor: String, problem: String?) -> Navigation {
        let form = SupervisorApproval.form(context, supervisor: supervisor, reason: nil)
        var box = Dialog(
            .form(form), title: context.t("已過取消期限：需主管核准", "Past the cancel window: supervisor needed"),
            lines: [
                context.t("取消期限 ", "Deadline ") + (deadline?.short ?? "-"), context.t("原因：", "Reason: ") + reason,
            ],
            hint: context.t("Enter 核准   Esc 不取消", "Enter approve   Esc keep it"))
        box.problem = problem
        return .dialog(box, tag: Self.overrideTag)
    }
}
