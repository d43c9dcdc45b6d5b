import LuckyGasCore
import LuckyGasTerminal

/// The supervisor's part of an override box: their own user and password, and (for a credit
/// override) the reason. After a failed try the name and reason come back filled in and the
/// cursor waits on the password.
enum SupervisorApproval {
    static func form(_ context: AppContext, supervisor: String, reason: String?) -> Form {
        var fields = [
            InputField(
                .text, label: context.t("主管帳號", "Supervisor"), text: supervisor, width: 16, row: 0, labelWidth: 12,
                maxLength: 32),
            InputField(.secret, label: context.t("主管密碼", "Password"), width: 16, row: 1, labelWidth: 12, maxLength: 64),
        ]
        if let reason {
            fields.append(
                InputField(
                    .text, label: context.t("原因", "Reason"), text: reason, width: 24, row: 2, labelWidth: 12,
                    maxLength: 80))
        }
        var form = Form(fields)
        form.focus(on: supervisor.isEmpty ? 0 : 1)
        return form
    }
}

extension CustomerID {
    /// The id a clerk typed at the start of a field (`c000123`, `C000123 王大明`), if any.
    static func typed(_ text: String) -> CustomerID? {
        let first = text.trimmingSpaces.split(separator: " ").first.map { String($0).uppercased() } ?? ""
        return try? CustomerID(first)
    }
}
