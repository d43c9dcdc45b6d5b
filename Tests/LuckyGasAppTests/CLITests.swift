import Foundation
import GRDB
import Testing

@Suite("The luckygas command line, run for real")
struct CLITests {
    @Test("customer add prints the new id as JSON; show and search find it (one Chinese character)")
    func customerAddShowSearch() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let added = try cli.run(
            [
                "customer", "add", "--user", "counter", "--name", "測試麵店", "--phone", "02-2345-6789", "--type",
                "commercial",
                "--terms", "net30", "--limit", "30000", "--tax-id", "04595257", "--address", "台北市中山區南京東路二段100號",
                "--postal-code", "104", "--zone", "north", "--lat", "25.052", "--lon", "121.532", "--json",
            ], password: "counter")
        #expect(added.status == 0, "\(added.stderr)")
        let id = try #require(try added.json()["id"] as? String)
        #expect(id == "C000501")
        let shown = try cli.run(["customer", "show", id, "--json"])
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("測試麵店"))
        let search = try cli.run(["customer", "search", "麵", "--json"])
        #expect(search.stdout.contains(id))
        let phone = try cli.run(["customer", "search", "23456789"])
        #expect(phone.stdout.contains(id))
    }

    @Test("Bad input gets a message in both languages and a non-zero exit, and writes nothing")
    func badInput() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let badUBN = try cli.run(
            [
                "customer", "add", "--user", "counter", "--name", "某公司", "--phone", "0912-345-678", "--type",
                "commercial",
                "--terms", "net30", "--tax-id", "12345678", "--address", "台北市", "--postal-code", "100", "--zone",
                "north",
            ], password: "counter")
        #expect(badUBN.status != 0)
        #expect(badUBN.stderr.contains("統一編號錯誤"))
        #expect(badUBN.stderr.contains("Invalid tax id"))
        let badItem = try cli.run(["order", "quote", "--customer", "C000124", "--item", "P001x2"])
        #expect(badItem.status != 0)
        #expect(badItem.stderr.contains("品項格式錯誤") && badItem.stderr.contains("Invalid item"))
        let unknown = try cli.run(["customer", "show", "C999999"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("查無客戶") && unknown.stderr.contains("No customer"))
        let wrongPassword = try cli.run(
            ["order", "place", "--user", "counter", "--customer", "C000124", "--item", "P001=2"], password: "nope")
        #expect(wrongPassword.status != 0)
        #expect(wrongPassword.stderr.contains("Wrong user name or password"))
        let noPassword = try cli.run([
            "order", "place", "--user", "counter", "--customer", "C000124", "--item", "P001=2",
        ])
        #expect(noPassword.status != 0)
        #expect(noPassword.stderr.contains("LUCKYGAS_PASSWORD"))
        let wrongRole = try cli.run(
            ["order", "place", "--user", "accountant", "--customer", "C000124", "--item", "P001=2"],
            password: "accountant")
        #expect(wrongRole.status != 0)
        #expect(wrongRole.stderr.contains("is not allowed to place orders"))
        let check = try cli.run(["db", "check", "--json"])
        #expect(check.status == 0)
        #expect((try check.json()["pendingOutbox"] as? Int) == 0)
    }

    @Test("order quote gives the seed's figures; place gives a number; show, list and cancel follow")
    func orderFlow() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let quote = try cli.run(["order", "quote", "--customer", "C000124", "--item", "P001=2", "--json"])
        #expect(quote.status == 0, "\(quote.stderr)")
        let body = try quote.json()
        let figures = try #require(body["price"] as? [String: Any])
        #expect(figures["net"] as? Int == 1700)
        #expect(figures["tax"] as? Int == 85)
        #expect(figures["total"] as? Int == 1785)
        #expect(body["total"] as? Int == 1785)
        #expect(figures["deliveryFee"] as? Int == 0)
        #expect(figures["discount"] as? Int == 0)
        #expect((figures["lines"] as? [Any])?.count == 1)
        let placed = try cli.placeAhead(
            ["order", "place", "--user", "counter", "--customer", "C000124", "--item", "P001=2", "--json"],
            password: "counter")
        #expect(placed.status == 0, "\(placed.stderr)")
        let number = try #require(try placed.json()["number"] as? String)
        #expect(number.hasPrefix("O-"))
        let shown = try cli.run(["order", "show", number, "--json"])
        #expect(shown.stdout.contains("\"CONFIRMED\""))
        let listed = try cli.run(["order", "list", "--customer", "C000124", "--status", "confirmed"])
        #expect(listed.stdout.contains(number))
        let cancelled = try cli.run(
            ["order", "cancel", number, "--reason", "客戶改期", "--user", "counter", "--json"], password: "counter")
        #expect(cancelled.status == 0, "\(cancelled.stderr)")
        #expect(cancelled.stdout.contains("\"CANCELLED\""))
    }

    @Test("A refused credit check exits non-zero with the refusal and the available credit")
    func creditRefusal() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let check = try cli.run(["credit", "check", "C000123", "--json"])
        let report = try check.json()
        for key in ["limit", "openAR", "reserved", "available", "holds"] {
            #expect(report[key] != nil, "missing \(key)")
        }
        let available = try #require(report["available"] as? Int)
        let refused = try cli.run(
            ["order", "place", "--user", "counter", "--customer", "C000123", "--item", "P001=80", "--json"],
            password: "counter")
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("信用額度不足") && refused.stderr.contains("Insufficient credit"))
        let body = try refused.json()
        #expect((body["figures"] as? [String: Any])?["available"] as? Int == available)
    }

    @Test("db init --sample copies the sample; db init without it asks for an admin password")
    func databaseInit() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let fresh = cli.directory.appendingPathComponent("fresh.db").path
        let unnamed = try cli.run(["db", "init", "--db", fresh, "--json"], password: "s3cret", withDatabase: false)
        #expect(unnamed.status == 2 && unnamed.stderr.contains("--code"))
        #expect(!FileManager.default.fileExists(atPath: fresh))
        let short = try cli.run(
            ["db", "init", "--db", fresh, "--code", "TPE02", "--name", "台北大安門市", "--json"], password: "s3cret",
            withDatabase: false)
        #expect(short.status == 1)
        #expect(try short.json()["code"] as? String == "PASSWORD_TOO_SHORT")
        #expect(!FileManager.default.fileExists(atPath: fresh))
        let made = try cli.run(
            ["db", "init", "--db", fresh, "--code", "TPE02", "--name", "台北大安門市", "--json"], password: "s3cret-admin",
            withDatabase: false)
        #expect(made.status == 0, "\(made.stderr)")
        let created = try made.json()
        #expect((created["schemaCurrent"] as? Bool) == true)
        let branch = try #require(created["branch"] as? [String: Any])
        #expect(branch["code"] as? String == "TPE02" && branch["name"] as? String == "台北大安門市")
        #expect(branch["demo"] as? Bool == false && branch["deviceEpoch"] as? Int == 1)
        let device = try #require(branch["deviceID"] as? String)
        #expect(UUID(uuidString: device) != nil)
        let again = try cli.run(["db", "init", "--db", fresh], password: "s3cret", withDatabase: false)
        #expect(again.status != 0)
        #expect(again.stderr.contains("--force"))
        let sample = cli.directory.appendingPathComponent("copy.db").path
        let copied = try cli.run(["db", "init", "--sample", "--db", sample, "--json"], withDatabase: false)
        #expect(copied.status == 0, "\(copied.stderr)")
        let demo = try #require(try copied.json()["branch"] as? [String: Any])
        #expect(demo["demo"] as? Bool == true && demo["code"] as? String == "TPE01")
        // Each copy is its own device: not the sample's id, not the other copy's.
        let original = try #require(
            try cli.run(["db", "check", "--json"]).json()["branch"] as? [String: Any])
        #expect(demo["deviceID"] as? String != original["deviceID"] as? String)
        let search = try cli.run(["customer", "search", "王大明", "--db", sample], withDatabase: false)
        #expect(search.stdout.contains("C000123"))
    }

    @Test("db check shows the branch identity and fails when it is missing")
    func checkIdentity() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let good = try cli.run(["db", "check", "--json"])
        #expect(good.status == 0)
        let branch = try #require(try good.json()["branch"] as? [String: Any])
        #expect(branch["code"] as? String == "TPE01" && branch["demo"] as? Bool == true)
        try DatabaseQueue(path: cli.database).write { db in
            try db.execute(sql: "DELETE FROM sync_state WHERE key = 'device_id'")
        }
        let bad = try cli.run(["db", "check", "--json"])
        #expect(bad.status == 1)
        let failed = try #require(try bad.json()["failedChecks"] as? [String])
        #expect(failed.contains { $0.contains("branch identity") && $0.contains("device_id") })
    }

    @Test("A --db path that does not exist is refused, names db init, and creates nothing; the TUI says so too")
    func missingDatabase() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let typo = cli.directory.appendingPathComponent("brnach.db").path
        for arguments in [
            ["customer", "search", "王", "--db", typo, "--json"],
            [
                "order", "place", "--user", "counter", "--customer", "C000124", "--item", "P001=2", "--db", typo,
                "--json",
            ],
            ["db", "check", "--db", typo, "--json"],
        ] {
            let result = try cli.run(arguments, password: "counter", withDatabase: false)
            #expect(result.status == 1, "\(arguments)")
            #expect(try result.json()["code"] as? String == "DATABASE_MISSING")
            #expect(result.stderr.contains("db init") && result.stderr.contains("找不到分店資料庫"))
            #expect(!FileManager.default.fileExists(atPath: typo))
        }
        let result = try cli.run([], withDatabase: false)
        #expect(!FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("luckygas.db").path))
        #expect(result.status == 1)
        #expect(result.stderr.contains("luckygas.db") && result.stderr.contains("db init"))
        // With a database, standard input /dev/null: the screens need a terminal and say so in both languages.
        let screens = try cli.run([])
        #expect(screens.status == 1)
        #expect(screens.stderr.contains("無法開啟終端畫面"))
        #expect(screens.stderr.contains("Cannot open the terminal screens"))
    }

    @Test("bench --json is the regression record on stdout alone; --compare sets every figure beside the saved one")
    func benchRecord() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let small = [
            "bench", "--customers", "60", "--orders", "5", "--samples", "5", "--invoices", "3", "--statement-lines",
            "10", "--payments", "5", "--postings", "400", "--work-dir", cli.directory.appendingPathComponent("b").path,
        ]
        let first = try cli.run(small + ["--json"], withDatabase: false)
        #expect(first.status == 0, "\(first.stderr)")
        let record = try first.json()
        let machine = try #require(record["machine"] as? [String: Any])
        #expect((machine["cores"] as? Int ?? 0) >= 1)
        #expect(["ssd", "rotational", "tmpfs", "overlay", "unknown"].contains(machine["diskKind"] as? String ?? ""))
        let figures = try #require(record["figures"] as? [[String: Any]])
        let names = figures.compactMap { $0["name"] as? String }
        for name in [
            "placeOrder", "orders placed", "invoices issued", "payments recorded and allocated",
            "orders ÷ raw rows", "invoices ÷ raw rows", "payments ÷ raw rows", "MIG XML export",
            "statement import and match", "trial balance as of date", "aging as of date", "ledger postings generated",
        ] {
            #expect(names.contains(name), "\(name) is in the record")
        }
        let asOf = try #require(figures.first { $0["name"] as? String == "trial balance as of date" })
        #expect(asOf["unit"] as? String == "ms" && asOf["count"] as? Int == 20 && asOf["p50"] is Double)
        #expect((record["scale"] as? [String: Any])?["postings"] as? Int == 400)
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") {
            let memory = try #require(figures.first { $0["name"] as? String == "screens peak memory" })
            #expect(memory["unit"] as? String == "MB" && (memory["p50"] as? Double ?? 0) > 1)
        }
        let saved = cli.directory.appendingPathComponent("saved.json")
        try Data(first.stdout.utf8).write(to: saved)
        let second = try cli.run(small + ["--compare", saved.path, "--json"], withDatabase: false)
        #expect(second.status == 0, "\(second.stderr)")
        let comparisons = try #require(try second.json()["comparisons"] as? [[String: Any]])
        #expect(Set(comparisons.compactMap { $0["name"] as? String }) == Set(names))
        #expect(comparisons.allSatisfy { $0["saved"] is Double && $0["worse"] is Bool })
        let text = try cli.run(small + ["--compare", saved.path], withDatabase: false)
        #expect(text.stdout.contains("slowdown") && text.stdout.contains("placeOrder"))
        let bad = try cli.run(small + ["--compare", cli.database, "--json"], withDatabase: false)
        #expect(bad.status == 1)
        #expect(try bad.json()["code"] as? String == "FILE_ERROR")
    }

    @Test(
        "bench --postings 0 leaves the ledger out; bench --scale names every figure with its scale and says how it grows"
    )
    func benchScale() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let small = [
            "bench", "--customers", "40", "--orders", "5", "--samples", "5", "--invoices", "3", "--statement-lines",
            "10", "--payments", "5",
        ]
        let none = try cli.run(
            small + ["--postings", "0", "--json", "--work-dir", cli.directory.appendingPathComponent("n").path],
            withDatabase: false)
        #expect(none.status == 0, "\(none.stderr)")
        let plain = try #require(try none.json()["figures"] as? [[String: Any]])
        #expect(!plain.contains { ($0["name"] as? String ?? "").contains("as of date") })

        let scale =
            small + [
                "--scale", "--scale-customers", "80, 40", "--scale-postings", "300,600", "--work-dir",
                cli.directory.appendingPathComponent("s").path,
            ]
        let result = try cli.run(scale + ["--json"], withDatabase: false)
        #expect(result.status == 0, "\(result.stderr)")
        let record = try result.json()
        let scales = try #require(record["scales"] as? [String: Any])
        #expect(scales["customers"] as? [Int] == [40, 80] && scales["postings"] as? [Int] == [300, 600])
        #expect(scales["ledgerCustomers"] as? Int == 40)
        let names = Set(try #require(record["figures"] as? [[String: Any]]).compactMap { $0["name"] as? String })
        for name in [
            "search 1-char @ 40 customers", "search 1-char @ 80 customers", "quote @ 80 customers",
            "placeOrder @ 80 customers", "invoices issued @ 80 customers",
            "payments recorded and allocated @ 80 customers",
            "statement import and match @ 80 customers", "trial balance as of date @ 300 postings",
            "aging as of date @ 600 postings",
        ] {
            #expect(names.contains(name), "\(name)")
        }
        #expect(!names.contains { $0.contains("screen") }, "the screens are measured by the plain bench only")
        let growth = try #require(record["growth"] as? [[String: Any]])
        let search = try #require(growth.first { $0["figure"] as? String == "search 1-char" })
        #expect(search["data"] as? String == "customers" && search["from"] as? Int == 40 && search["to"] as? Int == 80)
        #expect(search["dataGrowth"] as? Double == 2)
        #expect(
            growth.contains { $0["figure"] as? String == "aging as of date" && $0["data"] as? String == "postings" })
        #expect(!growth.contains { $0["figure"] as? String == "raw SQLite insert rows" })
        #expect(!FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("s/customers-40").path))

        let saved = cli.directory.appendingPathComponent("scale.json")
        try Data(result.stdout.utf8).write(to: saved)
        let text = try cli.run(scale + ["--compare", saved.path], withDatabase: false)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("growth (figure growth ÷ data growth") && text.stdout.contains("slowdown"))
        #expect(text.stdout.contains("@40") && text.stdout.contains("@600"))

        let bad = try cli.run(small + ["--scale", "--scale-customers", "40,many", "--json"], withDatabase: false)
        #expect(bad.status == 1)
        #expect(try bad.json()["code"] as? String == "INVALID_INPUT")
        let zero = try cli.run(small + ["--scale", "--scale-postings", "0"], withDatabase: false)
        #expect(zero.status == 1 && zero.stderr.contains("--scale-postings"))
    }
}
