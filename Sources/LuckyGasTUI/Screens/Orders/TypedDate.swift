import LuckyGasCore

/// A date as the operator typed it into a date field: the date, or what is wrong with it in
/// their words (a month 13 is a wrong month, not a wrong format).
enum TypedDate {
    /// The date, or nil when `text` is not one.
    static func date(_ text: String) -> LocalDate? { try? LocalDate(text.trimmingSpaces) }

    /// What is wrong with `text` as a date, or nil when it is one.
    static func problem(_ text: String) -> OperatorMessage? {
        let text = text.trimmingSpaces
        guard date(text) == nil else { return nil }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else {
            return OperatorMessage(
                zh: "日期「\(text)」不完整：請輸入 8 位數字（年月日，例如 20261205）",
                en: "The date \"\(text)\" is incomplete: type 8 digits (year, month, day, e.g. 20261205)")
        }
        guard (1...12).contains(month) else {
            return OperatorMessage(
                zh: "日期 \(text) 的月份 \(month) 不存在：月份為 01 至 12",
                en: "The date \(text) has no month \(month): months are 01 to 12")
        }
        guard (1900...2999).contains(year) else {
            return OperatorMessage(
                zh: "日期 \(text) 的年份 \(year) 不合理", en: "The date \(text) has an unlikely year \(year)")
        }
        let last = LocalDate.daysIn(year: year, month: month)
        return OperatorMessage(
            zh: "日期 \(text) 的日 \(day) 不存在：\(year) 年 \(month) 月只有 1 至 \(last) 日",
            en: "The date \(text) has no day \(day): \(year)-\(parts[1]) has days 1 to \(last)")
    }
}
