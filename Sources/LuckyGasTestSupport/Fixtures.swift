import LuckyGasCore
import LuckyGasStore

/// Shared fixtures for tests: fixed clocks, predictable ids and ready databases.
public enum Fixtures {
    /// Wednesday 2026-11-18 09:30 in Taipei: a normal weekday morning before the cutoff.
    public static let weekdayMorning = LocalDateTime(date: date("2026-11-18"), hour: 9, minute: 30)

    /// A date from ISO text; traps on a typo in a test.
    public static func date(_ text: String) -> LocalDate {
        guard let date = try? LocalDate(text) else { preconditionFailure("bad fixture date \(text)") }
        return date
    }

    /// A UUID generator that counts: `00000000-0000-4000-8000-000000000001`, ...
    public static func countingIDs() -> IDGenerator {
        let counter = Counter()
        return IDGenerator {
            let value = counter.next()
            let hex = String(value, radix: 16)
            return "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - hex.count) + hex
        }
    }

    /// A clock that tests can move.
    public static func movableClock(_ start: LocalDateTime) -> (Clock, MovableTime) {
        let time = MovableTime(start)
        return (Clock { time.now }, time)
    }
}

/// A thread-safe counter.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLockish()

    func next() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
}

/// A moment tests can set.
public final class MovableTime: @unchecked Sendable {
    private var moment: LocalDateTime
    private let lock = NSLockish()

    init(_ start: LocalDateTime) { moment = start }

    /// The current moment.
    public var now: LocalDateTime { lock.withLock { moment } }

    /// Sets the moment.
    public func set(_ value: LocalDateTime) { lock.withLock { moment = value } }
}
