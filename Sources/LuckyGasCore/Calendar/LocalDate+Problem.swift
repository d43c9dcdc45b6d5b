extension LocalDate {
    /// What is wrong with `text` as a date, in the operator's words, or nil when it is one: a
    /// month 13 is a wrong month and 02-30 a wrong day, not a wrong format.
    public static func problem(with text: String) -> OperatorMessage? {
        let text = text.trimmingSpaces
        guard (try? LocalDate(text)) == nil else { return nil }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else {
            return OperatorMessage(
                zh: "日期「\(text)」格式不對：請輸入年月日（YYYY-MM-DD，或 8 位數字如 20261205）",
                en: "\"\(text)\" is not a date: type year, month, day (YYYY-MM-DD, or 8 digits such as 20261205)")
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
        let last = daysIn(year: year, month: month)
        return OperatorMessage(
            zh: "日期 \(text) 的日 \(day) 不存在：\(year) 年 \(month) 月只有 1 至 \(last) 日",
            en: "The date \(text) has no day \(day): \(year)-\(parts[1]) has days 1 to \(last)")
    }
}
