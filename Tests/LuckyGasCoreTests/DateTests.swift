import Foundation
import LuckyGasCore
import Testing

// DOMAIN.md "Time and slots": all times Asia/Taipei (UTC+8, no daylight saving).
// Days since 1970-01-01 by hand: 1970 -> 2024 is 54 years with 13 leap days = 19,723.

@Suite("Calendar days")
struct LocalDateTests {
    @Test(
        "Only real days exist: leap years every 4, not every 100, again every 400",
        arguments: [
            (2024, 2, 29, true), (2023, 2, 29, false), (2100, 2, 29, false), (2000, 2, 29, true),
            (1900, 2, 29, false), (2026, 2, 28, true), (2026, 2, 30, false), (2026, 4, 30, true),
            (2026, 4, 31, false), (2026, 12, 31, true), (2026, 1, 32, false), (2026, 13, 1, false),
            (2026, 0, 10, false), (2026, 1, 0, false), (1899, 12, 31, false), (1900, 1, 1, true),
            (2999, 12, 31, true), (3000, 1, 1, false),
        ])
    func validity(year: Int, month: Int, day: Int, valid: Bool) {
        #expect(((try? LocalDate(year: year, month: month, day: day)) != nil) == valid)
    }

    @Test(
        "Days in a month",
        arguments: [
            (2024, 2, 29), (2023, 2, 28), (2100, 2, 28), (2000, 2, 29), (1900, 2, 28), (2026, 1, 31), (2026, 4, 30),
            (2026, 6, 30), (2026, 9, 30), (2026, 11, 30), (2026, 12, 31),
        ])
    func daysInMonth(year: Int, month: Int, days: Int) {
        #expect(LocalDate.daysIn(year: year, month: month) == days)
    }

    @Test(
        "Days since the epoch of known dates",
        arguments: [
            ("1970-01-01", 0), ("1970-01-02", 1), ("1969-12-31", -1), ("1900-01-01", -25_567),
            ("2000-01-01", 10_957), ("2000-03-01", 11_017), ("2024-01-01", 19_723), ("2024-01-25", 19_747),
            ("2024-02-29", 19_782), ("2024-03-01", 19_783), ("2026-01-01", 20_454), ("2026-11-21", 20_778),
            ("2100-01-01", 47_482), ("2100-03-01", 47_541),
        ])
    func epochDays(text: String, days: Int) throws {
        let date = try day(text)
        #expect(date.daysSinceEpoch == days)
        #expect(LocalDate(daysSinceEpoch: days) == date)
    }

    @Test("Every day from 1900 to 2999 round-trips through its epoch number, one day after the other")
    func epochRoundTrip() throws {
        let first = try day("1900-01-01").daysSinceEpoch
        let last = try day("2999-12-31").daysSinceEpoch
        var previous = LocalDate(daysSinceEpoch: first - 1)
        var problems: [String] = []
        for number in first...last {
            let date = LocalDate(daysSinceEpoch: number)
            let rebuilt = try? LocalDate(year: date.year, month: date.month, day: date.day)
            let follows =
                (date.year == previous.year && date.month == previous.month && date.day == previous.day + 1)
                || (date.day == 1 && previous == previous.endOfMonth)
            let weekdayFollows = date.weekday.rawValue == previous.weekday.rawValue % 7 + 1
            if date.daysSinceEpoch != number || rebuilt != date || !follows || !weekdayFollows {
                problems.append("\(number): \(date)")
                if problems.count > 10 { break }
            }
            previous = date
        }
        #expect(problems.isEmpty, "\(problems)")
        #expect(last - first + 1 == 401_767)  // 1,100 years: 1100 x 365 + 267 leap days
    }

    @Test(
        "The weekday of known dates",
        arguments: [
            ("1970-01-01", Weekday.thursday), ("1969-12-31", .wednesday), ("1900-01-01", .monday),
            ("2000-01-01", .saturday), ("2024-01-25", .thursday), ("2024-02-29", .thursday), ("2026-01-01", .thursday),
            ("2026-11-16", .monday), ("2026-11-18", .wednesday), ("2026-11-20", .friday), ("2026-11-21", .saturday),
            ("2026-11-22", .sunday), ("2100-01-01", .friday),
        ])
    func weekday(text: String, weekday: Weekday) throws {
        #expect(try day(text).weekday == weekday)
    }

