import Foundation
import Testing

@Suite("Receivables from the command line, run for real")
struct ReceivablesCLITests {
    /// An issued, unpaid invoice of a credit customer in the sample: (number, customer, open).
    static func unpaidInvoice(_ cli: CLIHarness, skip: Int = 0) throws -> (String, String, Int) {
        let listed = try cli.run(["invoice", "list", "--status", "issued", "--limit", "400", "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        var skipped = 0
        for row in rows {
            guard let number = row["number"] as? String else { continue }
            let shown = try cli.run(["invoice", "show", number, "--json"]).json()
            guard let open = shown["open"] as? Int, open > 3000, shown["paymentStatus"] as? String != "PAID",
                let customer = shown["customer"] as? String
            else { continue }
            if skipped < skip {
                skipped += 1
                continue
            }
            return (number, customer, open)
        }
        throw CLIError.none
    }

    enum CLIError: Error { case none }

    /// Commands that read the books sign in as the accountant.
    static let books = ["--user", "accountant"]

    @Test("payment record --json has the receipt number; invoice show gains status and open; refusals are bilingual")
    func recordAndAllocate() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let (invoice, customer, open) = try Self.unpaidInvoice(cli)
        let recorded = try cli.run(
            [
                "payment", "record", "--user", "accountant", "--customer", customer, "--amount", "1000", "--method",
                "bank_transfer", "--invoice", "\(invoice)=1000", "--json",
            ], password: "accountant")
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let number = try #require(try recorded.json()["number"] as? String)
        #expect(number.hasPrefix("RCP-"))
        let shown = try cli.run(["invoice", "show", invoice, "--json"]).json()
        #expect(shown["open"] as? Int == open - 1000)
        #expect(["PARTIAL", "OVERDUE"].contains(shown["paymentStatus"] as? String ?? ""))
        #expect(shown["status"] as? String == "ISSUED")
        let tooMuch = try cli.run(
            ["payment", "allocate", number, "--user", "accountant", "--invoice", "\(invoice)=5"],
            password: "accountant")
        #expect(tooMuch.status == 1)
        #expect(tooMuch.stderr.contains("超過") && tooMuch.stderr.contains("exceed"))
        let undone = try cli.run(
            ["payment", "unallocate", number, "--user", "accountant", "--reason", "入錯帳", "--json"],
            password: "accountant")
        #expect(undone.status == 0, "\(undone.stderr)")
        #expect(try undone.json()["unapplied"] as? Int == 1000)
        let badMethod = try cli.run(
            [
                "payment", "record", "--user", "accountant", "--customer", customer, "--amount", "1", "--method",
                "bitcoin",
            ],
            password: "accountant")
        #expect(badMethod.status == 1 && badMethod.stderr.contains("付款方式") && badMethod.stderr.contains("allowed"))
        let noCheck = try cli.run(
            [
                "payment", "record", "--user", "accountant", "--customer", customer, "--amount", "1", "--method",
                "check",
            ],
            password: "accountant")
        #expect(noCheck.status == 1 && noCheck.stderr.contains("票號") && noCheck.stderr.contains("check needs"))
    }

    @Test("bank import matches by virtual account, twice changes nothing; aging equals the ledger's receivables")
    func bankAndAging() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let (invoice, customer, open) = try Self.unpaidInvoice(cli)
        let statement = try cli.run(
            ["customer", "statement", customer, "--from", "2026-10-01", "--to", "2026-11-30", "--json"] + Self.books,
            password: "accountant"
        ).json()
        let va = try #require(statement["virtualAccount"] as? String)
        let mt940 = """
            :20:CLI-TEST
            :25:004/012345678901
            :28C:00001/001
            :60F:C261117TWD500000,
            :61:2611171117C\(open),NTRFNONREF//B1
            :86:/VA/\(va)/NAME/PAYER
            :61:2611171117C777,NTRFNONREF//B2
            :86:/NAME/STRANGER
            :62F:C261117TWD\(500_000 + open + 777),
            -
            """
        let file = cli.directory.appendingPathComponent("stmt.sta")
        try mt940.write(to: file, atomically: true, encoding: .utf8)
        let first = try cli.run(
            ["bank", "import", file.path, "--user", "accountant", "--json"], password: "accountant")
        #expect(first.status == 0, "\(first.stderr)")
        let result = try first.json()
        #expect(result["lines"] as? Int == 2 && result["new"] as? Int == 2)
        #expect(result["matched"] as? Int == 1 && result["exceptions"] as? Int == 1)
        #expect(try cli.run(["invoice", "show", invoice, "--json"]).json()["paymentStatus"] as? String == "PAID")
        let again = try cli.run(
            ["bank", "import", file.path, "--user", "accountant", "--json"], password: "accountant")
        #expect(try again.json()["new"] as? Int == 0)
        #expect(try again.json()["matched"] as? Int == 0)

        let aging = try cli.run(["report", "aging", "--json"] + Self.books, password: "accountant").json()
        let rows = try #require(aging["rows"] as? [[String: Any]])
        let total = try #require(aging["total"] as? Int)
        #expect(rows.compactMap { $0["total"] as? Int }.reduce(0, +) == total)
        let trial = try cli.run(["gl", "trial-balance", "--json"] + Self.books, password: "accountant").json()
        let receivables = try #require(trial["receivables"] as? [String: Int])
        for row in rows {
            let id = try #require(row["customer"] as? String)
            #expect(receivables[id] ?? 0 == row["total"] as? Int, "\(id)")
        }
        let csv = try cli.run(["report", "aging", "--csv"] + Self.books, password: "accountant")
        #expect(csv.stdout.hasPrefix("customer,name,current,1-30,31-60,61-90,91+,unapplied,total"))
        let text = try cli.run(
            ["customer", "statement", customer, "--from", "2026-10-01", "--to", "2026-11-30"] + Self.books,
            password: "accountant")
        #expect(text.stdout.contains(va) && text.stdout.contains("期末餘額"))
    }

