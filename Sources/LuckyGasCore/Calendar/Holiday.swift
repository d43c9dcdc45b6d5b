/// A day in the branch's holiday table.
///
/// `delivers` tells whether the branch still delivers that day (at the HOLIDAY fee factor) or is
/// closed, which lets the table carry both national holidays and the open days of Lunar New Year.
public struct Holiday: Sendable, Hashable, Codable {
    /// The day.
    public var date: LocalDate
    /// Its name, e.g. 春節.
    public var name: String
    /// Whether deliveries run (at the holiday fee) or the branch is closed.
    public var delivers: Bool

    /// Creates a holiday.
    public init(date: LocalDate, name: String, delivers: Bool) {
        self.date = date
        self.name = name
        self.delivers = delivers
    }
}
