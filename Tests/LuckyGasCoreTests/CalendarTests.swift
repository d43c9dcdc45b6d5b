import LuckyGasCore
import Testing

// DOMAIN.md "Time and slots": MORNING 08-12, AFTERNOON 13-17, EVENING 17-20, URGENT same day.
// Hours Mon-Fri 08-18, Sat 08-12, Sun closed; same-day cutoff 14:00; booking up to 30 days;
// cancellation until 4 hours before slot start.
//
// November 2026: Mon 16, Tue 17, Wed 18, Thu 19, Fri 20, Sat 21, Sun 22, Mon 23, Tue 24, Wed 25.
// Ordering on Wed 2026-11-18 allows up to Fri 2026-12-18 (+30); Sat 2026-12-19 is +31.

private let closedHoliday = "員工旅遊 staff outing"
private let serviceHoliday = "春節輪值 holiday service"

/// The branch calendar of the tests: Tue 2026-11-24 closed, Wed 2026-11-25 a holiday with deliveries.
private func branchCalendar(rules: CalendarRules = CalendarRules()) throws -> BusinessCalendar {
    BusinessCalendar(
        rules: rules,
        holidays: [
            Holiday(date: try day("2026-11-24"), name: closedHoliday, delivers: false),
            Holiday(date: try day("2026-11-25"), name: serviceHoliday, delivers: true),
        ])
}

@Suite("Delivery slots")
struct DeliverySlotTests {
    @Test(
        "Slots have the old codes and their hours",
        arguments: [
            (DeliverySlot.morning, "01", 8, 12), (.afternoon, "02", 13, 17), (.evening, "03", 17, 20),
        ])
    func hours(slot: DeliverySlot, code: String, start: Int, end: Int) {
        #expect(slot.code == code)
        #expect(slot.startHour == start)
        #expect(slot.endHour == end)
    }

    @Test("URGENT has code 04 and no fixed hours")
    func urgent() {
        #expect(DeliverySlot.urgent.code == "04")
        #expect(DeliverySlot.urgent.startHour == nil)
        #expect(DeliverySlot.urgent.endHour == nil)
    }

    @Test(
        "A slot is read from its name in any case or its old code",
        arguments: [
            ("morning", DeliverySlot.morning), ("MORNING", .morning), (" Morning ", .morning), ("01", .morning),
            ("02", .afternoon), ("evening", .evening), ("03", .evening), ("urgent", .urgent), (" 04 ", .urgent),
        ])
    func parses(text: String, slot: DeliverySlot) throws {
        #expect(try DeliverySlot(parsing: text) == slot)
    }

    @Test("Unknown slots are refused with the choices", arguments: ["", "1", "05", "night"])
    func rejects(text: String) {
        #expect(
            throws: ValidationError.unknownValue(
                field: "slot", value: text, allowed: ["morning", "afternoon", "evening", "urgent"])
        ) { try DeliverySlot(parsing: text) }
    }
}

@Suite("Business calendar: which days and slots are open")
struct OpeningTests {
    @Test(
        "Opening hours: weekdays 08-18, Saturday 08-12, closed on Sunday and closed holidays",
        arguments: [
            ("2026-11-18", 480, 1_080),  // Wednesday
            ("2026-11-20", 480, 1_080),  // Friday
            ("2026-11-21", 480, 720),  // Saturday
            ("2026-11-25", 480, 1_080),  // holiday with deliveries, a Wednesday
        ])
    func openingHours(date: String, open: Int, close: Int) throws {
        #expect(try branchCalendar().openingHours(on: day(date)) == open...close)
    }

    @Test(
        "Slots offered: weekdays all three and URGENT, Saturday only MORNING and URGENT, none when closed",
        arguments: [
            ("2026-11-18", [DeliverySlot.morning, .afternoon, .evening, .urgent]),
            ("2026-11-20", [.morning, .afternoon, .evening, .urgent]),
            ("2026-11-21", [.morning, .urgent]),
            ("2026-11-22", []),
            ("2026-11-24", []),
            ("2026-11-25", [.morning, .afternoon, .evening, .urgent]),
        ])
    func slots(date: String, expected: [DeliverySlot]) throws {
        #expect(try branchCalendar().slots(on: day(date)) == expected)
    }

