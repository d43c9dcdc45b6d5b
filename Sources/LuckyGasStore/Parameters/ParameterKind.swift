import LuckyGasCore

/// What a branch parameter holds, so a value is checked by its kind when an administrator sets
/// it (the settings screen and `param set`), before the rules that read it check its meaning.
public enum ParameterKind: Sendable, Hashable {
    /// A time of day, `HH:MM`.
    case time
    /// A whole number of days, hours, minutes or times (`unit` names it).
    case count(unit: OperatorMessage)
    /// Whole New Taiwan dollars.
    case money
    /// `0` or `1`.
    case flag
    /// Exactly `length` digits, or empty when `optional`.
    case digits(length: Int, optional: Bool)
    /// A date, `YYYY-MM-DD`.
    case date
    /// A secret: 32 hexadecimal characters, shown masked.
    case secret
    /// Free text.
    case text

    /// The kind of parameter `key` (free text for a key this version does not know).
    public static func of(_ key: String) -> ParameterKind {
        if Parameters.isSecret(key) { return .secret }
        switch key {
        case "business.weekday_open", "business.weekday_close", "business.saturday_open", "business.saturday_close",
            "order.same_day_cutoff":
            return .time
        case "order.advance_booking_days", "credit.overdue_hold_days", "receivables.collection_days",
            "receivables.dso_days":
            return .count(unit: OperatorMessage(zh: "天", en: "days"))
        case "order.cancellation_window_hours", "order.urgent_within_hours":
            return .count(unit: OperatorMessage(zh: "小時", en: "hours"))
        case "auth.lock_minutes": return .count(unit: OperatorMessage(zh: "分鐘", en: "minutes"))
        case "auth.max_failed_attempts": return .count(unit: OperatorMessage(zh: "次", en: "times"))
        case "einvoice.allowance_supervisor_above", "receivables.collection_balance": return .money
        case "einvoice.qr_key_is_test", "branch.demo": return .flag
        case "bank.va_prefix": return .digits(length: 5, optional: false)
        case "company.ubn": return .digits(length: 8, optional: true)
        case "sample.as_of": return .date
        default: return .text
        }
    }

    /// The kind's name on the settings screen.
    public var label: OperatorMessage {
        switch self {
        case .time: OperatorMessage(zh: "時間", en: "time")
        case .count(let unit): unit
        case .money: OperatorMessage(zh: "金額", en: "NT$")
        case .flag: OperatorMessage(zh: "是否", en: "yes/no")
        case .digits(let length, _): OperatorMessage(zh: "\(length) 位數字", en: "\(length) digits")
        case .date: OperatorMessage(zh: "日期", en: "date")
        case .secret: OperatorMessage(zh: "密碼", en: "secret")
        case .text: OperatorMessage(zh: "文字", en: "text")
        }
    }

    /// What a value of this kind looks like, for a message and the edit box.
    public var expected: String {
        switch self {
        case .time: "HH:MM（例 08:30）"
        case .count(let unit): "整數 ≥ 0（\(unit.zh)）a whole number ≥ 0 (\(unit.en))"
        case .money: "整數元 ≥ 0 whole NT$ ≥ 0"
        case .flag: "0 或 1 (0 or 1)"
        case .digits(let length, let optional):
            "\(length) 位數字\(optional ? "或空白" : "") \(length) digits\(optional ? " or empty" : "")"
        case .date: "YYYY-MM-DD"
        case .secret: "32 個十六進位字元 32 hexadecimal characters"
        case .text: "文字 text"
        }
    }

    /// Whether `value` is one of this kind.
    public func accepts(_ value: String) -> Bool {
        let value = value.trimmingSpaces
        let digitsOnly = !value.isEmpty && value.allSatisfy { $0.isASCII && $0.isNumber }
        switch self {
        case .time:
            let parts = value.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isNumber) }),
                let hours = Int(parts[0]), let minutes = Int(parts[1])
            else { return false }
            return (0...23).contains(hours) && (0...59).contains(minutes) || (hours == 24 && minutes == 0)
        case .count, .money: return digitsOnly && value.count <= 12
        case .flag: return value == "0" || value == "1"
        case .digits(let length, let optional):
            return (optional && value.isEmpty) || (digitsOnly && value.count == length)
        case .date: return (try? LocalDate(value)) != nil
        case .secret: return value.count == 32 && value.allSatisfy(\.isHexDigit)
        case .text: return true
        }
    }
}
