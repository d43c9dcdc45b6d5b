import LuckyGasCore

/// A signed-in member of staff. Only `AppDatabase.authenticate` makes one, so holding a session
/// proves the password was checked.
public struct UserSession: Sendable, Hashable {
    /// The user name (`counter`).
    public let name: String
    /// The name shown on screens.
    public let displayName: String
    /// The role.
    public let role: Role
    /// The password was set by an administrator (a new user, a reset): the user must choose
    /// their own before doing anything else.
    public let mustChangePassword: Bool

    init(name: String, displayName: String, role: Role, mustChangePassword: Bool = false) {
        self.name = name
        self.displayName = displayName
        self.role = role
        self.mustChangePassword = mustChangePassword
    }

    /// Throws `notPermitted` unless the role grants `permission`.
    public func require(_ permission: Permission) throws(StoreError) {
        guard role.allows(permission) else { throw .notPermitted(user: name, role: role, permission: permission) }
    }

    /// The session the sample generator and migrations act as (never signs in).
    static let system = UserSession(name: "system", displayName: "系統", role: .admin)
}

/// A supervisor's approval of an override: their own credentials and a reason, checked by the store.
public struct OverrideApproval: Sendable {
    /// The supervisor's user name.
    public var supervisor: String
    /// Their password (checked, never stored).
    public var password: String
    /// Why the rule is overridden (audited).
    public var reason: String

    /// Creates an approval request.
    public init(supervisor: String, password: String, reason: String) {
        self.supervisor = supervisor
        self.password = password
        self.reason = reason
    }
}