    @Test("Weekdays have Chinese names, Monday first")
    func weekdayNames() {
        #expect(Weekday.allCases.map(\.chinese) == ["週一", "週二", "週三", "週四", "週五", "週六", "週日"])
    }

    @Test(
        "Adding days crosses months, leap days and years",
        arguments: [
            ("2024-02-28", 1, "2024-02-29"), ("2024-02-28", 2, "2024-03-01"), ("2023-02-28", 1, "2023-03-01"),
            ("2100-02-28", 1, "2100-03-01"), ("2000-02-28", 1, "2000-02-29"), ("2024-12-31", 1, "2025-01-01"),
            ("2024-03-01", -1, "2024-02-29"), ("2025-01-01", -1, "2024-12-31"), ("2026-11-18", 30, "2026-12-18"),
            ("2026-01-31", 30, "2026-03-02"), ("2024-01-01", 366, "2025-01-01"), ("2026-11-21", 0, "2026-11-21"),
            ("1970-01-01", -1, "1969-12-31"),
        ])
    func adding(start: String, days: Int, expected: String) throws {
        #expect(try day(start).adding(days: days) == day(expected))
    }

    @Test(
        "Whole days between two dates",
        arguments: [
            ("2024-01-01", "2025-01-01", 366), ("2025-01-01", "2026-01-01", 365), ("2100-01-01", "2101-01-01", 365),
            ("2000-01-01", "2001-01-01", 366), ("2026-12-18", "2026-11-18", -30), ("2026-11-18", "2026-11-18", 0),
        ])
    func daysUntil(from: String, to: String, days: Int) throws {
        #expect(try day(from).days(until: day(to)) == days)
    }

    @Test(
        "End of month and start of the next month",
        arguments: [
            ("2024-02-10", "2024-02-29", "2024-03-01"), ("2023-02-10", "2023-02-28", "2023-03-01"),
            ("2100-02-01", "2100-02-28", "2100-03-01"), ("2026-04-05", "2026-04-30", "2026-05-01"),
            ("2026-12-31", "2026-12-31", "2027-01-01"), ("2026-01-31", "2026-01-31", "2026-02-01"),
        ])
    func monthEnds(text: String, end: String, next: String) throws {
        let date = try day(text)
        #expect(try date.endOfMonth == day(end))
        #expect(try date.startOfNextMonth == day(next))
    }

    @Test(
        "ISO and compact forms, and the ROC year",
        arguments: [
            ("2024-01-05", "20240105", 113), ("2026-11-21", "20261121", 115), ("2000-12-31", "20001231", 89),
            ("1912-01-01", "19120101", 1),
        ])
    func forms(iso: String, compact: String, rocYear: Int) throws {
        let date = try day(iso)
        #expect(date.iso == iso)
        #expect(date.description == iso)
        #expect(date.compact == compact)
        #expect(try LocalDate(compact: compact) == date)
        #expect(date.rocYear == rocYear)
    }

    @Test(
        "Malformed or impossible ISO dates are refused",
        arguments: [
            "", "2024-2-29", "24-02-29", "20240229", "2024/02/29", "2024-02", "2024-02-30", "2023-02-29",
            "2024-13-01", "2024-02-29T00:00", "２０２４-02-29",
        ])
    func rejectsISO(text: String) {
        #expect(throws: ValidationError.date(text)) { try LocalDate(text) }
    }

    @Test(
        "Malformed or impossible compact dates are refused",
        arguments: ["", "2024022", "202402290", "2024-0229", "2024022A", "20240230", "20231301", "+2024022"])
    func rejectsCompact(text: String) {
        // An impossible day is reported in its ISO form ("2024-02-30"), a wrong shape as typed.
        let error = #expect(throws: ValidationError.self) { try LocalDate(compact: text) }
        guard case .date = error else {
            Issue.record("expected a date error, got \(String(describing: error))")
            return
        }
    }

