/// The calendar parameters (DOMAIN.md "Time and slots", all (param)).
public struct CalendarRules: Sendable, Hashable, Codable {
    /// Monday-Friday opening, minutes after midnight (08:00).
    public var weekdayOpen = 8 * 60
    /// Monday-Friday closing (18:00).
    public var weekdayClose = 18 * 60
    /// Saturday opening (08:00).
    public var saturdayOpen = 8 * 60
    /// Saturday closing (12:00).
    public var saturdayClose = 12 * 60
    /// Same-day cutoff: after it only URGENT (14:00).
    public var sameDayCutoff = 14 * 60
    /// How many days ahead an order may be booked (30).
    public var advanceBookingDays = 30
    /// Cancellation allowed until this many hours before slot start (4).
    public var cancellationWindowHours = 4
    /// URGENT deliveries arrive within this many hours (2).
    public var urgentWithinHours = 2

    /// The defaults of DOMAIN.md.
    public init() {}
}