    @Test(
        "Why the branch is closed: Sunday or the holiday's name; open days give no reason",
        arguments: [
            ("2026-11-22", "週日公休" as String?), ("2026-11-24", closedHoliday), ("2026-11-18", nil),
            ("2026-11-21", nil), ("2026-11-25", nil),
        ])
    func closedReason(date: String, reason: String?) throws {
        let calendar = try branchCalendar()
        #expect(try calendar.closedReason(on: day(date))?.zh == reason)
        #expect(try (calendar.openingHours(on: day(date)) == nil) == (reason != nil))
    }

    @Test(
        "Only a holiday on which the branch delivers is a holiday service day",
        arguments: [("2026-11-25", true), ("2026-11-24", false), ("2026-11-18", false), ("2026-11-22", false)])
    func holidayService(date: String, expected: Bool) throws {
        #expect(try branchCalendar().isHolidayService(day(date)) == expected)
    }

    @Test("The holiday table answers by date")
    func holidayLookup() throws {
        let calendar = try branchCalendar()
        #expect(try calendar.holiday(on: day("2026-11-24"))?.name == closedHoliday)
        #expect(try calendar.holiday(on: day("2026-11-25"))?.delivers == true)
        #expect(try calendar.holiday(on: day("2026-11-18")) == nil)
    }
}

/// One delivery request: ordering at `now` for `date` and `slot`.
struct DeliveryCase: Sendable, CustomTestStringConvertible {
    enum Outcome: Sendable {
        case allowed
        case inThePast
        case beyondAdvanceBooking(lastAllowed: String)
        case closed(reason: String)
        case slotNotOffered
        case afterSameDayCutoff
        case slotAlreadyOver
        case urgentOnlyToday
        case urgentOutsideHours
    }

    var now: String
    var date: String
    var slot: DeliverySlot
    var outcome: Outcome
    var testDescription: String { "at \(now) for \(date) \(slot.rawValue): \(outcome)" }

    init(_ now: String, _ date: String, _ slot: DeliverySlot, _ outcome: Outcome) {
        self.now = now
        self.date = date
        self.slot = slot
        self.outcome = outcome
    }

    func expectedError(offered: [DeliverySlot]) throws -> CalendarError? {
        let date = try day(self.date)
        switch outcome {
        case .allowed: return nil
        case .inThePast: return .inThePast(date)
        case .beyondAdvanceBooking(let last): return .beyondAdvanceBooking(date, lastAllowed: try day(last))
        case .closed(let reason):
            let english = reason == "週日公休" ? "closed on Sundays" : reason
            return .closed(date, reason: OperatorMessage(zh: reason, en: english))
        case .slotNotOffered: return .slotNotOffered(date, slot, offered: offered)
        case .afterSameDayCutoff: return .afterSameDayCutoff(cutoff: "14:00")
        case .slotAlreadyOver: return .slotAlreadyOver(slot)
        case .urgentOnlyToday: return .urgentOnlyToday
        case .urgentOutsideHours: return .urgentOutsideHours
        }
    }
}