    @Test(
        "Signs and stray dashes are not part of an ISO date",
        arguments: ["2024-+2-29", "2024-02-+9", "2024-02-29-", "-2024-02-29", "2024--02-29"])
    func rejectsSignsAndStrayDashes(text: String) {
        #expect(throws: ValidationError.date(text)) { try LocalDate(text) }
    }

    @Test("Spaces around an ISO date are trimmed")
    func trims() throws {
        #expect(try LocalDate(" 2024-02-29 ") == LocalDate(year: 2024, month: 2, day: 29))
    }

    @Test("Dates order chronologically")
    func ordering() throws {
        #expect(try day("2024-01-31") < day("2024-02-01"))
        #expect(try day("2023-12-31") < day("2024-01-01"))
        #expect(try day("2024-02-10") < day("2024-10-02"))
    }

    @Test("A date is stored as its ISO text")
    func coding() throws {
        let encoded = try JSONEncoder().encode([try day("2024-01-25")])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["2024-01-25"]"#)
        #expect(try JSONDecoder().decode([LocalDate].self, from: encoded) == [day("2024-01-25")])
        #expect(throws: (any Error).self) {
            try JSONDecoder().decode([LocalDate].self, from: Data(#"["2024-02-30"]"#.utf8))
        }
    }
}

@Suite("Taipei wall-clock moments")
struct LocalDateTimeTests {
    @Test(
        "Unix seconds and Taipei time convert both ways at UTC+8",
        arguments: [
            ("1970-01-01 08:00", Int64(0)),
            ("1970-01-01 00:00", -28_800),
            ("1969-12-31 23:59:59", -28_801),
            ("2024-01-25 00:00", 1_706_112_000),  // 2024-01-24T16:00Z
            ("2024-01-25 08:00", 1_706_140_800),  // 2024-01-25T00:00Z
            ("2024-01-25 09:30", 1_706_146_200),
            ("2023-11-15 06:13:20", 1_700_000_000),  // 2023-11-14T22:13:20Z
            ("2100-01-01 08:00", 4_102_444_800),
            ("1900-01-01 08:00", -2_208_988_800),
        ])
    func unixSeconds(text: String, seconds: Int64) throws {
        let local = try moment(text)
        #expect(local.unixSeconds == seconds)
        #expect(LocalDateTime(unixSeconds: seconds) == local)
    }

    @Test("Taipei is eight hours ahead of UTC: the local day starts at 16:00 UTC the day before")
    func offset() throws {
        let utcMidnight: Int64 = 1_706_140_800  // 2024-01-25T00:00:00Z
        #expect(try LocalDateTime(unixSeconds: utcMidnight) == moment("2024-01-25 08:00"))
        #expect(try LocalDateTime(unixSeconds: utcMidnight - 8 * 3_600) == moment("2024-01-25 00:00"))
        #expect(try LocalDateTime(unixSeconds: utcMidnight - 8 * 3_600 - 1) == moment("2024-01-24 23:59:59"))
    }

