import Foundation
import GRDB
import LuckyGasCore
import LuckyGasTerminal
import Testing

/// Issue 18: bad input, wrong roles, parallel guessing and damaged files, each tried on the real
/// binary over a copy of the sample. Every test here failed on the code before the issue.
@Suite("Hardening: bad input, wrong roles, parallel guessing, damaged files")
struct HardeningCLITests {
    /// A digest of every business row (all tables but the sign-in bookkeeping: `audit_log` and
    /// `app_user` record each sign-in, and the search index mirrors `customer`).
    static func businessFingerprint(_ path: String) throws -> String {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        return try queue.read { db in
            let skipped: Set<String> = ["audit_log", "app_user", "sqlite_sequence", "sync_outbox"]
            let tables = try String.fetchAll(
                db,
                sql: """
                    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'customer_fts%'
                    AND name NOT LIKE 'customer_gram%' ORDER BY name
                    """
            ).filter { !skipped.contains($0) }
            var text = ""
            for table in tables {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\" ORDER BY rowid") {
                    text += table + row.description + "\n"
                }
            }
            var hasher = Hasher()
            hasher.combine(text)
            return "\(text.count)-\(hasher.finalize())"
        }
    }

    static func files(in directory: URL) -> [String] {
        (FileManager.default.enumerator(atPath: directory.path)?.allObjects as? [String] ?? [])
    }

    @Test("Item 1/10: a role that may not run a command is refused before any file or row is written")
    func permissionBeforeSideEffects() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let out = cli.directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let before = try Self.businessFingerprint(cli.database)
        let cases: [([String], [String])] = [
            (["einvoice", "export", "--turnkey", out.path], ["counter", "dispatcher", "admin"]),
            (["tax", "media-file", "--period", "11512", "--out", out.path + "/401.txt"], ["counter", "dispatcher"]),
            (["gl", "export", "--out", out.path + "/gl.journal"], ["counter", "admin"]),
            (["gl", "trial-balance"], ["counter"]),
            (["report", "aging"], ["dispatcher"]),
            (["customer", "statement", "C000032", "--from", "2026-11-01", "--to", "2026-11-30"], ["counter"]),
            (["invoice", "print", "AA76000000", "--out", out.path + "/proof.bin"], ["counter", "dispatcher"]),
            (["payment", "record", "--customer", "C000032", "--amount", "100", "--method", "cash"], ["counter"]),
            (["order", "place", "--customer", "C000032", "--item", "P001=1"], ["accountant", "dispatcher"]),
            (
                [
                    "customer", "add", "--name", "測試", "--phone", "0912345678", "--type", "residential", "--terms",
                    "cod", "--address", "台北市中正區重慶南路一段1號", "--postal-code", "100", "--zone", "north",
                ], ["dispatcher", "accountant"]
            ),
            (["settlement", "approve", "DRV001", "--date", "2026-11-20"], ["accountant", "counter"]),
            (["bank", "match", "--auto"], ["counter"]),
        ]
        for (arguments, roles) in cases {
            for role in roles {
                let result = try cli.run(arguments + ["--user", role], password: role)
                #expect(result.status == 1, "\(arguments) as \(role): \(result.stderr)")
                #expect(result.stderr.contains("is not allowed to") && result.stderr.contains("沒有權限"))
            }
        }
        // Replacing the branch file needs its administrator.
        for (user, password) in [(nil, "x"), ("counter", "counter"), ("admin", "wrong")] as [(String?, String)] {
            let replace = try cli.run(
                ["db", "init", "--force"] + (user.map { ["--user", $0] } ?? []), password: password)
            #expect(replace.status != 0, "db init --force as \(user ?? "nobody")")
        }
        #expect(Self.files(in: out).isEmpty, "\(Self.files(in: out))")
        let copy = cli.directory.appendingPathComponent("copy.db").path
        try FileManager.default.copyItem(atPath: cli.database, toPath: copy)
        let replaced = try cli.run(
            ["db", "init", "--force", "--sample", "--db", copy, "--user", "admin"], password: "admin",
            withDatabase: false)
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(try Self.businessFingerprint(cli.database) == before)
        // The right role then exports every message once.
        let export = try cli.run(
            ["einvoice", "export", "--turnkey", out.path, "--user", "accountant", "--json"], password: "accountant")
        let written = try export.json()["written"] as? Int ?? 0
        #expect(export.status == 0 && written > 300)
    }

    @Test("Items 2/3/13: extreme numbers are refused with a message, never a trap; the books stay balanced")
    func extremeNumbers() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let maximum = String(Int64.max)
        let cases: [([String], String)] = [
            (["order", "quote", "--customer", "C000032", "--item", "P001=11300000000000000"], ""),
            (["order", "place", "--customer", "C000032", "--item", "P001=" + maximum, "--user", "counter"], "counter"),
            (
                ["order", "place", "--customer", "C000032", "--item", "P001=100000000000000", "--user", "counter"],
                "counter"
            ),
            (["order", "place", "--customer", "C000032", "--item", "P001=1000", "--user", "counter"], "counter"),
            (
                [
                    "payment", "record", "--customer", "C000032", "--amount", maximum, "--method", "cash", "--user",
                    "accountant",
                ], "accountant"
            ),
            (
                [
                    "payment", "record", "--customer", "C000032", "--amount", "10000001", "--method", "cash", "--user",
                    "accountant",
                ], "accountant"
            ),
            (
                [
                    "customer", "add", "--name", "大額", "--phone", "0912345678", "--type", "commercial", "--terms",
                    "net30", "--limit", maximum, "--address", "台北市中正區重慶南路一段1號", "--postal-code", "100",
                    "--zone", "north", "--user", "counter",
                ], "counter"
            ),
            (
                ["settlement", "submit", "DRV001", "--date", "2026-11-20", "--cash", maximum, "--user", "accountant"],
                "accountant"
            ),
            (
                [
                    "payment", "refund", "RCP-20261120-001", "--amount", maximum, "--reason", "x", "--user",
                    "accountant",
                ], "accountant"
            ),
        ]
        for (arguments, password) in cases {
            let result = try cli.run(arguments, password: password.isEmpty ? nil : password)
            #expect(!result.signalled, "\(arguments) trapped")
            #expect([1, 2].contains(result.status), "\(arguments): \(result.status) \(result.stdout)")
            #expect(result.stderr.contains("錯誤：") && result.stderr.contains("Error: "), "\(arguments)")
        }
        // A credit check amount is bounded like a document; the smallest Int64 prints, never traps.
        for amount in [maximum, String(Int64.min)] {
            let credit = try cli.run(["credit", "check", "C000032", "--amount", amount])
            #expect(!credit.signalled && credit.status == 1 && credit.stderr.contains("Error: "))
        }
        for list in [["invoice", "list"], ["order", "list"], ["bank", "lines"], ["customer", "search", "王"]] {
            let negative = try cli.run(list + ["--limit", "-1"])
            #expect(negative.status == 1 && negative.stderr.contains("must be above 0"), "\(list)")
        }
        // Past its cancellation deadline (the order was for 2026-11-18), a supervisor alone is not
        // their own approver: another supervisor must approve.
        let ownOverride = try cli.run(
            ["order", "cancel", "O-20261118-000009", "--reason", "客戶取消", "--user", "supervisor"],
            password: "supervisor")
        #expect(ownOverride.status == 1 && ownOverride.stderr.contains("Past the cancellation deadline"))
        let place = try cli.run(
            ["order", "place", "--customer", "C000032", "--item", "P001=1000", "--user", "counter"], password: "counter"
        )
        #expect(place.stderr.contains("At most 999 of P001"))
        #expect(try cli.run(["db", "check"]).status == 0)
        let trial = try cli.run(["gl", "trial-balance", "--json", "--user", "accountant"], password: "accountant")
        #expect(try trial.json()["balanced"] as? Bool == true)
        // A figure wider than its column is #####, never its last digits.
        #expect(DisplayWidth.rightAligned("9,223,372,036,854,775,807", width: 9) == "#########")
        #expect(DisplayWidth.rightAligned("1,785", width: 9) == "    1,785")
    }

    @Test("Item 4: a supervisor cannot approve their own override")
    func noSelfApproval() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let result = try cli.run(
            [
                "order", "cancel", "O-20261118-000009", "--reason", "客戶取消", "--user", "supervisor", "--override-by",
                "Supervisor", "--override-reason", "自己核准",
            ], password: "supervisor", extraEnvironment: ["LUCKYGAS_OVERRIDE_PASSWORD": "supervisor"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot approve their own action") && result.stderr.contains("不能核准自己"))
    }

    @Test("Item 5: thirty wrong passwords at once meet the same limit of five")
    func parallelGuessing() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let results = NSLockedResults()
        DispatchQueue.concurrentPerform(iterations: 30) { _ in
            let result = try? cli.run(
                ["order", "place", "--customer", "C000032", "--item", "P001=1", "--user", "counter"], password: "guess")
            results.append(result?.stderr ?? "")
        }
        let checked = results.all.filter { $0.contains("Wrong user name or password") }.count
        let locked = results.all.filter { $0.contains("is locked until") }.count
        #expect(checked <= 4, "\(checked) wrong-password answers before the lock")
        #expect(checked + locked == 30)
        let right = try cli.run(["gl", "trial-balance", "--user", "counter"], password: "counter")
        #expect(right.stderr.contains("is locked until"))
    }

    @Test("Item 6: payments dated before the books open or after today are refused")
    func paymentDates() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        for date in ["1970-01-01", "2099-01-01"] {
            let result = try cli.run(
                [
                    "payment", "record", "--customer", "C000032", "--amount", "100", "--method", "cash", "--date", date,
                    "--user", "accountant",
                ], password: "accountant")
            #expect(result.status == 1)
            #expect(result.stderr.contains("outside the posting window") && result.stderr.contains("不在可入帳期間"))
        }
    }

    @Test("Item 2/6 for bank files: a line too large or dated outside the window stays open; the rest imports")
    func bankLinesOutsideTheBounds() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let statement = try cli.run(
            [
                "customer", "statement", "C000032", "--from", "2026-11-01", "--to", "2026-11-30", "--json", "--user",
                "accountant",
            ], password: "accountant"
        ).json()
        let va = try #require(statement["virtualAccount"] as? String)
        let mt940 = """
            :20:HARDENING
            :25:004/012345678901
            :28C:00001/001
            :60F:C261117TWD500000,
            :61:2611171117C20000000,NTRFNONREF//B1
            :86:/VA/\(va)/NAME/BIG
            :61:9901010101C1000,NTRFNONREF//B2
            :86:/VA/\(va)/NAME/OLD
            :62F:C261117TWD20501000,
            -
            """
        let file = cli.directory.appendingPathComponent("bounds.sta")
        try mt940.write(to: file, atomically: true, encoding: .utf8)
        let result = try cli.run(
            ["bank", "import", file.path, "--user", "accountant", "--json"], password: "accountant")
        #expect(result.status == 0, "\(result.stderr)")
        let counts = try result.json()
        #expect(counts["new"] as? Int == 2 && counts["matched"] as? Int == 0)
        let open = try cli.run(["bank", "lines", "--json"])
        #expect(open.stdout.contains("20000000") || open.stdout.contains("20,000,000"))
        #expect(try cli.run(["db", "check"]).status == 0)
    }

    @Test("Items 7/12: control characters, long text and wrong postal codes are refused; stored ones print as �")
    func textAndPostalCodes() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        func add(name: String, address: String, postal: String) throws -> CLIHarness.Result {
            try cli.run(
                [
                    "customer", "add", "--name", name, "--phone", "0912345678", "--type", "residential", "--terms",
                    "cod",
                    "--address", address, "--postal-code", postal, "--zone", "north", "--user", "counter", "--json",
                ], password: "counter")
        }
        let escape = try add(name: "a\u{1B}[31mred", address: "台北市中正區重慶南路一段1號", postal: "100")
        #expect(escape.status == 2 && !escape.stdout.contains("\u{1B}") && !escape.stderr.contains("\u{1B}"))
        let long = try add(name: String(repeating: "長", count: 61), address: "台北市中正區重慶南路一段1號", postal: "100")
        #expect(long.status == 1 && long.stderr.contains("at most 60 characters"))
        let unknown = try add(name: "郵號", address: "台北市中正區重慶南路一段1號", postal: "999")
        #expect(unknown.status == 1 && unknown.stderr.contains("does not exist"))
        let mismatch = try add(name: "郵號", address: "台北市中山區南京東路二段100號", postal: "100")
        #expect(mismatch.status == 1 && mismatch.stderr.contains("台北市中正區"))
        #expect(try add(name: "郵號", address: "臺北市中山區南京東路二段100號", postal: "104").status == 0)
        #expect(try add(name: "新竹", address: "新竹市東區明湖路140號", postal: "300").status == 0)
        // A name stored before the rule (written here straight into the file) never reaches the terminal raw.
        let queue = try DatabaseQueue(path: cli.database)
        try queue.write {
            try $0.execute(
                sql: "UPDATE customer SET name = ? WHERE id = 'C000032'", arguments: ["x\u{1B}]0;pwn\u{07}y"])
        }
        try queue.close()
        let shown = try cli.run(["customer", "show", "C000032"])
        #expect(
            shown.status == 0 && !shown.stdout.contains("\u{1B}") && shown.stdout.contains("x\u{FFFD}]0;pwn\u{FFFD}y"))
    }

    @Test("Item 8: every option error is bilingual, exit 2, and the JSON error object with --json")
    func optionErrors() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let cases: [[String]] = [
            [
                "payment", "record", "--customer", "C000032", "--amount", "1.5", "--method", "cash", "--user",
                "accountant",
            ],
            ["customer", "search", "王", "--limit", "99999999999999999999"],
            ["order", "quote", "--customer", "C000032"],
            ["order", "quote", "--customer", "C000032", "--item", "P001=1", "--no-such-option"],
            ["gl", "export", "--format", "ledger", "--user", "accountant"],
        ]
        for arguments in cases {
            let result = try cli.run(arguments + ["--json"], password: "accountant")
            #expect(result.status == 2, "\(arguments): \(result.status) \(result.stderr)")
            let body = try result.json()
            let error = try #require(body["error"] as? [String: String])
            #expect(!(error["zh"] ?? "").isEmpty && !(error["en"] ?? "").isEmpty)
            #expect(body["code"] as? String == "USAGE")
            #expect(result.stderr.contains("錯誤：") && result.stderr.contains("Error: "))
        }
        // A negative number is the option's value, refused by its rule.
        let negative = try cli.run(["customer", "search", "王", "--limit", "-5000"])
        #expect(!negative.stderr.contains("Missing value"))
        #expect(try cli.run(["--help"], withDatabase: false).status == 0)
    }

    @Test("Items 9/10: reads never change the file; a read-only file is read and checked; files are 0600")
    func readOnlyAndModes() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let before = try Data(contentsOf: URL(fileURLWithPath: cli.database))
        #expect(try cli.run(["customer", "show", "C000032"]).status == 0)
        #expect(try cli.run(["db", "check"]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.database)) == before)
        chmod(cli.database, 0o444)
        #expect(try cli.run(["db", "check"]).status == 0)
        #expect(try cli.run(["customer", "show", "C000032"]).status == 0)
        // Reading the books signs in without writing: the file cannot count an attempt.
        let aging = try cli.run(["report", "aging", "--user", "accountant"], password: "accountant")
        #expect(aging.status == 0, "\(aging.stderr)")
        let write = try cli.run(
            ["credit", "hold", "C000032", "--reason", "測試", "--user", "accountant"], password: "accountant")
        #expect(write.status == 1 && write.stderr.contains("read-only"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.database)) == before)

        func mode(_ path: String) throws -> Int {
            try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? -1
        }
        let fresh = cli.directory.appendingPathComponent("fresh.db").path
        #expect(try cli.run(["db", "init", "--sample", "--db", fresh], withDatabase: false).status == 0)
        #expect(try mode(fresh) == 0o600)
        let media = cli.directory.appendingPathComponent("401.txt").path
        #expect(
            try cli.run(
                ["tax", "media-file", "--period", "11512", "--out", media, "--user", "accountant", "--db", fresh],
                password: "accountant", withDatabase: false
            ).status == 0)
        #expect(try mode(media) == 0o600)
        let shared = cli.directory.appendingPathComponent("shared.db").path
        #expect(
            try cli.run(["db", "init", "--sample", "--group-readable", "--db", shared], withDatabase: false).status == 0
        )
        #expect(try mode(shared) == 0o640)
    }

    @Test("Item 11: a damaged file refuses writes with the advice to restore; db check names the failed check")
    func damagedFile() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        var bytes = try Data(contentsOf: URL(fileURLWithPath: cli.database))
        let start = bytes.count / 2
        for index in start..<(start + 400) { bytes[index] ^= 0xFF }
        try bytes.write(to: URL(fileURLWithPath: cli.database))
        let add = try cli.run(
            [
                "customer", "add", "--name", "損壞", "--phone", "0912345678", "--type", "residential", "--terms", "cod",
                "--address", "台北市中正區重慶南路一段1號", "--postal-code", "100", "--zone", "north", "--user", "counter",
            ], password: "counter")
        #expect(add.status == 1 && add.stderr.contains("restore the last backup") && add.stderr.contains("還原"))
        let check = try cli.run(["db", "check", "--json"])
        #expect(check.status == 1)
        let failed = try #require(try check.json()["failedChecks"] as? [String])
        #expect(failed.contains { $0.hasPrefix("integrity") })
    }
}

/// Answers collected from parallel processes.
final class NSLockedResults: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String] = []

    func append(_ value: String) {
        lock.lock()
        values.append(value)
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return values
    }
}
