/// A two-month e-invoice period (期別), named by ROC year and its even end month: `11512` is
/// 115年11-12月 (November and December 2026).
public struct InvoicePeriod: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// ROC year (Gregorian year − 1911).
    public let rocYear: Int
    /// The even end month, 2...12.
    public let endMonth: Int

    /// The period holding `date`.
    public init(containing date: LocalDate) {
        rocYear = date.rocYear
        endMonth = date.month + date.month % 2
    }

    /// Parses `11512` (ROC year, even end month).
    public init(_ text: String) throws(InvoicingError) {
        let value = text.trimmingSpaces
        guard value.count == 5, value.allSatisfy(\.isASCIIDigit), let year = Int(value.prefix(3)),
            let month = Int(value.suffix(2)), year > 0, month % 2 == 0, (2...12).contains(month)
        else { throw .period(text) }
        rocYear = year
        endMonth = month
    }

    /// `11512`.
    public var code: String { String(rocYear).leftPadded(to: 3) + LocalDate.two(endMonth) }

    /// The Gregorian year.
    public var year: Int { rocYear + 1911 }

    /// The first day (1st of the odd month).
    public var start: LocalDate { LocalDate(checkedYear: year, month: endMonth - 1, day: 1) }

    /// The last day.
    public var end: LocalDate { LocalDate(checkedYear: year, month: endMonth, day: 1).endOfMonth }

    /// Whether `date` falls in the period.
    public func contains(_ date: LocalDate) -> Bool { date >= start && date <= end }

    /// The next period.
    public var next: InvoicePeriod { InvoicePeriod(containing: end.adding(days: 1)) }

    /// The previous period.
    public var previous: InvoicePeriod { InvoicePeriod(containing: start.adding(days: -1)) }

    /// The last day an invoice of this period may still be cancelled (作廢): the VAT filing
    /// deadline, the 15th of the month after the period. Later corrections are allowances.
    public var cancelDeadline: LocalDate { LocalDate(checkedYear: next.year, month: next.endMonth - 1, day: 15) }

    /// The last day to report the unused numbers (E0402): the 10th of the next period.
    public var blankReportDeadline: LocalDate {
        LocalDate(checkedYear: next.year, month: next.endMonth - 1, day: 10)
    }

    /// `115年11-12月`.
    public var label: String { "\(rocYear)年\(LocalDate.two(endMonth - 1))-\(LocalDate.two(endMonth))月" }

    /// `2026 Nov-Dec`.
    public var englishLabel: String {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(year) \(names[endMonth - 2])-\(names[endMonth - 1])"
    }

    public var description: String { code }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.rocYear, lhs.endMonth) < (rhs.rocYear, rhs.endMonth) }

    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
