import GRDB
import LuckyGasCore
import LuckyGasTestSupport
import LuckyGasWire
import Testing

@testable import LuckyGasStore

/// Expects `body` to throw the store error `matches` accepts.
private func expectRefused(
    _ matches: @escaping (StoreError) -> Bool, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> Void
) {
    #expect(sourceLocation: sourceLocation) {
        try body()
    } throws: { error in
        guard let error = error as? StoreError else { return false }
        return matches(error)
    }
}

@Suite("Users: the administrator adds, resets, changes roles, disables, unlocks")
struct UserAdminStoreTests {
    @Test("Adding a user: 8+ character password, a free name, audited and sent without the password")
    func add() throws {
        let branch = try TestBranch.make()
        let database = branch.database
        expectRefused({ if case .passwordTooShort(8) = $0 { true } else { false } }) {
            try database.addUser(
                name: "lin", displayName: "林小姐", role: .accountant, password: "short", by: branch.admin)
        }
        expectRefused({ if case .userExists("counter") = $0 { true } else { false } }) {
            try database.addUser(
                name: "counter", displayName: "x", role: .counter, password: "long enough", by: branch.admin)
        }
        #expect(throws: StoreError.self) {
            try database.addUser(
                name: "lin", displayName: "林小姐", role: .accountant, password: "lin-secret-1", by: branch.counter)
        }
        try database.addUser(
            name: "Lin", displayName: "林小姐", role: .accountant, password: "lin-secret-1", by: branch.admin)
        let lin = try database.authenticate(name: "lin", password: "lin-secret-1")
        #expect(lin.role == .accountant)
        let events = try OutboxContract.verify(database)
        let added = try #require(events.last { $0.type == "UserAdded" })
        #expect(added.aggregateID == "lin" && added.version == 1 && !added.payload.contains("secret"))
        let audit = try database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT COALESCE(after, '') FROM audit_log WHERE entity = 'user'")
        }
        #expect(!audit.contains { $0.contains("secret") || $0.contains("pbkdf2") })
    }

    @Test("Roles: never your own; the last active administrator keeps the role and stays enabled")
    func rolesAndTheLastAdministrator() throws {
        let branch = try TestBranch.make()
        let database = branch.database
        expectRefused({ if case .ownRole("admin") = $0 { true } else { false } }) {
            try database.setRole(of: "admin", to: .counter, by: branch.admin)
        }
        expectRefused({ if case .lastAdministrator("admin") = $0 { true } else { false } }) {
            try database.setActive("admin", false, by: branch.admin)
        }
        try database.setRole(of: "supervisor", to: .admin, by: branch.admin)
        let second = try database.authenticate(name: "supervisor", password: "supervisor")
        try database.setRole(of: "admin", to: .supervisor, by: second)
        expectRefused({ if case .lastAdministrator("supervisor") = $0 { true } else { false } }) {
            try database.setActive("supervisor", false, by: second)
        }
        try database.setActive("counter", false, by: second)
        expectRefused({ if case .userInactive("counter") = $0 { true } else { false } }) {
            _ = try database.authenticate(name: "counter", password: "counter")
        }
        try database.setActive("counter", true, by: second)
        _ = try database.authenticate(name: "counter", password: "counter")
        let events = try OutboxContract.verify(database)
        #expect(
            events.filter { $0.aggregateID == "counter" && $0.type == "UserChanged" }.map(\.version) == [2, 3])
    }

    @Test("Passwords: an administrator resets (and unlocks); a user changes their own with the old one")
    func passwords() throws {
        let branch = try TestBranch.make()
        let database = branch.database
        for _ in 0..<5 { _ = try? database.authenticate(name: "counter", password: "wrong") }
        #expect(throws: StoreError.self) { _ = try database.authenticate(name: "counter", password: "counter") }
        #expect(try database.users().first { $0.name == "counter" }?.lockedUntil != nil)
        try database.unlockUser("counter", by: branch.admin)
        _ = try database.authenticate(name: "counter", password: "counter")
        try database.resetPassword(of: "counter", to: "counter-new-1", by: branch.admin)
        let counter = try database.authenticate(name: "counter", password: "counter-new-1")
        #expect(throws: StoreError.self) {
            try database.changePassword(of: counter, from: "not it", to: "counter-new-2")
        }
        try database.changePassword(of: counter, from: "counter-new-1", to: "counter-new-2")
        _ = try database.authenticate(name: "counter", password: "counter-new-2")
        #expect(throws: StoreError.self) { try database.resetPassword(of: "counter", to: "x", by: branch.counter) }
        let changes = try OutboxContract.verify(database).filter {
            $0.aggregateID == "counter" && $0.type == "UserChanged"
        }.map {
            try WireJSON.decode(UserChanged.self, from: $0.payload).change
        }
        #expect(changes == ["UNLOCKED", "PASSWORD_RESET", "PASSWORD_CHANGED"])
    }

    @Test("A password an administrator set must be changed at the next sign-in; last sign-in is kept")
    func mustChangeAfterAddAndReset() throws {
        let branch = try TestBranch.make()
        let database = branch.database
        try database.addUser(
            name: "lin", displayName: "林小姐", role: .accountant, password: "first-pass-1", by: branch.admin)
        let first = try database.authenticate(name: "lin", password: "first-pass-1")
        #expect(first.mustChangePassword)
        expectRefused({ if case .passwordUnchanged = $0 { true } else { false } }) {
            try database.changePassword(of: first, from: "first-pass-1", to: "first-pass-1")
        }
        let changed = try database.changePassword(of: first, from: "first-pass-1", to: "my-own-pass")
        #expect(!changed.mustChangePassword)
        #expect(try !database.authenticate(name: "lin", password: "my-own-pass").mustChangePassword)
        try database.resetPassword(of: "lin", to: "reset-pass-2", by: branch.admin)
        #expect(try database.authenticate(name: "lin", password: "reset-pass-2").mustChangePassword)
        let listed = try #require(try database.users().first { $0.name == "lin" })
        #expect(listed.mustChangePassword && listed.lastSignIn == branch.time.now)
        #expect(try database.users().first { $0.name == "supervisor" }?.lastSignIn != nil)
        // A supervisor whose password was reset cannot approve until they change it.
        try database.resetPassword(of: "supervisor", to: "temporary-9", by: branch.admin)
        expectRefused({ if case .passwordChangeRequired("supervisor") = $0 { true } else { false } }) {
            _ = try database.checkOverride(
                OverrideApproval(supervisor: "supervisor", password: "temporary-9", reason: "急件"),
                actingAs: branch.counter)
        }
    }

    @Test("Demo passwords are marked until changed, and warned about only outside the demo")
    func demoPasswords() throws {
        let branch = try TestBranch.make()
        let database = branch.database
        #expect(try database.demoPasswordUsers() == ["accountant", "admin", "counter", "dispatcher", "supervisor"])
        try database.resetPassword(of: "counter", to: "counter-real-1", by: branch.admin)
        try database.setActive("dispatcher", false, by: branch.admin)
        #expect(try database.demoPasswordUsers() == ["accountant", "admin", "supervisor"])
        try database.setParameter("branch.demo", value: "1", by: branch.admin)
        #expect(try database.demoPasswordUsers().isEmpty)
        expectRefused({ if case .passwordTooShort(8) = $0 { true } else { false } }) {
            let fresh = try AppDatabase.inMemory()
            try fresh.bootstrapAdministrator(password: "admin", rounds: 1_000)
        }
    }

    @Test("A parameter value is checked by its kind before the rules read it")
    func parameterKinds() throws {
        let branch = try TestBranch.make()
        let database = branch.database
        for (key, bad) in [
            ("order.same_day_cutoff", "2pm"), ("order.cancellation_window_hours", "-1"),
            ("einvoice.qr_key_is_test", "2"),
            ("bank.va_prefix", "12"), ("receivables.provision_percent", "0,1,5"), ("einvoice.qr_key", "not-hex"),
            ("receivables.collection_balance", "五萬"),
        ] {
            expectRefused({ if case .parameterRefused(key, _, _) = $0 { true } else { false } }) {
                try database.changeParameter(key, value: bad, reason: "測試", by: branch.admin)
            }
        }
        try database.changeParameter("order.cancellation_window_hours", value: "6", reason: "颱風季", by: branch.admin)
        try database.changeParameter(
            "receivables.provision_percent", value: "0,2,5,20,60", reason: "會計師建議", by: branch.admin)
        #expect(
            try database.parameters().first { $0.key == "receivables.provision_percent" }?.kind == .percents(count: 5))
        try database.changeParameter(
            "einvoice.qr_key", value: String(repeating: "ab", count: 16), reason: "新金鑰", by: branch.admin)
        let parameters = try database.parameters()
        #expect(parameters.first { $0.key == "order.cancellation_window_hours" }?.value == "6")
        #expect(parameters.first { $0.key == "einvoice.qr_key" }?.value == "***")
        #expect(parameters.first { $0.key == "order.same_day_cutoff" }?.kind == .time)
        let audit = try database.writer.read { db in
            try String.fetchAll(
                db, sql: "SELECT COALESCE(after, '') FROM audit_log WHERE entity = 'parameter' ORDER BY id")
        }
        #expect(!audit.contains { $0.contains("abab") })
    }
}
