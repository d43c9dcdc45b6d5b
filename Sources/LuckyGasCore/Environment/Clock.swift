/// Where "now" comes from. Core never reads the system clock: the store passes this in (STYLE rule 1).
public struct Clock: Sendable {
    /// The current Taipei wall-clock time.
    public var now: @Sendable () -> LocalDateTime

    /// Creates a clock from a closure.
    public init(now: @escaping @Sendable () -> LocalDateTime) { self.now = now }

    /// A clock stopped at `moment` (tests, sample generation).
    public static func fixed(_ moment: LocalDateTime) -> Clock { Clock { moment } }
}

/// Where new UUIDs come from (sync event ids, record UUIDs).
public struct IDGenerator: Sendable {
    /// A new lower-case UUID string.
    public var uuid: @Sendable () -> String

    /// Creates a generator from a closure.
    public init(uuid: @escaping @Sendable () -> String) { self.uuid = uuid }
}

/// The source of an e-invoice's 4-digit random number (隨機碼). Production draws from the system's
/// secure generator; tests pass a fixed sequence.
public struct RandomDigits: Sendable {
    /// Four digits, `0000`...`9999`.
    public var fourDigits: @Sendable () -> String

    /// Creates a source.
    public init(fourDigits: @escaping @Sendable () -> String) { self.fourDigits = fourDigits }
}
