import Foundation
import Testing

@Suite("Invoicing from the command line, run for real")
struct InvoiceCLITests {
    /// Open orders of the sample, oldest first.
    static func openOrders(_ cli: CLIHarness, count: Int) throws -> [String] {
        let listed = try cli.run(["order", "list", "--status", "confirmed", "--limit", "500", "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        return Array(rows.compactMap { $0["number"] as? String }.sorted().prefix(count))
    }

    @Test("order deliver issues the invoice; invoice show --json has the QR, barcode and random number")
    func deliverAndShow() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let order = try #require(try Self.openOrders(cli, count: 1).first)
        let delivered = try cli.run(
            [
                "order", "deliver", order, "--user", "dispatcher", "--empties", "0", "--collected", "100", "--method",
                "cash", "--json",
            ],
            password: "dispatcher")
        #expect(delivered.status == 0, "\(delivered.stderr)")
        let receipt = try delivered.json()
        let invoice = try #require(receipt["invoice"] as? String)
        let shown = try cli.run(["invoice", "show", invoice, "--json"])
        #expect(shown.status == 0, "\(shown.stderr)")
        let json = try shown.json()
        let random = try #require(json["randomNumber"] as? String)
        #expect(random.count == 4)
        #expect((json["barcode"] as? String)?.hasSuffix(invoice + random) == true)
        #expect((json["qrLeft"] as? String)?.hasPrefix(invoice) == true)
        #expect((json["qrRight"] as? String)?.hasPrefix("**") == true)
        let again = try cli.run(["order", "deliver", order, "--user", "dispatcher"], password: "dispatcher")
        #expect(again.status != 0)
        #expect(again.stderr.contains("錯誤") && again.stderr.contains("Error"))
    }

    @Test("Two processes delivering at once take numbers in order, never twice, never skipping")
    func twoProcessesNumbering() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let orders = try Self.openOrders(cli, count: 24)
        #expect(orders.count == 24)
        let halves = [Array(orders.prefix(12)), Array(orders.suffix(12))]
        let processes = try halves.map { half -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            let commands = half.map {
                "'\(CLIHarness.binary)' order deliver \($0) --user dispatcher --db '\(cli.database)' >/dev/null || exit 1"
            }
            process.arguments = ["-c", commands.joined(separator: "\n")]
            process.environment = ["LUCKYGAS_PASSWORD": "dispatcher", "LC_ALL": "C.UTF-8"]
            try process.run()
            return process
        }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        let listed = try cli.run(["invoice", "list", "--limit", "24", "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        let numbers = rows.compactMap { $0["number"] as? String }
        #expect(Set(numbers).count == 24)
        let sequences = numbers.compactMap { Int($0.dropFirst(2)) }.sorted()
        #expect(sequences.last.map { $0 - (sequences.first ?? 0) } == 23)
        let tracks = try cli.run(["einvoice", "tracks", "--json"])
        #expect(tracks.status == 0)
    }

    @Test("Turnkey export is idempotent; results come back as accepted and rejected")
    func turnkeyRoundTrip() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let root = cli.directory.appendingPathComponent("turnkey").path
        let exported = try cli.run(
            ["einvoice", "export", "--turnkey", root, "--user", "accountant", "--json"], password: "accountant")
        #expect(exported.status == 0, "\(exported.stderr)")
        let written = try #require(try exported.json()["written"] as? Int)
        #expect(written > 300)
        let source = URL(fileURLWithPath: root).appendingPathComponent("UpCast/B2SSTORAGE/F0401/SRC")
        let files = try FileManager.default.contentsOfDirectory(atPath: source.path).sorted()
        #expect(files.count == written)
        let second = try cli.run(
            ["einvoice", "export", "--turnkey", root, "--user", "accountant", "--json"], password: "accountant")
        #expect(try second.json()["written"] as? Int == 0)
        // Turnkey refuses one file (moves it to ERR) and reports another as good in a SummaryResult.
        let refused = try #require(files.first)
        let accepted = try #require(files.last)
        let err = URL(fileURLWithPath: root).appendingPathComponent("UpCast/B2SSTORAGE/F0401/ERR/20261122")
        try FileManager.default.createDirectory(at: err, withIntermediateDirectories: true)
        try FileManager.default.moveItem(
            at: source.appendingPathComponent(refused), to: err.appendingPathComponent(refused))
        let acceptedNumber = String(accepted.split(separator: "_")[1])
        let summary = """
            <?xml version="1.0" encoding="UTF-8"?>
            <SummaryResult><RoutingInfo><From><PartyId>83235679</PartyId></From><FromVAC><RoutingId>X</RoutingId></FromVAC>
            <To><PartyId>83235679</PartyId></To><ToVAC><RoutingId>1</RoutingId></ToVAC></RoutingInfo>
            <DetailList><Message><Info><Id>SR-F0401-20261122-100000-abc</Id><Size>1</Size><MessageType>F0401</MessageType>
            <Service>B2S</Service><Action>Storage</Action></Info><ResultType><Total><ResultDetailType><Count>1</Count>
            <Invoices><Invoice><ReferenceNumber>\(acceptedNumber)</ReferenceNumber><InvoiceDate>20261119</InvoiceDate></Invoice></Invoices>
            </ResultDetailType></Total><Good><ResultDetailType><Count>1</Count><Invoices><Invoice>
            <ReferenceNumber>\(acceptedNumber)</ReferenceNumber><InvoiceDate>20261119</InvoiceDate></Invoice></Invoices>
            </ResultDetailType></Good><Failed><ResultDetailType><Count>0</Count><Invoices></Invoices></ResultDetailType></Failed>
            </ResultType></Message></DetailList></SummaryResult>
            """
        let unpack = URL(fileURLWithPath: root).appendingPathComponent("Unpack/BAK/SummaryResult/20261122/10")
        try FileManager.default.createDirectory(at: unpack, withIntermediateDirectories: true)
        try summary.write(to: unpack.appendingPathComponent("summary.xml"), atomically: true, encoding: .utf8)
        let results = try cli.run(
            ["einvoice", "results", root, "--user", "accountant", "--json"], password: "accountant")
        #expect(results.status == 0, "\(results.stderr)")
        let counts = try results.json()
        #expect(counts["accepted"] as? Int == 1 && counts["rejected"] as? Int == 1)
        let rejected = try cli.run(["invoice", "list", "--upload", "rejected", "--json"])
        #expect(rejected.stdout.contains(String(refused.split(separator: "_")[1])))
    }

    @Test("tax media-file writes 81-byte records; gl trial-balance balances; gl export passes hledger check")
    func taxAndLedger() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let file = cli.directory.appendingPathComponent("11512.txt").path
        let media = try cli.run(
            ["tax", "media-file", "--period", "11512", "--out", file, "--user", "accountant"], password: "accountant")
        #expect(media.status == 0, "\(media.stderr)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let records = text.split(separator: "\r\n")
        #expect(records.count > 300 && records.allSatisfy { $0.utf8.count == 81 })
        let balance = try cli.run(["gl", "trial-balance", "--json", "--user", "accountant"], password: "accountant")
        #expect(try balance.json()["balanced"] as? Bool == true)
        let journal = cli.directory.appendingPathComponent("gl.journal").path
        #expect(
            try cli.run(
                ["gl", "export", "--format", "ledger", "--out", journal, "--user", "accountant"], password: "accountant"
            ).status == 0)
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/hledger")
        check.arguments = ["-f", journal, "check", "--strict"]
        check.environment = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]
        try check.run()
        check.waitUntilExit()
        #expect(check.terminationStatus == 0)
    }

    @Test(
        "gl trial-balance --as-of counts the entries dated on or before the day; a bad date is refused in both languages"
    )
    func trialBalanceAsOf() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let books = ["--user", "accountant"]
        func debits(_ json: [String: Any]) -> Int {
            (json["accounts"] as? [[String: Any]] ?? []).compactMap { $0["debit"] as? Int }.reduce(0, +)
        }
        let all = try cli.run(["gl", "trial-balance", "--json"] + books, password: "accountant").json()
        #expect(all["asOf"] is NSNull)
        let earlier = try cli.run(
            ["gl", "trial-balance", "--as-of", "2026-11-05", "--json"] + books, password: "accountant")
        #expect(earlier.status == 0, "\(earlier.stderr)")
        let json = try earlier.json()
        #expect(json["asOf"] as? String == "2026-11-05")
        #expect(json["balanced"] as? Bool == true)
        #expect(debits(json) > 0 && debits(json) < debits(all), "later entries are left out")
        let none = try cli.run(
            ["gl", "trial-balance", "--as-of", "2000-01-01", "--json"] + books, password: "accountant"
        ).json()
        #expect((none["accounts"] as? [Any])?.isEmpty == true && none["balanced"] as? Bool == true)
        let text = try cli.run(["gl", "trial-balance", "--as-of", "2026-11-05"] + books, password: "accountant")
        #expect(text.stdout.hasPrefix("試算表 trial balance as of 2026-11-05"))

        let bad = try cli.run(
            ["gl", "trial-balance", "--as-of", "2026-02-30", "--json"] + books, password: "accountant")
        #expect(bad.status == 1)
        let error = try bad.json()
        #expect(error["code"] as? String == "INVALID_INPUT")
        let message = error["error"] as? [String: String] ?? [:]
        #expect(!(message["zh"] ?? "").isEmpty && !(message["en"] ?? "").isEmpty)
        let badText = try cli.run(["gl", "trial-balance", "--as-of", "yesterday"] + books, password: "accountant")
        #expect(badText.status == 1)
        #expect(badText.stderr.contains("日期") && badText.stderr.contains("date"), "\(badText.stderr)")
    }
}
