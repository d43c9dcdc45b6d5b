/// A calendar day in Asia/Taipei, with no time zone arithmetic (Taiwan keeps UTC+8 all year).
public struct LocalDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The Gregorian year.
    public let year: Int
    /// 1...12.
    public let month: Int
    /// 1...31.
    public let day: Int

    /// Creates a date, refusing impossible days such as 2026-02-30.
    public init(year: Int, month: Int, day: Int) throws(ValidationError) {
        guard (1...12).contains(month), (1900...2999).contains(year),
            (1...LocalDate.daysIn(year: year, month: month)).contains(day)
        else { throw .date("\(year)-\(month)-\(day)") }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses ISO `YYYY-MM-DD`.
    public init(_ text: String) throws(ValidationError) {
        // Fast path for the stored form (every row read parses dates): ten ASCII bytes.
        let utf8 = text.utf8
        if utf8.count == 10 {
            var digits = [Int](repeating: 0, count: 10)
            var index = 0
            var plain = true
            for byte in utf8 {
                if index == 4 || index == 7 {
                    plain = plain && byte == UInt8(ascii: "-")
                } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                    digits[index] = Int(byte - UInt8(ascii: "0"))
                } else {
                    plain = false
                }
                index += 1
            }
            if plain {
                let year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]
                do {
                    try self.init(year: year, month: digits[5] * 10 + digits[6], day: digits[8] * 10 + digits[9])
                } catch { throw .date(text) }
                return
            }
        }
        let chars = Array(text.trimmingSpaces)
        let digitPositions = [0, 1, 2, 3, 5, 6, 8, 9]
        guard chars.count == 10, chars[4] == "-", chars[7] == "-",
            digitPositions.allSatisfy({ chars[$0].isASCIIDigit }),
            let year = Int(String(chars[0..<4])), let month = Int(String(chars[5..<7])),
            let day = Int(String(chars[8..<10]))
        else { throw .date(text) }
        do { try self.init(year: year, month: month, day: day) } catch { throw .date(text) }
    }

    /// Parses compact `YYYYMMDD`.
    public init(compact text: String) throws(ValidationError) {
        guard text.count == 8, text.allSatisfy(\.isASCIIDigit) else { throw .date(text) }
        let chars = Array(text)
        try self.init(String(chars[0..<4]) + "-" + String(chars[4..<6]) + "-" + String(chars[6..<8]))
    }

    /// A date the caller knows is valid (month 1...12); the day is clamped to the month.
    init(checkedYear year: Int, month: Int, day: Int) {
        self.init(unchecked: year, month, min(max(day, 1), Self.daysIn(year: year, month: month)))
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's days_from_civil).
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    public init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(unchecked: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The date `days` later (negative for earlier).
    public func adding(days: Int) -> LocalDate { LocalDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// Whole days from `self` to `other`.
    public func days(until other: LocalDate) -> Int { other.daysSinceEpoch - daysSinceEpoch }

    /// The day of the week.
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        Weekday.allCases[((daysSinceEpoch % 7) + 7 + 3) % 7]
    }

    /// The last day of this date's month.
    public var endOfMonth: LocalDate {
        LocalDate(unchecked: year, month, LocalDate.daysIn(year: year, month: month))
    }

    /// The first day of the next month.
    public var startOfNextMonth: LocalDate { endOfMonth.adding(days: 1) }

    /// Number of days of a month.
    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `YYYY-MM-DD`.
    public var iso: String { "\(year)-\(Self.two(month))-\(Self.two(day))" }
    /// `YYYYMMDD`.
    public var compact: String { "\(year)\(Self.two(month))\(Self.two(day))" }
    /// The ROC (民國) year: Gregorian - 1911.
    public var rocYear: Int { year - 1911 }

    public var description: String { iso }
    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

/// Days of the week, Monday first.
public enum Weekday: Int, Sendable, CaseIterable, Codable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// 週一 ... 週日.
    public var chinese: String { ["週一", "週二", "週三", "週四", "週五", "週六", "週日"][rawValue - 1] }
}
