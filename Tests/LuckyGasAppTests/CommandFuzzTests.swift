import Foundation
import GRDB
import Testing

@testable import LuckyGasStore

/// Property: whatever arguments a person types, every command answers with exit 0, 1, 2 or 3,
/// never a trap; with `--json` a failure is the JSON error object; and afterwards the file
/// passes `db check` with the books balanced. A sweep runs every kind of command with every
/// number at each extreme (110 runs), then random lines; seeded and bounded by an iteration count
/// (`LUCKYGAS_FUZZ_SEED`, `LUCKYGAS_FUZZ_ITERATIONS` vary them).
@Suite("Fuzzing every command with random and extreme arguments")
struct CommandFuzzTests {
    static let numbers = [
        "0", "1", "-1", "2", "999", "1000", "1500", "10000000", "10000001", String(Int64.max), String(Int64.min),
        "9223372036854775808", "99999999999999999999", "1.5", "-5000", "1e9", "abc", "", "０", "٣",
    ]
    static let texts = [
        "王", "測試", "", " ", "a\u{1B}[31mred", "\u{202E}evil", String(repeating: "長", count: 300),
        "'; DROP TABLE customer;--",
        "%s%n", "\u{0}", "客戶取消",
    ]
    static let customers = ["C000032", "C000001", "C999999", "X", "c000032", ""]
    static let dates = [
        "2026-11-20", "2026-12-04", "1970-01-01", "2099-01-01", "2026-02-30", "20261120", "", "2026-13-01",
    ]
    static let users = ["counter", "accountant", "dispatcher", "supervisor", "admin", "nobody"]

    /// The kinds of command line `command` builds.
    static let kinds = 22

    /// One random command line (without `--db`): of `kind` (random when nil), every number
    /// `forced` when given.
    static func command(_ random: inout SampleRandom, kind: UInt64? = nil, forced: String? = nil) -> [String] {
        let number = { (random: inout SampleRandom) in forced ?? random.pick(numbers) }
        let text = { (random: inout SampleRandom) in random.pick(texts) }
        let customer = { (random: inout SampleRandom) in random.pick(customers) }
        let date = { (random: inout SampleRandom) in random.pick(dates) }
        let user = { (random: inout SampleRandom) in random.pick(users) }
        let item = { (random: inout SampleRandom) in
            random.pick(["P001", "P002", "P005", "P999", "X"]) + "=" + (forced ?? random.pick(numbers))
        }
        switch kind ?? random.next() % UInt64(kinds) {
        case 0: return ["order", "quote", "--customer", customer(&random), "--item", item(&random)]
        case 1:
            return [
                "order", "place", "--customer", customer(&random), "--item", item(&random), "--item", item(&random),
                "--user", user(&random),
            ]
        case 2: return ["credit", "check", customer(&random), "--amount", number(&random)]
        case 3:
            return [
                "payment", "record", "--customer", customer(&random), "--amount", number(&random), "--method",
                random.pick(["cash", "check", "bank_transfer", "bitcoin"]), "--date", date(&random), "--reference",
                text(&random),
                "--user", user(&random),
            ]
        case 4:
            return [
                "customer", "add", "--name", text(&random), "--phone", random.pick(["0912345678", "12", ""]), "--type",
                random.pick(["residential", "commercial", "x"]), "--terms", random.pick(["cod", "net30", "monthly"]),
                "--limit", number(&random), "--address", random.pick(["台北市中正區重慶南路一段1號", "台北市中山區", text(&random)]),
                "--postal-code", random.pick(["100", "104", "999", "1", number(&random)]), "--zone", "north", "--user",
                user(&random),
            ]
        case 5: return ["customer", "show", customer(&random)]
        case 6: return ["customer", "search", text(&random), "--limit", number(&random)]
        case 7:
            return [
                "customer", "statement", customer(&random), "--from", date(&random), "--to", date(&random), "--user",
                user(&random),
            ]
        case 8: return ["report", "aging", "--as-of", date(&random), "--user", user(&random)]
        case 9: return ["gl", "trial-balance", "--as-of", date(&random), "--user", user(&random)]
        case 10: return ["order", "list", "--limit", number(&random), "--from", date(&random)]
        case 11:
            return [
                "order", "deliver", "O-20261118-000009", "--qty", item(&random), "--empties", number(&random),
                "--collected", number(&random), "--user", user(&random),
            ]
        case 12: return ["order", "cancel", "O-20261118-000009", "--reason", text(&random), "--user", user(&random)]
        case 13:
            return [
                "settlement", "submit", "DRV001", "--date", date(&random), "--cash", number(&random), "--checks",
                number(&random), "--user", user(&random),
            ]
        case 14:
            return [
                "payment", "refund", "RCP-20261120-001", "--amount", number(&random), "--reason", text(&random),
                "--user", user(&random),
            ]
        case 15:
            return [
                "invoice", "list", "--limit", number(&random), "--period",
                random.pick(["11512", "11511", "0", number(&random)]),
            ]
        case 16:
            return [
                "invoice", "allowance", "AA76000000", "--line", "1=" + number(&random), "--reason", text(&random),
                "--user", user(&random),
            ]
        case 17: return ["credit", "hold", customer(&random), "--reason", text(&random), "--user", user(&random)]
        case 18: return ["bank", "lines", "--limit", number(&random), "--status", random.pick(["open", "all", "x"])]
        case 19: return ["payment", "list", "--customer", customer(&random), "--date", date(&random)]
        case 20: return ["einvoice", "tracks", "usage", "--period", random.pick(["11512", number(&random)])]
        default: return ["gl", "provision", "--as-of", date(&random), "--user", user(&random)]
        }
    }

