import Foundation
import Testing

@Suite("Several processes on one branch file")
struct ConcurrencyTests {
    @Test("Two processes placing orders for one customer never reserve past the limit and never repeat a number")
    func twoProcessesOneCustomer() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let before = try cli.run(["credit", "check", "C000123", "--json"]).json()
        let available = try #require(before["available"] as? Int)
        let reservedBefore = try #require(before["reserved"] as? Int)
        let perOrder = try #require(
            try cli.run(["order", "quote", "--customer", "C000123", "--item", "P001=4", "--json"]).json()["total"]
                as? Int)
        let attemptsEach = available / perOrder / 2 + 4  // together they ask for more than the limit allows
        let script = """
            place() {
              for i in $(seq 1 \(attemptsEach)); do
                "$BIN" order place --db "$DB" --user counter --customer C000123 --item P001=4 --json 2>/dev/null \
                  | grep -o '"number" : "[^"]*"' | cut -d'"' -f4 >> "$1"
              done
            }
            place "$OUT/a.txt" & place "$OUT/b.txt" & wait
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        var environment = ProcessInfo.processInfo.environment
        environment["BIN"] = CLIHarness.binary
        environment["DB"] = cli.database
        environment["OUT"] = cli.directory.path
        environment["LUCKYGAS_PASSWORD"] = "counter"
        process.environment = environment
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        func numbers(_ file: String) -> [String] {
            let text = (try? String(contentsOf: cli.directory.appendingPathComponent(file), encoding: .utf8)) ?? ""
            return text.split(separator: "\n").map(String.init)
        }
        let a = numbers("a.txt")
        let b = numbers("b.txt")
        #expect(!a.isEmpty && !b.isEmpty, "both processes must have placed orders")
        let all = a + b
        #expect(Set(all).count == all.count, "an order number repeated")
        #expect(all.count == available / perOrder, "exactly as many orders as the credit allows")
        let after = try cli.run(["credit", "check", "C000123", "--json"]).json()
        let reserved = try #require(after["reserved"] as? Int)
        #expect(reserved - reservedBefore == all.count * perOrder)
        #expect((after["available"] as? Int ?? -1) >= 0)
        #expect((after["available"] as? Int ?? 0) < perOrder)
        #expect(try cli.run(["db", "check"]).status == 0)
    }
}
