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
        if let stored = Self.storedForm(text) {
            self = stored
            return
        }
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

    /// The stored form `YYYY-MM-DDTHH:MM:SS+08:00` read straight from its bytes (every row read
    /// parses timestamps; the general parser's splitting was 7,000 instructions a call), or nil
    /// when `text` is not exactly that form (the general parser then decides).
    static func storedForm(_ text: String) -> LocalDateTime? {
        let utf8 = text.utf8
        guard utf8.count == 25 else { return nil }
        return utf8.withContiguousStorageIfAvailable { bytes -> LocalDateTime? in
            let separators: [(Int, UInt8)] = [
                (4, 0x2D), (7, 0x2D), (10, 0x54), (13, 0x3A), (16, 0x3A), (19, 0x2B), (20, 0x30), (21, 0x38),
                (22, 0x3A), (23, 0x30), (24, 0x30),
            ]
            for (index, byte) in separators where bytes[index] != byte { return nil }
            func number(_ from: Int, _ count: Int) -> Int? {
                var value = 0
                for index in from..<(from + count) {
                    let digit = Int(bytes[index]) - 0x30
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
                let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
                (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second),
                let date = try? LocalDate(year: year, month: month, day: day)
            else { return nil }
            return LocalDateTime(date: date, hour: hour, minute: minute, second: second)
        } ?? nil
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
