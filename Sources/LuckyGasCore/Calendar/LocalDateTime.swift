/// A wall-clock moment in Asia/Taipei (UTC+8, no daylight saving), to the second.
public struct LocalDateTime: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The day.
    public let date: LocalDate
    /// Seconds since midnight, 0..<86400.
    public let secondOfDay: Int

    /// Creates a moment from a day and a clock time.
    public init(date: LocalDate, hour: Int, minute: Int = 0, second: Int = 0) {
        self.date = date
        secondOfDay = max(0, min(86_399, hour * 3600 + minute * 60 + second))
    }

    /// The moment `seconds` after 1970-01-01T00:00:00Z, seen in Taipei.
    public init(unixSeconds seconds: Int64) {
        let local = seconds + 8 * 3600
        let days = Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
        date = LocalDate(daysSinceEpoch: days)
        secondOfDay = Int(local - Int64(days) * 86_400)
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    public var unixSeconds: Int64 { Int64(date.daysSinceEpoch) * 86_400 + Int64(secondOfDay) - 8 * 3600 }

    /// Hour of the day, 0...23.
    public var hour: Int { secondOfDay / 3600 }
    /// Minutes since midnight.
    public var minuteOfDay: Int { secondOfDay / 60 }

    /// The moment `seconds` later.
    public func adding(seconds: Int64) -> LocalDateTime { LocalDateTime(unixSeconds: unixSeconds + seconds) }

    /// Parses `YYYY-MM-DDTHH:MM[:SS]` (local Taipei time; a trailing `+08:00` is accepted).
    public init(_ text: String) throws(ValidationError) {
        var value = text.trimmingSpaces
        if value.hasSuffix("+08:00") { value = String(value.dropLast(6)) }
        let halves = value.split(separator: value.contains("T") ? "T" : " ")
        guard halves.count == 2 else { throw .date(text) }
        let date = try LocalDate(String(halves[0]))
        let clock = halves[1].split(separator: ":", omittingEmptySubsequences: false).map { part in
            part.count == 2 && part.allSatisfy(\.isASCIIDigit) ? Int(part) : nil
        }
        guard (2...3).contains(clock.count), let hour = clock[0], let minute = clock[1], (0...23).contains(hour),
            (0...59).contains(minute)
        else { throw .date(text) }
        let second = clock.count == 3 ? clock[2] ?? -1 : 0
        guard (0...59).contains(second) else { throw .date(text) }
        self.init(date: date, hour: hour, minute: minute, second: second)
    }

    /// `YYYY-MM-DDTHH:MM:SS+08:00`, the stored form.
    public var iso: String {
        let minute = (secondOfDay / 60) % 60
        let second = secondOfDay % 60
        return "\(date.iso)T\(LocalDate.two(hour)):\(LocalDate.two(minute)):\(LocalDate.two(second))+08:00"
    }

    /// `YYYY-MM-DD HH:MM`, for screens.
    public var short: String { "\(date.iso) \(LocalDate.two(hour)):\(LocalDate.two((secondOfDay / 60) % 60))" }

    public var description: String { iso }
    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.date, lhs.secondOfDay) < (rhs.date, rhs.secondOfDay) }

    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
