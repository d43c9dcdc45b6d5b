import GRDB
import LuckyGasCore
import LuckyGasTestSupport
import Testing

@testable import LuckyGasStore

@Suite("Users, passwords and sign-in")
struct AuthStoreTests {
    @Test("Passwords are stored as salted PBKDF2 hashes, never in plain text")
    func hashedPasswords() throws {
        let branch = try TestBranch.make()
        let hashes = try branch.database.writer.read {
            try String.fetchAll($0, sql: "SELECT password_hash FROM app_user")
        }
        #expect(hashes.count == 5)
        for hash in hashes {
            #expect(hash.hasPrefix("pbkdf2-sha256$"))
            #expect(!hash.contains("counter") && !hash.contains("admin"))
        }
        #expect(Set(hashes).count == hashes.count)
        #expect(
            PasswordHasher.verify("counter", against: hashes[0]) || PasswordHasher.verify("admin", against: hashes[0]))
    }

    @Test("The same password with two salts gives two hashes; verification is exact")
    func saltAndVerify() throws {
        let first = try PasswordHasher.hash("secret", salt: Array(repeating: 1, count: 16), rounds: 1_000)
        let second = try PasswordHasher.hash("secret", salt: Array(repeating: 2, count: 16), rounds: 1_000)
        #expect(first != second)
        #expect(PasswordHasher.verify("secret", against: first))
        #expect(!PasswordHasher.verify("Secret", against: first))
        #expect(!PasswordHasher.verify("secret", against: "plain"))
    }

    @Test("Five wrong passwords lock the user for five minutes; every attempt is audited")
    func lockout() throws {
        let branch = try TestBranch.make()
        for attempt in 1...4 {
            #expect(throws: StoreError.self) {
                try branch.database.authenticate(name: "counter", password: "wrong\(attempt)")
            }
        }
        do {
            _ = try branch.database.authenticate(name: "counter", password: "wrong5")
            Issue.record("the fifth wrong password must lock")
        } catch StoreError.userLocked(let user, let until) {
            #expect(user == "counter")
            #expect(until == branch.time.now.adding(seconds: 300))
        }
        // Even the right password is refused while locked.
        #expect(throws: StoreError.self) { try branch.database.authenticate(name: "counter", password: "counter") }
        branch.time.set(branch.time.now.adding(seconds: 301))
        let session = try branch.database.authenticate(name: "counter", password: "counter")
        #expect(session.role == .counter)
        let actions = try branch.database.writer.read {
            try String.fetchAll($0, sql: "SELECT action FROM audit_log WHERE entity_id = 'counter' ORDER BY id")
        }
        #expect(actions.filter { $0 == "auth.failure" }.count == 4)
        #expect(actions.contains("auth.lock"))
        #expect(actions.contains("auth.locked"))
        #expect(actions.last == "auth.signin")
    }

    @Test("An unknown user gets the same message as a wrong password")
    func unknownUser() throws {
        let branch = try TestBranch.make()
        do {
            _ = try branch.database.authenticate(name: "nobody", password: "x")
            Issue.record("unknown user must be refused")
        } catch let error as StoreError {
            #expect(error.operatorMessage.en.contains("Wrong user name or password"))
        }
    }
}