    @Test("Two processes allocating to one invoice never take more than it has open")
    func twoProcessesAllocate() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let (invoice, customer, open) = try Self.unpaidInvoice(cli, skip: 1)
        var receipts: [String] = []
        let count = open / 500 + 4
        for _ in 0..<count {
            let recorded = try cli.run(
                [
                    "payment", "record", "--user", "accountant", "--customer", customer, "--amount", "500", "--method",
                    "cash", "--json",
                ], password: "accountant")
            receipts.append(try #require(try recorded.json()["number"] as? String))
        }
        let half = receipts.count / 2
        let script = """
            run() { for n in $1; do "$BIN" payment allocate "$n" --db "$DB" --user accountant --invoice "$INV=500" \
              >/dev/null 2>&1 && echo "$n" >> "$2"; done; }
            run "\(receipts[..<half].joined(separator: " "))" "$OUT/a.txt" &
            run "\(receipts[half...].joined(separator: " "))" "$OUT/b.txt" & wait
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        var environment = ProcessInfo.processInfo.environment
        environment["BIN"] = CLIHarness.binary
        environment["DB"] = cli.database
        environment["OUT"] = cli.directory.path
        environment["INV"] = invoice
        environment["LUCKYGAS_PASSWORD"] = "accountant"
        process.environment = environment
        try process.run()
        process.waitUntilExit()
        let lines = ["a.txt", "b.txt"].flatMap { name in
            ((try? String(contentsOf: cli.directory.appendingPathComponent(name), encoding: .utf8)) ?? "")
                .split(separator: "\n")
        }
        #expect(lines.count == open / 500)
        let shown = try cli.run(["invoice", "show", invoice, "--json"]).json()
        #expect(shown["open"] as? Int == open % 500)
        #expect(try cli.run(["db", "check"]).status == 0)
    }
}
