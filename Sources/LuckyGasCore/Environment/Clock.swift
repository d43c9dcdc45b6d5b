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
