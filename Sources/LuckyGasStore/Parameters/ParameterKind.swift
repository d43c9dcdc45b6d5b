import LuckyGasCore

/// What a branch parameter holds, so a value is checked by its kind when an administrator sets
/// it (the settings screen and `param set`), before the rules that read it check its meaning.
/// An empty value is the default (Docs/operations.md) for every kind; the rules then say
/// whether a default exists.
public enum ParameterKind: Sendable, Hashable {
    /// A time of day, `HH:MM`.
    case time
    /// A whole number of days, hours, minutes or times (`unit` names it).
    case count(unit: OperatorMessage)
    /// Whole New Taiwan dollars.
    case money
    /// `count` whole percentages 0–100, separated by commas (the provision by age).
    case percents(count: Int)
    /// `0` or `1`.
    case flag
    /// Digits, as many as `length` allows.
    case digits(length: ClosedRange<Int>)
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
        case "limits.line_quantity_max": return .count(unit: OperatorMessage(zh: "件", en: "pieces"))
        case "limits.collected_due_multiple": return .count(unit: OperatorMessage(zh: "倍", en: "times"))
        case "einvoice.allowance_supervisor_above", "receivables.collection_balance", "limits.document_amount_max",
            "limits.credit_limit_max":
            return .money
        case "receivables.provision_percent": return .percents(count: AgingBucket.allCases.count)
        case "einvoice.qr_key_is_test", "branch.demo": return .flag
        case "bank.va_prefix": return .digits(length: 3...7)
        case "company.ubn": return .digits(length: 8...8)
        case "company.tax_registration_no": return .digits(length: 9...9)
        case "sample.as_of", "branch.opened_on", "ledger.closed_through": return .date
        default: return .text
        }
    }

    /// The kind's name on the settings screen.
    public var label: OperatorMessage {
        switch self {
        case .time: OperatorMessage(zh: "時間", en: "time")
        case .count(let unit): unit
        case .money: OperatorMessage(zh: "金額", en: "NT$")
        case .percents: OperatorMessage(zh: "百分比", en: "percents")
        case .flag: OperatorMessage(zh: "是否", en: "yes/no")
        case .digits(let length):
            length.count == 1
                ? OperatorMessage(zh: "\(length.lowerBound) 位數字", en: "\(length.lowerBound) digits")
                : OperatorMessage(zh: "數字", en: "digits")
        case .date: OperatorMessage(zh: "日期", en: "date")
        case .secret: OperatorMessage(zh: "密碼", en: "secret")
        case .text: OperatorMessage(zh: "文字", en: "text")
        }
    }

    /// What a value of this kind looks like, in each language (the settings box shows one).
    public var format: OperatorMessage {
        let form: OperatorMessage =
            switch self {
            case .time: OperatorMessage(zh: "HH:MM（例 08:30）", en: "HH:MM (e.g. 08:30)")
            case .count(let unit):
                OperatorMessage(zh: "整數 ≥ 0（\(unit.zh)）", en: "a whole number ≥ 0 (\(unit.en))")
            case .money: OperatorMessage(zh: "整數元 ≥ 0", en: "whole NT$ ≥ 0")
            case .percents(let count):
                OperatorMessage(
                    zh: "\(count) 個 0-100 的百分比，以逗號分隔（例 0,1,5,10,50）", en: "\(count) percents 0-100, e.g. 0,1,5,10,50")
            case .flag: OperatorMessage(zh: "0 或 1", en: "0 or 1")
            case .digits(let length):
                length.count == 1
                    ? OperatorMessage(zh: "\(length.lowerBound) 位數字", en: "\(length.lowerBound) digits")
                    : OperatorMessage(
                        zh: "\(length.lowerBound)-\(length.upperBound) 位數字",
                        en: "\(length.lowerBound)-\(length.upperBound) digits")
            case .date: OperatorMessage(zh: "YYYY-MM-DD", en: "YYYY-MM-DD")
            case .secret: OperatorMessage(zh: "32 個十六進位字元", en: "32 hexadecimal characters")
            case .text: OperatorMessage(zh: "文字", en: "text")
            }
        return self == .secret
            ? form : OperatorMessage(zh: form.zh + "；空白為預設", en: form.en + "; empty for the default")
    }

    /// `format` in both languages, for a refusal that names it in each.
    public var expected: String { format.zh + " " + format.en }

    /// Whether `value` is one of this kind (empty is: it means the default; but a secret is
    /// never emptied by a change — an empty QR key would stop every invoice).
    public func accepts(_ value: String) -> Bool {
        let value = value.trimmingSpaces
        guard !value.isEmpty else { return self != .secret }
        let digitsOnly = value.allSatisfy { $0.isASCII && $0.isNumber }
        switch self {
        case .time:
            let parts = value.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isNumber) }),
                let hours = Int(parts[0]), let minutes = Int(parts[1])
            else { return false }
            return (0...23).contains(hours) && (0...59).contains(minutes) || (hours == 24 && minutes == 0)
        case .count, .money: return digitsOnly && value.count <= 12
        case .percents(let count):
            let parts = value.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
            return parts.count == count
                && parts.allSatisfy { part in
                    !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCIIDigit) && (Int(part) ?? 101) <= 100
                }
        case .flag: return value == "0" || value == "1"
        case .digits(let length): return digitsOnly && length.contains(value.count)
        case .date: return (try? LocalDate(value)) != nil
        case .secret: return value.count == 32 && value.allSatisfy(\.isHexDigit)
        case .text: return true
        }
    }
}
