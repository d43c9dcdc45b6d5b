import LuckyGasCore

// Users: who may sign in at the branch, with which role. Never a password or its hash.

/// `UserAdded` (aggregate `user`): An administrator added a user.
public struct UserAdded: WireEvent {
    public static let eventType = "UserAdded"
    public static let aggregateType = "user"
    public static let schemaVersion = 1

    /// User name (lower case).
    public var name: String
    /// The name shown on screens.
    public var displayName: String
    /// `COUNTER`, `ACCOUNTANT`, `DISPATCHER`, `SUPERVISOR` or `ADMIN`.
    public var role: String
    /// ISO date-time.
    public var at: String
    /// The administrator.
    public var by: String

    public var aggregateID: String { name }

    private enum CodingKeys: String, CodingKey {
        case name, displayName, role, at, by
    }

    /// Creates the payload.
    public init(name: String, displayName: String, role: String, at: String, by: String) {
        self.name = name
        self.displayName = displayName
        self.role = role
        self.at = at
        self.by = by
    }
}

/// `UserChanged` (aggregate `user`): A user's role, state or password changed (the password
/// itself is never sent: only that it was reset or changed).
public struct UserChanged: WireEvent {
    public static let eventType = "UserChanged"
    public static let aggregateType = "user"
    public static let schemaVersion = 1

    /// User name.
    public var name: String
    /// What changed: `ROLE`, `DISABLED`, `ENABLED`, `UNLOCKED`, `PASSWORD_RESET` or `PASSWORD_CHANGED`.
    public var change: String
    /// The role after the change.
    public var role: String
    /// Whether the user may sign in after the change.
    public var active: Bool
    /// ISO date-time.
    public var at: String
    /// Who changed it (the administrator, or the user for their own password).
    public var by: String

    public var aggregateID: String { name }

    private enum CodingKeys: String, CodingKey {
        case name, change, role, active, at, by
    }

    /// Creates the payload.
    public init(name: String, change: String, role: String, active: Bool, at: String, by: String) {
        self.name = name
        self.change = change
        self.role = role
        self.active = active
        self.at = at
        self.by = by
    }
}