private let deliveryCases: [DeliveryCase] = [
    // Same day on a Wednesday, before the cutoff.
    DeliveryCase("2026-11-18 09:30", "2026-11-18", .morning, .allowed),  // started, not over
    DeliveryCase("2026-11-18 09:30", "2026-11-18", .afternoon, .allowed),
    DeliveryCase("2026-11-18 09:30", "2026-11-18", .evening, .allowed),
    DeliveryCase("2026-11-18 11:59", "2026-11-18", .morning, .allowed),
    DeliveryCase("2026-11-18 12:00", "2026-11-18", .morning, .slotAlreadyOver),
    DeliveryCase("2026-11-18 13:59", "2026-11-18", .afternoon, .allowed),
    // From the 14:00 cutoff only URGENT today.
    DeliveryCase("2026-11-18 14:00", "2026-11-18", .afternoon, .afterSameDayCutoff),
    DeliveryCase("2026-11-18 14:00", "2026-11-18", .evening, .afterSameDayCutoff),
    DeliveryCase("2026-11-18 15:00", "2026-11-18", .morning, .afterSameDayCutoff),
    DeliveryCase("2026-11-18 15:00", "2026-11-18", .urgent, .allowed),
    DeliveryCase("2026-11-18 15:00", "2026-11-19", .morning, .allowed),
    DeliveryCase("2026-11-20 16:00", "2026-11-20", .evening, .afterSameDayCutoff),
    // URGENT: today only, within opening hours.
    DeliveryCase("2026-11-18 07:59", "2026-11-18", .urgent, .urgentOutsideHours),
    DeliveryCase("2026-11-18 08:00", "2026-11-18", .urgent, .allowed),
    DeliveryCase("2026-11-18 17:59", "2026-11-18", .urgent, .allowed),
    DeliveryCase("2026-11-18 18:01", "2026-11-18", .urgent, .urgentOutsideHours),
    DeliveryCase("2026-11-18 09:30", "2026-11-19", .urgent, .urgentOnlyToday),
    DeliveryCase("2026-11-21 11:00", "2026-11-21", .urgent, .allowed),  // Saturday morning
    DeliveryCase("2026-11-21 12:30", "2026-11-21", .urgent, .urgentOutsideHours),  // Saturday after 12
    DeliveryCase("2026-11-22 10:00", "2026-11-22", .urgent, .closed(reason: "週日公休")),
    DeliveryCase("2026-11-24 10:00", "2026-11-24", .urgent, .closed(reason: closedHoliday)),
    // Past dates and the 30-day booking window.
    DeliveryCase("2026-11-18 09:30", "2026-11-17", .morning, .inThePast),
    DeliveryCase("2026-11-18 09:30", "2026-11-17", .urgent, .inThePast),
    DeliveryCase("2026-11-18 09:30", "2026-12-18", .morning, .allowed),  // +30
    DeliveryCase("2026-11-18 09:30", "2026-12-19", .morning, .beyondAdvanceBooking(lastAllowed: "2026-12-18")),
    DeliveryCase("2026-11-18 09:30", "2027-01-04", .morning, .beyondAdvanceBooking(lastAllowed: "2026-12-18")),
    // Closed days and Saturday slots.
    DeliveryCase("2026-11-18 09:30", "2026-11-22", .morning, .closed(reason: "週日公休")),
    DeliveryCase("2026-11-18 09:30", "2026-11-24", .afternoon, .closed(reason: closedHoliday)),
    DeliveryCase("2026-11-18 09:30", "2026-11-25", .evening, .allowed),  // holiday service day
    DeliveryCase("2026-11-18 09:30", "2026-11-21", .morning, .allowed),
    DeliveryCase("2026-11-18 09:30", "2026-11-21", .afternoon, .slotNotOffered),
    DeliveryCase("2026-11-18 09:30", "2026-11-21", .evening, .slotNotOffered),
    DeliveryCase("2026-11-21 12:30", "2026-11-21", .morning, .slotAlreadyOver),
    DeliveryCase("2026-11-21 09:00", "2026-11-23", .morning, .allowed),
]

@Suite("Business calendar: checking a delivery date and slot")
struct CheckDeliveryTests {
    @Test("A date and slot are allowed or refused for the right reason", arguments: deliveryCases)
    func check(request: DeliveryCase) throws {
        let calendar = try branchCalendar()
        let now = try moment(request.now)
        let date = try day(request.date)
        if let expected = try request.expectedError(offered: calendar.slots(on: date)) {
            #expect(throws: expected) { try calendar.checkDelivery(date: date, slot: request.slot, at: now) }
        } else {
            #expect(throws: Never.self) { try calendar.checkDelivery(date: date, slot: request.slot, at: now) }
        }
    }

    @Test("The booking window follows its parameter")
    func shorterWindow() throws {
        var rules = CalendarRules()
        rules.advanceBookingDays = 7
        let calendar = try branchCalendar(rules: rules)
        let now = try moment("2026-11-18 09:30")
        #expect(throws: Never.self) { try calendar.checkDelivery(date: try day("2026-11-25"), slot: .morning, at: now) }
        let tooLate = try day("2026-11-26")
        let expected = CalendarError.beyondAdvanceBooking(tooLate, lastAllowed: try day("2026-11-25"))
        #expect(throws: expected) { try calendar.checkDelivery(date: tooLate, slot: .morning, at: now) }
    }