    @Test("Random and extreme arguments: no trap, exit 0/1/2/3, JSON errors, db check ok and books balanced")
    func fuzz() throws {
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["LUCKYGAS_FUZZ_SEED"].flatMap { UInt64($0) } ?? 2026_1204
        let iterations = environment["LUCKYGAS_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? 200
        var random = SampleRandom(seed: seed)
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        // First a sweep: every kind of command with every number at each extreme, then random lines.
        let extremes = [String(Int64.max), String(Int64.min), "9223372036854775808", "-1", "0"]
        let sweep = (0..<UInt64(Self.kinds)).flatMap { kind in extremes.map { (kind, $0) } }
        for iteration in 0..<(sweep.count + iterations) {
            let forced = iteration < sweep.count ? sweep[iteration] : nil
            var arguments = Self.command(&random, kind: forced?.0, forced: forced?.1)
            let json = random.chance(50)
            if json { arguments.append("--json") }
            let user = arguments.firstIndex(of: "--user").map { arguments[$0 + 1] }
            // Mostly the right password, sometimes a wrong one (the lock is reset below).
            let password = random.chance(90) ? user : "wrong"
            let result = try cli.run(arguments, password: password)
            let context = "seed \(seed) #\(iteration): \(arguments) -> \(result.status)\n\(result.stderr)"
            #expect(!result.signalled, "trapped: \(context)")
            #expect([0, 1, 2, 3].contains(result.status), "\(context)")
            if json && result.status != 0 {
                let body = try? result.json()
                let error = body?["error"] as? [String: String]
                #expect(error?["zh"] != nil && error?["en"] != nil, "no JSON error: \(context)\n\(result.stdout)")
            }
            #expect(!result.stdout.contains("\u{1B}") && !result.stderr.contains("\u{1B}"), "raw ESC: \(context)")
            if result.stderr.contains("is locked until") {
                try Self.unlockEveryone(cli.database)
            }
        }
        let check = try cli.run(["db", "check", "--json"])
        #expect(check.status == 0, "\(check.stdout)")
        let trial = try cli.run(["gl", "trial-balance", "--json", "--user", "accountant"], password: "accountant")
        #expect(try trial.json()["balanced"] as? Bool == true)
    }

    /// Lifts the sign-in locks the wrong passwords caused, so the run goes on testing commands.
    static func unlockEveryone(_ path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "UPDATE app_user SET locked_until = NULL, failed_attempts = 0") }
        try queue.close()
    }
}
