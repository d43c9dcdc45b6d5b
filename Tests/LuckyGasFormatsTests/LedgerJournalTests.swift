import Foundation
import Testing

@testable import LuckyGasFormats

@Suite("hledger journal")
struct LedgerJournalTests {
    static let cash = LedgerAccount(code: "1100", name: "現金")
    static let receivable = LedgerAccount(code: "1140", name: "應收帳款")
    static let sales = LedgerAccount(code: "4100", name: "銷貨收入")
    static let outputTax = LedgerAccount(code: "2204", name: "銷項稅額")

    static func sample() -> String {
        let customer = receivable.ledgerName(subaccount: "C000001")
        return LedgerJournal.render(
            accounts: [
                cash.ledgerName, receivable.ledgerName, customer, sales.ledgerName, outputTax.ledgerName,
            ],
            transactions: [
                LedgerTransaction(
                    date: "2026-11-21", code: "AB12345678", description: "王小明 液化石油氣 20公斤 x2",
                    postings: [
                        LedgerPosting(account: customer, amount: 3570),
                        LedgerPosting(account: sales.ledgerName, amount: -3400),
                        LedgerPosting(account: outputTax.ledgerName, amount: -170),
                    ]),
                LedgerTransaction(
                    date: "2026-11-25", code: "R0001", description: "收款；現金",
                    postings: [
                        LedgerPosting(account: cash.ledgerName, amount: 2_000_000),
                        LedgerPosting(account: customer, amount: -2_000_000),
                    ]),
            ])
    }

    @Test func accountNamesJoinCodeAndName() {
        #expect(Self.receivable.ledgerName == "1140 應收帳款")
        #expect(Self.receivable.ledgerName(subaccount: "C000001") == "1140 應收帳款:C000001")
    }

    @Test func journalHasDirectivesAndIndentedPostings() {
        let text = Self.sample()
        #expect(text.contains("account 1140 應收帳款:C000001\n"))
        #expect(text.contains("commodity 1000. TWD\n"))
        #expect(text.contains("2026-11-21 (AB12345678) 王小明 液化石油氣 20公斤 x2\n"))
        #expect(text.contains("    1140 應收帳款:C000001  3570 TWD\n"))
        #expect(text.contains("    4100 銷貨收入  -3400 TWD\n"))
    }

    @Test func namesAndDescriptionsAreCleaned() {
        #expect(LedgerJournal.accountName(" 1140  應收帳款\n;x: :C1 ") == "1140 應收帳款 x:C1")
        #expect(LedgerJournal.accountName("(1100 現金)") == "1100 現金)")
        let text = LedgerJournal.render(
            accounts: ["1100 現金", "1100  現金"],
            transactions: [
                LedgerTransaction(
                    date: "2026-11-21", code: "", description: "*第一行\n第二行; 註解",
                    postings: [LedgerPosting(account: "1100 現金", amount: 0)])
            ])
        #expect(text.components(separatedBy: "account 1100 現金\n").count == 2)
        #expect(text.contains("2026-11-21 第一行 第二行  註解\n"))
        #expect(!text.contains(";  註解"))
    }

    @Test func hledgerAcceptsTheJournalAndAgreesOnTheBalances() throws {
        let hledger = "/usr/bin/hledger"
        try #require(FileManager.default.isExecutableFile(atPath: hledger), "hledger must be installed for this test")
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("luckygas-ledger-\(ProcessInfo.processInfo.globallyUniqueString).journal")
        try Data(Self.sample().utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let check = try run(hledger, ["-f", file.path, "check", "--strict"])
        #expect(check.status == 0, "hledger check: \(check.output)")

        let balance = try run(hledger, ["-f", file.path, "bal", "-N", "-O", "csv"])
        #expect(balance.status == 0, "hledger bal: \(balance.output)")
        let rows = balance.output.split(whereSeparator: \.isNewline).map {
            $0.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        }
        #expect(rows.first == ["account", "balance"])
        var balances: [String: String] = [:]
        for row in rows.dropFirst() where row.count == 2 { balances[row[0]] = row[1] }
        #expect(
            balances == [
                "1100 現金": "2000000 TWD",
                "1140 應收帳款:C000001": "-1996430 TWD",
                "4100 銷貨收入": "-3400 TWD",
                "2204 銷項稅額": "-170 TWD",
            ])
    }

    /// Runs a program with a UTF-8 locale (hledger refuses CJK text under the C locale) and collects its output.
    private func run(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