    @Test("Unix seconds round-trip across 1900-2999 and around the epoch")
    func roundTrip() {
        var problems: [Int64] = []
        let wide = stride(from: Int64(-2_208_988_800), through: 32_503_651_199, by: 7_919_993)
        let near = stride(from: Int64(-200_000), through: 200_000, by: 997)
        for seconds in Array(wide) + Array(near) {
            let local = LocalDateTime(unixSeconds: seconds)
            if local.unixSeconds != seconds || !(0..<86_400).contains(local.secondOfDay) { problems.append(seconds) }
        }
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    @Test(
        "Adding seconds crosses midnight and month ends",
        arguments: [
            ("2024-02-28 23:00", 3_600, "2024-02-29 00:00"),
            ("2026-11-21 08:00", -4 * 3_600, "2026-11-21 04:00"),
            ("2026-11-21 02:00", -4 * 3_600, "2026-11-20 22:00"),
            ("2026-12-31 23:59:59", 1, "2027-01-01 00:00"),
            ("2026-11-18 09:30", 0, "2026-11-18 09:30"),
        ] as [(String, Int64, String)])
    func adding(start: String, seconds: Int64, expected: String) throws {
        #expect(try moment(start).adding(seconds: seconds) == moment(expected))
    }

    @Test(
        "Parsing accepts T or space, optional seconds and the +08:00 suffix",
        arguments: [
            ("2024-01-25T09:30", "2024-01-25T09:30:00+08:00", "2024-01-25 09:30"),
            ("2024-01-25 09:30:15", "2024-01-25T09:30:15+08:00", "2024-01-25 09:30"),
            ("2024-01-25T09:30:00+08:00", "2024-01-25T09:30:00+08:00", "2024-01-25 09:30"),
            ("2024-01-25T00:00", "2024-01-25T00:00:00+08:00", "2024-01-25 00:00"),
            ("2024-01-25T23:59:59", "2024-01-25T23:59:59+08:00", "2024-01-25 23:59"),
        ])
    func parses(text: String, iso: String, short: String) throws {
        let local = try moment(text)
        #expect(local.iso == iso)
        #expect(local.description == iso)
        #expect(local.short == short)
        #expect(try LocalDateTime(local.iso) == local)
    }

    @Test(
        "Impossible clock times and other offsets are refused",
        arguments: [
            "2024-01-25", "2024-01-25T09", "2024-01-25T24:00", "2024-01-25T09:60", "2024-01-25T09:30:60",
            "2024-01-25T09:30+09:00", "2024-02-30T09:30", "09:30", "",
        ])
    func rejects(text: String) {
        #expect(throws: ValidationError.self) { try LocalDateTime(text) }
    }

    @Test("Hour and minute of the day")
    func clockParts() throws {
        let local = try moment("2024-01-25 14:05:30")
        #expect(local.hour == 14)
        #expect(local.minuteOfDay == 14 * 60 + 5)
        #expect(local.secondOfDay == 14 * 3_600 + 5 * 60 + 30)
    }

    @Test("Clock times beyond the day are held to the day")
    func clamps() throws {
        let date = try day("2024-01-25")
        #expect(LocalDateTime(date: date, hour: 24).secondOfDay == 86_399)
        #expect(LocalDateTime(date: date, hour: -1).secondOfDay == 0)
    }

    @Test("Moments order by day, then by time")
    func ordering() throws {
        #expect(try moment("2024-01-25 23:59") < moment("2024-01-26 00:00"))
        #expect(try moment("2024-01-25 09:00") < moment("2024-01-25 09:01"))
    }
}

@Suite("Due dates by payment terms")
struct DueDateTests {
    @Test(
        "COD is due on the invoice date, NET30 thirty days later, MONTHLY at the end of the next month",
        arguments: [
            (PaymentTerms.cod, "2026-11-21", "2026-11-21"),
            (.cod, "2024-02-29", "2024-02-29"),
            (.net30, "2026-11-21", "2026-12-21"),
            (.net30, "2024-01-31", "2024-03-01"),  // 29-day February
            (.net30, "2023-01-31", "2023-03-02"),  // 28-day February
            (.net30, "2026-12-15", "2027-01-14"),
            (.net30, "2024-02-29", "2024-03-30"),
            (.monthly, "2026-11-21", "2026-12-31"),
            (.monthly, "2026-11-01", "2026-12-31"),
            (.monthly, "2024-01-31", "2024-02-29"),
            (.monthly, "2023-01-31", "2023-02-28"),
            (.monthly, "2100-01-15", "2100-02-28"),
            (.monthly, "2026-12-01", "2027-01-31"),
            (.monthly, "2026-12-31", "2027-01-31"),
            (.monthly, "2026-03-31", "2026-04-30"),
            (.monthly, "2024-02-29", "2024-03-31"),
        ])
    func dueDate(terms: PaymentTerms, invoice: String, due: String) throws {
        #expect(try terms.dueDate(invoiceDate: day(invoice)) == day(due))
    }

    @Test(
        "Only NET30 and MONTHLY use credit",
        arguments: [
            (PaymentTerms.cod, false), (.net30, true), (.monthly, true),
        ])
    func usesCredit(terms: PaymentTerms, expected: Bool) {
        #expect(terms.usesCredit == expected)
    }
}