    @Test("Refusals explain themselves in both languages")
    func messages() throws {
        let cutoff = CalendarError.afterSameDayCutoff(cutoff: "14:00").operatorMessage
        #expect(cutoff.en == "Past today's cutoff 14:00: today only urgent, or a later day")
        let closed = CalendarError.closed(
            try day("2026-11-22"), reason: OperatorMessage(zh: "週日公休", en: "closed on Sundays")
        ).operatorMessage
        #expect(closed.zh == "2026-11-22 不營業（週日公休）：請改日期")
        #expect(closed.en == "The branch is closed on 2026-11-22 (closed on Sundays): choose another date")
        let saturday = try day("2026-11-21")
        let evening = CalendarError.slotNotOffered(saturday, .evening, offered: [.morning, .urgent]).operatorMessage
        #expect(evening.zh == "2026-11-21 沒有晚間時段：當天可選上午")
        #expect(evening.en == "No evening slot on 2026-11-21: that day has morning")
    }
}

@Suite("Business calendar: first date and cancellation deadline")
struct CalendarPlanningTests {
    @Test(
        "The first allowed date skips the cutoff, Sundays, closed holidays and missing Saturday slots",
        arguments: [
            ("2026-11-18 09:30", DeliverySlot.morning, "2026-11-18" as String?),
            ("2026-11-18 15:00", .morning, "2026-11-19"),  // after the cutoff
            ("2026-11-20 15:00", .evening, "2026-11-23"),  // no Saturday evening, Sunday closed
            ("2026-11-21 15:00", .morning, "2026-11-23"),  // Saturday after the cutoff, Sunday closed
            ("2026-11-21 09:00", .afternoon, "2026-11-23"),  // no Saturday afternoon
            ("2026-11-22 10:00", .morning, "2026-11-23"),  // ordering on Sunday
            ("2026-11-23 15:00", .morning, "2026-11-25"),  // Tuesday is a closed holiday
            ("2026-11-18 15:00", .urgent, "2026-11-18"),
            ("2026-11-18 19:00", .urgent, nil),  // after hours, and URGENT is today only
            ("2026-11-22 10:00", .urgent, nil),  // Sunday
        ])
    func firstAllowedDate(now: String, slot: DeliverySlot, expected: String?) throws {
        let first = try branchCalendar().firstAllowedDate(for: slot, at: moment(now))
        #expect(try first == expected.map(day))
    }

    @Test(
        "The counter may cancel until 4 hours before the slot starts",
        arguments: [
            ("2026-11-23", DeliverySlot.morning, "2026-11-23 04:00"),
            ("2026-11-23", .afternoon, "2026-11-23 09:00"),
            ("2026-11-23", .evening, "2026-11-23 13:00"),
        ])
    func cancellationDeadline(date: String, slot: DeliverySlot, deadline: String) throws {
        let placed = try moment("2026-11-18 09:30")
        let calendar = try branchCalendar()
        #expect(try calendar.cancellationDeadline(date: day(date), slot: slot, placedAt: placed) == moment(deadline))
    }

    @Test("An URGENT order's deadline is the moment it was placed")
    func urgentDeadline() throws {
        let placed = try moment("2026-11-18 15:10")
        let calendar = try branchCalendar()
        #expect(try calendar.cancellationDeadline(date: day("2026-11-18"), slot: .urgent, placedAt: placed) == placed)
        #expect(try calendar.promisedStart(date: day("2026-11-18"), slot: .urgent, placedAt: placed) == placed)
    }

    @Test("A scheduled slot's promise starts at its start hour")
    func promisedStart() throws {
        let placed = try moment("2026-11-18 09:30")
        let calendar = try branchCalendar()
        #expect(
            try calendar.promisedStart(date: day("2026-11-23"), slot: .afternoon, placedAt: placed)
                == moment("2026-11-23 13:00"))
    }

    @Test("A longer cancellation window reaches into the previous evening")
    func longerWindow() throws {
        var rules = CalendarRules()
        rules.cancellationWindowHours = 10
        let calendar = try branchCalendar(rules: rules)
        let deadline = try calendar.cancellationDeadline(
            date: day("2026-11-23"), slot: .morning, placedAt: moment("2026-11-18 09:30"))
        #expect(try deadline == moment("2026-11-22 22:00"))
    }
}
