import GRDB
import LuckyGasCore

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
}

extension AppDatabase {
    /// Creates a user with a salted PBKDF2 hash of `password` (admin only, audited).
    public func createUser(
        name: String, displayName: String, role: Role, password: String, by session: UserSession,
        salt: [UInt8] = PasswordHasher.randomSalt(), rounds: Int = PasswordHasher.defaultRounds
    ) throws {
        try session.require(.administer)
        let name = name.trimmingSpaces.lowercased()
        guard !name.isEmpty else { throw StoreError.invalid(.empty(field: "帳號 user name")) }
        guard password.count >= 4 else {
            throw StoreError.invalid(.empty(field: "密碼(至少 4 字) password (4+ characters)"))
        }
        let hash: String
        do { hash = try PasswordHasher.hash(password, salt: salt, rounds: rounds) } catch {
            throw StoreError.database("password hashing failed: \(error)")
        }
        let now = clock.now()
        let ids = ids
        try write { db in
            try db.execute(
                sql:
                    "INSERT INTO app_user (name, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [name, displayName, role.rawValue, hash, now.iso])
            let after = try AuditLog.json(["name": name, "displayName": displayName, "role": role.rawValue])
            try Change(action: "user.create", entity: "user", entityID: name, after: after, version: 1, event: nil)
                .record(db, user: session.name, at: now, ids: ids)
        }
    }

    /// Whether the database has any user yet (a fresh `db init` needs an administrator first).
    public func hasUsers() throws -> Bool {
        try read { try Bool.fetchOne($0, sql: "SELECT EXISTS (SELECT 1 FROM app_user)") ?? false }
    }

    /// Creates the first administrator of an empty database.
    public func bootstrapAdministrator(password: String, rounds: Int = PasswordHasher.defaultRounds) throws {
        guard try !hasUsers() else { return }
        try createUser(
            name: "admin", displayName: "系統管理員", role: .admin, password: password, by: .system, rounds: rounds)
    }

    /// All users.
    public func users() throws -> [UserSummary] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM app_user ORDER BY name").map { row in
                UserSummary(
                    name: row["name"], displayName: row["display_name"], role: Role(rawValue: row["role"]) ?? .counter,
                    active: row["active"],
                    lockedUntil: (row["locked_until"] as String?).flatMap { try? LocalDateTime($0) })
            }
        }
    }

    /// Signs a user in. Five wrong passwords in a row lock the user for five minutes (param);
    /// every success and failure is audited.
    public func authenticate(name: String, password: String) throws -> UserSession {
        let name = name.trimmingSpaces.lowercased()
        let now = clock.now()
        let ids = ids
        let stored = try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM app_user WHERE name = ?", arguments: [name]).map { row in
                StoredUser(
                    displayName: row["display_name"], role: Role(rawValue: row["role"]) ?? .counter,
                    passwordHash: row["password_hash"], active: row["active"],
                    lockedUntil: (row["locked_until"] as String?).flatMap { try? LocalDateTime($0) })
            }
        }
        guard let stored else {
            try write { db in
                try Change(
                    action: "auth.failure", entity: "user", entityID: name, after: #"{"reason":"unknown user"}"#,
                    version: 0, event: nil
                ).record(db, user: name, at: now, ids: ids)
            }
            throw StoreError.userNotFound(name)
        }
        if let locked = stored.lockedUntil, locked > now {
            try write { db in
                try Change(
                    action: "auth.locked", entity: "user", entityID: name, after: #"{"reason":"locked"}"#,
                    version: 0, event: nil
                ).record(db, user: name, at: now, ids: ids)
            }
            throw StoreError.userLocked(user: name, until: locked)
        }
        guard stored.active else { throw StoreError.userInactive(name) }
        guard PasswordHasher.verify(password, against: stored.passwordHash) else {
            throw try recordFailedSignIn(name: name, now: now)
        }
        let role = stored.role
        try write { db in
            try db.execute(
                sql: "UPDATE app_user SET failed_attempts = 0, locked_until = NULL WHERE name = ?", arguments: [name])
            try Change(action: "auth.signin", entity: "user", entityID: name, after: nil, version: 0, event: nil)
                .record(db, user: name, at: now, ids: ids)
        }
        return UserSession(name: name, displayName: stored.displayName, role: role)
    }

    private func recordFailedSignIn(name: String, now: LocalDateTime) throws -> StoreError {
        let ids = ids
        return try write { db in
            let maximum = try Int(Parameters.value(db, "auth.max_failed_attempts") ?? "") ?? 5
            let minutes = try Int(Parameters.value(db, "auth.lock_minutes") ?? "") ?? 5
            let failures =
                (try Int.fetchOne(
                    db,
                    sql:
                        "UPDATE app_user SET failed_attempts = failed_attempts + 1 WHERE name = ? RETURNING failed_attempts",
                    arguments: [name]) ?? 1)
            if failures >= maximum {
                let until = now.adding(seconds: Int64(minutes) * 60)
                try db.execute(
                    sql: "UPDATE app_user SET locked_until = ?, failed_attempts = 0 WHERE name = ?",
                    arguments: [until.iso, name])
                try Change(
                    action: "auth.lock", entity: "user", entityID: name,
                    after: #"{"lockedUntil":"\#(until.iso)"}"#, version: 0, event: nil
                )
                .record(db, user: name, at: now, ids: ids)
                return StoreError.userLocked(user: name, until: until)
            }
            try Change(
                action: "auth.failure", entity: "user", entityID: name,
                after: #"{"failedAttempts":\#(failures)}"#, version: 0, event: nil
            ).record(db, user: name, at: now, ids: ids)
            return StoreError.wrongPassword(user: name, attemptsLeft: maximum - failures)
        }
    }

    /// Checks a supervisor's override: their credentials, their right to override, and a reason.
    func checkOverride(_ approval: OverrideApproval) throws -> UserSession {
        guard !approval.reason.trimmingSpaces.isEmpty else { throw StoreError.reasonRequired }
        let supervisor = try authenticate(name: approval.supervisor, password: approval.password)
        guard supervisor.role.allows(.override) else { throw StoreError.approverNotSupervisor(supervisor.name) }
        return supervisor
    }
}

/// The columns of `app_user` that sign-in reads.
private struct StoredUser: Sendable {
    var displayName: String
    var role: Role
    var passwordHash: String
    var active: Bool
    var lockedUntil: LocalDateTime?
}
