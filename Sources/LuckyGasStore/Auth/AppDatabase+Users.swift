import GRDB
import LuckyGasCore
import LuckyGasWire

/// A row of the user list.
public struct UserSummary: Sendable, Hashable, Codable {
    /// User name.
    public var name: String
    /// Display name.
    public var displayName: String
    /// Role.
    public var role: Role
    /// Whether the user may sign in.
    public var active: Bool
    /// Locked until, when locked.
    public var lockedUntil: LocalDateTime?
    /// Wrong passwords since the last success.
    public var failedAttempts: Int
    /// The last successful sign-in, if any.
    public var lastSignIn: LocalDateTime?
    /// The password was set by an administrator and must be changed at the next sign-in.
    public var mustChangePassword: Bool
    /// The user still has the demo sample's password (their name).
    public var demoPassword: Bool
}

extension AppDatabase {
    /// Creates a user with a salted PBKDF2 hash of `password` (admin only, audited). The demo
    /// sample and the test branch make their users here with `demo: true` (password = name,
    /// shorter than `minimumPasswordLength`, marked so a real branch is warned);
    /// `mustChangePassword` is set when an administrator chose the password for someone else.
    public func createUser(
        name: String, displayName: String, role: Role, password: String, by session: UserSession,
        salt: [UInt8] = PasswordHasher.randomSalt(), rounds: Int = PasswordHasher.defaultRounds,
        demo: Bool = false, mustChangePassword: Bool = false
    ) throws {
        try session.require(.administer)
        let name = name.trimmingSpaces.lowercased()
        guard !name.isEmpty else { throw StoreError.invalid(.empty(field: "帳號 user name")) }
        guard demo || password.count >= Self.minimumPasswordLength else {
            throw StoreError.passwordTooShort(minimum: Self.minimumPasswordLength)
        }
        let hash: String
        do { hash = try PasswordHasher.hash(password, salt: salt, rounds: rounds) } catch {
            throw StoreError.database("password hashing failed: \(error)")
        }
        try intent(session, .administer) { intent in
            try intent.db.execute(
                sql:
                    """
                    INSERT INTO app_user (name, display_name, role, password_hash, created_at, must_change_password,
                      demo_password)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    name, displayName, role.rawValue, hash, intent.now.iso, mustChangePassword,
                    demo && password == name,
                ])
            try intent.audit(
                "user.create", "user", name, after: ["name": name, "displayName": displayName, "role": role.rawValue])
            try intent.emit(
                UserAdded(
                    name: name, displayName: displayName, role: role.rawValue, at: intent.now.iso, by: intent.user),
                .created)
        }
    }

    /// The shortest password `addUser`, `resetPassword` and `changePassword` take (the demo
    /// sample's users are the exception, made by the generator).
    public static let minimumPasswordLength = 8

    /// Adds a user (administrator): a display name, a role and a password of at least 8
    /// characters, which the new user must change at their first sign-in.
    public func addUser(name: String, displayName: String, role: Role, password: String, by session: UserSession)
        throws
    {
        try session.require(.administer)
        guard password.count >= Self.minimumPasswordLength else {
            throw StoreError.passwordTooShort(minimum: Self.minimumPasswordLength)
        }
        let displayName = try inputText(displayName, field: "顯示名稱 display name", limit: FreeText.Limit.name)
        guard !displayName.isEmpty else { throw StoreError.invalid(.empty(field: "顯示名稱 display name")) }
        let name = name.trimmingSpaces.lowercased()
        guard !name.isEmpty, name.count <= 32,
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_") })
        else {
            throw StoreError.invalid(
                .unknownValue(field: "帳號 user name", value: name, allowed: ["a-z 0-9 . _ (1-32)"]))
        }
        guard try read({ try StoredUser.fetch($0, name: name) }) == nil else { throw StoreError.userExists(name) }
        try createUser(
            name: name, displayName: displayName, role: role, password: password, by: session,
            mustChangePassword: true)
    }

    /// An administrator sets a new password for a user (who forgot theirs); the lock is lifted
    /// and the user must choose their own at the next sign-in.
    public func resetPassword(of name: String, to password: String, by session: UserSession) throws {
        try session.require(.administer)
        let hash = try Self.newHash(password)
        try changeUser(name, "PASSWORD_RESET", by: session) { intent, _ in
            try intent.db.execute(
                sql: """
                    UPDATE app_user SET password_hash = ?, failed_attempts = 0, locked_until = NULL,
                      must_change_password = 1, demo_password = 0 WHERE name = ?
                    """,
                arguments: [hash, name])
        }
    }

    /// A user changes their own password, giving the old one (which the new one must differ from).
    /// Returns the session without the must-change mark.
    @discardableResult
    public func changePassword(of session: UserSession, from old: String, to password: String) throws -> UserSession {
        guard password != old else { throw StoreError.passwordUnchanged }
        let hash = try Self.newHash(password)
        try changeUser(session.name, "PASSWORD_CHANGED", by: session, permission: nil) { intent, stored in
            guard PasswordHasher.verify(old, against: stored.passwordHash) else {
                throw StoreError.wrongCurrentPassword
            }
            try intent.db.execute(
                sql: """
                    UPDATE app_user SET password_hash = ?, must_change_password = 0, demo_password = 0
                    WHERE name = ?
                    """, arguments: [hash, session.name])
        }
        return UserSession(name: session.name, displayName: session.displayName, role: session.role)
    }

    /// Gives a user another role. Nobody changes their own; the last active administrator keeps theirs.
    public func setRole(of name: String, to role: Role, by session: UserSession) throws {
        try session.require(.administer)
        guard name != session.name else { throw StoreError.ownRole(name) }
        try changeUser(name, "ROLE", by: session) { intent, stored in
            if stored.role == .admin, role != .admin, stored.active { try Self.keepAnAdministrator(intent.db, name) }
            try intent.db.execute(sql: "UPDATE app_user SET role = ? WHERE name = ?", arguments: [role.rawValue, name])
        }
    }

    /// Disables or enables a user. The last active administrator cannot be disabled.
    public func setActive(_ name: String, _ active: Bool, by session: UserSession) throws {
        try session.require(.administer)
        try changeUser(name, active ? "ENABLED" : "DISABLED", by: session) { intent, stored in
            if !active, stored.role == .admin, stored.active { try Self.keepAnAdministrator(intent.db, name) }
            try intent.db.execute(sql: "UPDATE app_user SET active = ? WHERE name = ?", arguments: [active, name])
        }
    }

    /// Lifts a lock after wrong passwords.
    public func unlockUser(_ name: String, by session: UserSession) throws {
        try session.require(.administer)
        try changeUser(name, "UNLOCKED", by: session) { intent, _ in
            try intent.db.execute(
                sql: "UPDATE app_user SET failed_attempts = 0, locked_until = NULL WHERE name = ?", arguments: [name])
        }
    }

    /// One change of a user: the row as it was, the update, the audit entry (no hash in it) and
    /// `UserChanged` with the role and state after.
    private func changeUser(
        _ name: String, _ change: String, by session: UserSession, permission: Permission? = .administer,
        _ body: @Sendable @escaping (Intent, StoredUser) throws -> Void
    ) throws {
        let permissions = permission.map { [$0] } ?? []
        try intent(session, permissions) { intent in
            guard let before = try StoredUser.fetch(intent.db, name: name) else { throw StoreError.userNotFound(name) }
            try body(intent, before)
            guard let after = try StoredUser.fetch(intent.db, name: name) else { throw StoreError.userNotFound(name) }
            try intent.audit(
                "user.\(change.lowercased())", "user", name,
                before: ["role": before.role.rawValue, "active": before.active ? "1" : "0"],
                after: ["role": after.role.rawValue, "active": after.active ? "1" : "0"])
            try intent.emit(
                UserChanged(
                    name: name, change: change, role: after.role.rawValue, active: after.active, at: intent.now.iso,
                    by: intent.user), .changed)
        }
    }

    /// Refuses when `name` is the only active administrator.
    private static func keepAnAdministrator(_ db: Database, _ name: String) throws {
        let others =
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM app_user WHERE role = 'ADMIN' AND active = 1 AND name <> ?",
                arguments: [name]) ?? 0
        guard others > 0 else { throw StoreError.lastAdministrator(name) }
    }

    /// The hash of a new password of at least `minimumPasswordLength` characters.
    private static func newHash(_ password: String) throws -> String {
        guard password.count >= minimumPasswordLength else {
            throw StoreError.passwordTooShort(minimum: minimumPasswordLength)
        }
        do { return try PasswordHasher.hash(password, salt: PasswordHasher.randomSalt()) } catch {
            throw StoreError.database("password hashing failed: \(error)")
        }
    }

    /// Whether the database has any user yet (a fresh `db init` needs an administrator first).
    public func hasUsers() throws -> Bool {
        try read { try Bool.fetchOne($0, sql: "SELECT EXISTS (SELECT 1 FROM app_user)") ?? false }
    }

    /// Creates the first administrator of an empty database (a password of at least
    /// `minimumPasswordLength` characters; `demo` is for the test branch's `admin`).
    public func bootstrapAdministrator(
        password: String, rounds: Int = PasswordHasher.defaultRounds, demo: Bool = false
    ) throws {
        guard try !hasUsers() else { return }
        try createUser(
            name: "admin", displayName: "系統管理員", role: .admin, password: password, by: .system, rounds: rounds,
            demo: demo)
    }

    /// Active users who still have the demo sample's password, in a branch not marked as the
    /// demo (`branch.demo`): the sign-in screen warns about them.
    public func demoPasswordUsers() throws -> [String] {
        try read { db in
            guard try Parameters.value(db, "branch.demo") != "1" else { return [] }
            return try String.fetchAll(
                db, sql: "SELECT name FROM app_user WHERE demo_password = 1 AND active = 1 ORDER BY name")
        }
    }

    /// All users.
    public func users() throws -> [UserSummary] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM app_user ORDER BY name").map { row in
                let name: String = row["name"]
                return UserSummary(
                    name: name, displayName: row["display_name"],
                    role: try Stored.value(Role.self, row, "role", table: "app_user", id: name),
                    active: row["active"],
                    lockedUntil: try Stored.moment(row, "locked_until", table: "app_user", id: name),
                    failedAttempts: row["failed_attempts"],
                    lastSignIn: try Stored.moment(row, "last_sign_in_at", table: "app_user", id: name),
                    mustChangePassword: row["must_change_password"], demoPassword: row["demo_password"])
            }
        }
    }

    /// Signs a user in. Five wrong passwords in a row lock the user for five minutes (param);
    /// every success and failure is audited.
    ///
    /// The attempt is counted before the (slow) password check, in the same write transaction
    /// that reads the lock: parallel guesses all pass through that one door, so no more than
    /// `auth.max_failed_attempts` of them ever reach the check, however many start at once.
    /// A success gives its attempt back.
    public func authenticate(name: String, password: String) throws -> UserSession {
        let name = name.trimmingSpaces.lowercased()
        let now = clock.now()
        guard canRecordSignIn else { return try authenticateReadOnly(name: name, password: password, now: now) }
        let ids = ids
        let attempt = try writeSignIn { db -> SignInAttempt in
            // Clamped: a mistyped parameter must neither lock everyone out nor overflow the lock time.
            let maximum = min(max(try Int(Parameters.value(db, "auth.max_failed_attempts") ?? "") ?? 5, 1), 100)
            let minutes = min(max(try Int(Parameters.value(db, "auth.lock_minutes") ?? "") ?? 5, 1), 24 * 60)
            guard var stored = try StoredUser.fetch(db, name: name) else {
                try Self.auditSignIn(db, "auth.failure", name, #"{"reason":"unknown user"}"#, now, ids)
                return .refused(.userNotFound(name))
            }
            if let locked = stored.lockedUntil {
                if locked > now {
                    try Self.auditSignIn(db, "auth.locked", name, #"{"reason":"locked"}"#, now, ids)
                    return .refused(.userLocked(user: name, until: locked))
                }
                // The lock has run out: a fresh count starts.
                stored.failures = 0
                try db.execute(
                    sql: "UPDATE app_user SET locked_until = NULL, failed_attempts = 0 WHERE name = ?",
                    arguments: [name])
            }
            guard stored.active else { return .refused(.userInactive(name)) }
            if stored.failures >= maximum {
                return .refused(try Self.lock(db, name, minutes: minutes, now: now, ids: ids))
            }
            try db.execute(
                sql: "UPDATE app_user SET failed_attempts = failed_attempts + 1 WHERE name = ?", arguments: [name])
            return .check(stored, attempt: stored.failures + 1, maximum: maximum, lockMinutes: minutes)
        }
        guard case .check(let stored, let number, let maximum, let minutes) = attempt else {
            if case .refused(let error) = attempt { throw error }
            throw StoreError.database("sign-in")
        }
        guard PasswordHasher.verify(password, against: stored.passwordHash) else {
            throw try writeSignIn { db -> StoreError in
                if number >= maximum { return try Self.lock(db, name, minutes: minutes, now: now, ids: ids) }
                try Self.auditSignIn(db, "auth.failure", name, #"{"failedAttempts":\#(number)}"#, now, ids)
                return StoreError.wrongPassword(user: name, attemptsLeft: maximum - number, lockMinutes: minutes)
            }
        }
        try writeSignIn { db in
            try db.execute(
                sql: "UPDATE app_user SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = ? WHERE name = ?",
                arguments: [now.iso, name])
            try Self.auditSignIn(db, "auth.signin", name, nil, now, ids)
        }
        return UserSession(
            name: name, displayName: stored.displayName, role: stored.role,
            mustChangePassword: stored.mustChangePassword)
    }

    /// Sign-in on a file that cannot be written (read-only, or found damaged): the password and
    /// the lock are checked, nothing is counted or audited, and the session can only read.
    private func authenticateReadOnly(name: String, password: String, now: LocalDateTime) throws -> UserSession {
        guard let stored = try read({ db in try StoredUser.fetch(db, name: name) }) else {
            throw StoreError.userNotFound(name)
        }
        if let locked = stored.lockedUntil, locked > now { throw StoreError.userLocked(user: name, until: locked) }
        guard stored.active else { throw StoreError.userInactive(name) }
        guard PasswordHasher.verify(password, against: stored.passwordHash) else {
            throw StoreError.wrongPassword(user: name, attemptsLeft: nil, lockMinutes: 0)
        }
        return UserSession(
            name: name, displayName: stored.displayName, role: stored.role,
            mustChangePassword: stored.mustChangePassword)
    }

    /// Locks `name` for `minutes` (audited) and returns the refusal to show.
    private static func lock(
        _ db: Database, _ name: String, minutes: Int, now: LocalDateTime, ids: IDGenerator
    ) throws -> StoreError {
        let until = now.adding(seconds: Int64(minutes) * 60)
        try db.execute(sql: "UPDATE app_user SET locked_until = ? WHERE name = ?", arguments: [until.iso, name])
        try auditSignIn(db, "auth.lock", name, #"{"lockedUntil":"\#(until.iso)"}"#, now, ids)
        return .userLocked(user: name, until: until)
    }

    private static func auditSignIn(
        _ db: Database, _ action: String, _ name: String, _ after: String?, _ now: LocalDateTime, _ ids: IDGenerator
    ) throws {
        // Signing in is the one write outside the intent door: there is no session yet.
        try AuditLog.append(
            db, at: now, user: name, action: action, entity: "user", entityID: name, before: nil, after: after)
    }

    /// Checks a supervisor's override: their credentials, their right to override, a reason,
    /// and that the approver is not the person acting (the same rule as settlement approval).
    func checkOverride(_ approval: OverrideApproval, actingAs session: UserSession) throws -> UserSession {
        guard try !inputText(approval.reason, field: "核准原因 override reason").isEmpty else {
            throw StoreError.reasonRequired
        }
        guard approval.supervisor.trimmingSpaces.lowercased() != session.name else {
            throw StoreError.selfApproval(session.name)
        }
        let supervisor = try authenticate(name: approval.supervisor, password: approval.password)
        guard !supervisor.mustChangePassword else { throw StoreError.passwordChangeRequired(supervisor.name) }
        guard supervisor.role.allows(.override) else { throw StoreError.approverNotSupervisor(supervisor.name) }
        return supervisor
    }
}

/// What the counting transaction of a sign-in decided.
private enum SignInAttempt {
    case refused(StoreError)
    case check(StoredUser, attempt: Int, maximum: Int, lockMinutes: Int)
}

/// The columns of `app_user` that sign-in reads; a value that does not parse is an error
/// naming the row.
private struct StoredUser: Sendable {
    var displayName: String
    var role: Role
    var passwordHash: String
    var active: Bool
    var failures: Int
    var lockedUntil: LocalDateTime?
    var mustChangePassword: Bool

    static func fetch(_ db: Database, name: String) throws -> StoredUser? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM app_user WHERE name = ?", arguments: [name]) else {
            return nil
        }
        guard let role = Role(rawValue: row["role"]) else {
            throw StoreError.database("app_user \(name): unknown role \(row["role"] as String? ?? "NULL")")
        }
        var lockedUntil: LocalDateTime?
        if let text = row["locked_until"] as String? {
            guard let locked = try? LocalDateTime(text) else {
                throw StoreError.database("app_user \(name): locked_until \(text) is not a date and time")
            }
            lockedUntil = locked
        }
        return StoredUser(
            displayName: row["display_name"], role: role, passwordHash: row["password_hash"],
            active: (row["active"] as Bool?) ?? false, failures: (row["failed_attempts"] as Int?) ?? 0,
            lockedUntil: lockedUntil, mustChangePassword: (row["must_change_password"] as Bool?) ?? false)
    }
}
