import LuckyGasCore

/// A date as the operator typed it into a date field: the date, or what is wrong with it in
/// their words (a month 13 is a wrong month, not a wrong format).
enum TypedDate {
    /// The date, or nil when `text` is not one.
    static func date(_ text: String) -> LocalDate? { try? LocalDate(text.trimmingSpaces) }

    /// What is wrong with `text` as a date, or nil when it is one (`LocalDate.problem(with:)`).
    static func problem(_ text: String) -> OperatorMessage? { LocalDate.problem(with: text) }
}
