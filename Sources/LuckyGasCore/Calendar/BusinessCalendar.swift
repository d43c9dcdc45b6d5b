/// The branch calendar: business hours, Sundays, holidays, same-day cutoff, advance booking and the
/// cancellation window (DOMAIN.md "Time and slots").
public struct BusinessCalendar: Sendable {
    /// The parameters.
    public var rules: CalendarRules
    private var holidays: [LocalDate: Holiday]

    /// Creates a calendar from its parameters and the holiday table.
    public init(rules: CalendarRules = CalendarRules(), holidays: [Holiday] = []) {
        self.rules = rules
        self.holidays = Dictionary(holidays.map { ($0.date, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The holiday of `date`, if the table has one.
    public func holiday(on date: LocalDate) -> Holiday? { holidays[date] }

    /// Opening and closing minutes of `date`, or nil when the branch is closed (Sunday, closed holiday).
    public func openingHours(on date: LocalDate) -> ClosedRange<Int>? {
        if let holiday = holidays[date], !holiday.delivers { return nil }
        switch date.weekday {
        case .sunday: return nil
        case .saturday: return rules.saturdayOpen...rules.saturdayClose
        default: return rules.weekdayOpen...rules.weekdayClose
        }
    }

    /// Why the branch is closed on `date`, or nil when open.
    public func closedReason(on date: LocalDate) -> OperatorMessage? {
        if let holiday = holidays[date], !holiday.delivers {
            return OperatorMessage(zh: holiday.name, en: holiday.name)
        }
        return date.weekday == .sunday ? OperatorMessage(zh: "週日公休", en: "closed on Sundays") : nil
    }

    /// Whether `date` is a holiday on which the branch delivers (HOLIDAY fee factor).
    public func isHolidayService(_ date: LocalDate) -> Bool { holidays[date]?.delivers == true }

    /// The slots offered on `date`: scheduled slots that start within opening hours, plus URGENT.
    ///
    /// Weekdays offer MORNING, AFTERNOON and EVENING (evening runs past office hours by design);
    /// Saturday (08-12) offers MORNING only.
    public func slots(on date: LocalDate) -> [DeliverySlot] {
        guard let hours = openingHours(on: date) else { return [] }
        let scheduled = DeliverySlot.allCases.filter { slot in
            guard let start = slot.startHour else { return false }
            return hours.contains(start * 60) && start * 60 < hours.upperBound
        }
        return scheduled + [.urgent]
    }

    /// Refuses a delivery date and slot that the rules do not allow when ordering at `now`.
    public func checkDelivery(date: LocalDate, slot: DeliverySlot, at now: LocalDateTime) throws(CalendarError) {
        let today = now.date
        if date < today { throw .inThePast(date) }
        let lastAllowed = today.adding(days: rules.advanceBookingDays)
        if date > lastAllowed { throw .beyondAdvanceBooking(date, lastAllowed: lastAllowed) }
        if let reason = closedReason(on: date) { throw .closed(date, reason: reason) }
        if slot == .urgent {
            guard date == today else { throw .urgentOnlyToday }
            guard let hours = openingHours(on: date), hours.contains(now.minuteOfDay) else { throw .urgentOutsideHours }
            return
        }
        guard slots(on: date).contains(slot) else { throw .slotNotOffered(date, slot, offered: slots(on: date)) }
        if date == today {
            if now.minuteOfDay >= rules.sameDayCutoff {
                throw .afterSameDayCutoff(cutoff: Self.clock(rules.sameDayCutoff))
            }
            if let end = slot.endHour, now.minuteOfDay >= end * 60 { throw .slotAlreadyOver(slot) }
        }
    }

    /// The first date on which `slot` may be delivered when ordering at `now`, or nil within the booking window.
    public func firstAllowedDate(for slot: DeliverySlot, at now: LocalDateTime) -> LocalDate? {
        (0...rules.advanceBookingDays).lazy.map { now.date.adding(days: $0) }.first { date in
            (try? checkDelivery(date: date, slot: slot, at: now)) != nil
        }
    }

    /// When the delivery promise starts: slot start, or for URGENT the moment it was placed.
    public func promisedStart(date: LocalDate, slot: DeliverySlot, placedAt: LocalDateTime) -> LocalDateTime {
        guard let start = slot.startHour else { return placedAt }
        return LocalDateTime(date: date, hour: start)
    }

    /// The last moment at which the counter may cancel without a supervisor: slot start minus the window.
    ///
    /// An URGENT order is on the road at once, so its cancellation always needs a supervisor.
    public func cancellationDeadline(date: LocalDate, slot: DeliverySlot, placedAt: LocalDateTime) -> LocalDateTime {
        guard slot != .urgent else { return placedAt }
        return promisedStart(date: date, slot: slot, placedAt: placedAt)
            .adding(seconds: -Int64(rules.cancellationWindowHours) * 3600)
    }

    static func clock(_ minutes: Int) -> String { "\(LocalDate.two(minutes / 60)):\(LocalDate.two(minutes % 60))" }
}
