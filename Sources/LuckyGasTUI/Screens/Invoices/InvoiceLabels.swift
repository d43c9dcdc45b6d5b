import LuckyGasCore
import LuckyGasStore

/// Two-language names of invoicing values (invoice and upload states, platform messages) for the
/// screens, so English never shows a stored code such as `ISSUED`.
enum InvoiceLabels {
    /// 已開立 / issued, 已作廢 / cancelled.
    static func status(_ status: InvoiceStatus) -> OperatorMessage {
        switch status {
        case .issued: OperatorMessage(zh: status.chinese, en: "issued")
        case .cancelled: OperatorMessage(zh: status.chinese, en: "cancelled")
        }
    }

    /// 待匯出 / pending, 已匯出 / exported, 已接受 / accepted, 被退回 / rejected.
    static func upload(_ status: UploadStatus) -> OperatorMessage {
        switch status {
        case .pending: OperatorMessage(zh: status.chinese, en: "pending")
        case .exported: OperatorMessage(zh: status.chinese, en: "exported")
        case .accepted: OperatorMessage(zh: status.chinese, en: "accepted")
        case .rejected: OperatorMessage(zh: status.chinese, en: "rejected")
        }
    }

    /// What a platform message does: F0401 開立 / issue ...
    static func message(_ type: String) -> OperatorMessage {
        switch type {
        case "F0401": tr("開立", "issue")
        case "F0501": tr("作廢", "cancel")
        case "F0701": tr("註銷", "void")
        case "G0401": tr("折讓", "allowance")
        case "G0501": tr("作廢折讓", "allow. cancel")
        case "E0402": tr("空白字軌", "blank numbers")
        default: OperatorMessage(zh: "", en: "")
        }
    }
}
