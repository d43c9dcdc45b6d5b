import Foundation
import Testing

/// The shape of every `--json` output, pinned (Docs/cli-json.md): each command runs for real on
/// a copy of the sample, and its output's shape (keys, and the type of each value) must equal
/// `Golden/<name>.json`. `LUCKYGAS_UPDATE_GOLDEN=1` writes the files instead (review the diff:
/// a changed shape is a changed contract).
@Suite("CLI JSON: a golden shape per command")
struct CLIJSONGoldenTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let docs = CLIHarness.root.appendingPathComponent("Docs/cli-json.md")

    /// A JSON value as decoded strictly (a boolean is never a number).
    indirect enum Value: Decodable {
        case object([String: Value]), array([Value]), string, number, boolean, null

        init(from decoder: any Decoder) throws {
            if let object = try? decoder.container(keyedBy: AnyKey.self) {
                var values: [String: Value] = [:]
                for key in object.allKeys { values[key.stringValue] = try object.decode(Value.self, forKey: key) }
                self = .object(values)
                return
            }
            if var array = try? decoder.unkeyedContainer() {
                var values: [Value] = []
                while !array.isAtEnd { values.append(try array.decode(Value.self)) }
                self = .array(values)
                return
            }
            let single = try decoder.singleValueContainer()
            if single.decodeNil() {
                self = .null
            } else if (try? single.decode(Bool.self)) != nil {
                self = .boolean
            } else if (try? single.decode(Double.self)) != nil {
                self = .number
            } else {
                _ = try single.decode(String.self)
                self = .string
            }
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// `{"a":1,"b":[{"c":null}]}` → `{"a":"number","b":[{"c":"null"}]}`. Arrays keep the shape
    /// of their elements merged (a key null in one element and typed in another takes the type).
    static func shape(_ value: Value) -> Any {
        switch value {
        case .object(let object): return object.mapValues(shape)
        case .array(let array):
            guard let first = array.first else { return [Any]() }
            return [array.dropFirst().reduce(shape(first)) { merge($0, shape($1)) }]
        case .null: return "null"
        case .boolean: return "boolean"
        case .number: return "number"
        case .string: return "string"
        }
    }

    static func merge(_ left: Any, _ right: Any) -> Any {
        if let left = left as? [String: Any], let right = right as? [String: Any] {
            return left.merging(right) { merge($0, $1) }
        }
        if let left = left as? [Any], let right = right as? [Any] {
            guard let l = left.first else { return right }
            guard let r = right.first else { return left }
            return [merge(l, r)]
        }
        if left as? String == "null" { return right }
        return left
    }

    /// Where the shapes differ (`path: expected vs got`); a null matches any type, an empty
    /// array any array.
    static func differences(_ expected: Any, _ actual: Any, path: String = "$") -> [String] {
        if expected as? String == "null" || actual as? String == "null" { return [] }
        if let expected = expected as? [String: Any], let actual = actual as? [String: Any] {
            var out: [String] = []
            for key in Set(expected.keys).union(actual.keys).sorted() {
                switch (expected[key], actual[key]) {
                case (nil, _): out.append("\(path).\(key): new key")
                case (_, nil): out.append("\(path).\(key): missing")
                case (let e?, let a?): out += differences(e, a, path: "\(path).\(key)")
                }
            }
            return out
        }
        if let expected = expected as? [Any], let actual = actual as? [Any] {
            guard let e = expected.first, let a = actual.first else { return [] }
            return differences(e, a, path: path + "[]")
        }
        if let expected = expected as? String, let actual = actual as? String, expected == actual { return [] }
        return ["\(path): \(expected) vs \(actual)"]
    }

    static func text(_ value: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    @Test("Every --json command's output has its golden shape, and Docs/cli-json.md lists it with every key")
    func everyCommand() throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let update = ProcessInfo.processInfo.environment["LUCKYGAS_UPDATE_GOLDEN"] == "1"
        let docs = try String(contentsOf: Self.docs, encoding: .utf8)
        var names: [String] = []
        @discardableResult
        func step(
            _ name: String, _ arguments: [String], password: String? = nil, status: Int32 = 0,
            withDatabase: Bool = true, ahead: Bool = false, environment: [String: String] = [:],
            sourceLocation: SourceLocation = #_sourceLocation
        ) throws -> Any {
            names.append(name)
            let result =
                ahead
                ? try cli.placeAhead(arguments + ["--json"], password: password ?? "")
                : try cli.run(
                    arguments + ["--json"], password: password, withDatabase: withDatabase,
                    extraEnvironment: environment)
            #expect(result.status == status, "\(name): \(result.stderr)", sourceLocation: sourceLocation)
            let value = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8), options: [.fragmentsAllowed])
            let shape = Self.shape(try JSONDecoder().decode(Value.self, from: Data(result.stdout.utf8)))
            let file = Self.golden.appendingPathComponent("\(name).json")
            if update {
                try Self.text(shape).write(to: file, atomically: true, encoding: .utf8)
            } else {
                let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: file))
                let found = Self.differences(expected, shape)
                #expect(found.isEmpty, "\(name): \(found.joined(separator: "; "))", sourceLocation: sourceLocation)
            }
            #expect(docs.contains("### `\(name)`"), "Docs/cli-json.md lacks \(name)", sourceLocation: sourceLocation)
            let object = (value as? [String: Any]) ?? ((value as? [Any])?.first as? [String: Any]) ?? [:]
            for key in object.keys {
                #expect(
                    docs.contains("`\(key)`"), "Docs/cli-json.md lacks \(name).\(key)", sourceLocation: sourceLocation)
            }
            return value
        }
        func object(_ value: Any) -> [String: Any] { value as? [String: Any] ?? [:] }
        let accountant = ["--user", "accountant"]

        // Customers.
        try step("customer-search", ["customer", "search", "王"])
        try step("customer-show", ["customer", "show", "C000123"])
        let added = try step(
            "customer-add",
            [
                "customer", "add", "--user", "counter", "--name", "測試麵店", "--phone", "02-2345-6789", "--type",
                "commercial", "--terms", "net30", "--limit", "30000", "--tax-id", "04595257", "--address",
                "台北市中山區南京東路二段100號", "--postal-code", "104", "--zone", "north",
            ], password: "counter")
        let newCustomer = object(added)["id"] as? String ?? ""
        try step(
            "customer-statement",
            ["customer", "statement", "C000032", "--from", "2026-10-01", "--to", "2026-11-30"] + accountant,
            password: "accountant")

        // Orders.
        try step("order-quote", ["order", "quote", "--customer", "C000124", "--item", "P001=2"])
        let placed = try step(
            "order-place", ["order", "place", "--user", "counter", "--customer", newCustomer, "--item", "P001=2"],
            password: "counter")
        let order = object(placed)["number"] as? String ?? ""
        try step("order-show", ["order", "show", order])
        try step("order-list", ["order", "list", "--limit", "3"])
        try step(
            "order-event", ["order", "event", order, "--event", "assign", "--user", "dispatcher"],
            password: "dispatcher")
        try cli.run(["order", "event", order, "--event", "depart", "--user", "dispatcher"], password: "dispatcher")
        let delivered = try step(
            "order-deliver",
            ["order", "deliver", order, "--user", "dispatcher", "--collected", "500", "--method", "cash"],
            password: "dispatcher")
        let invoice = object(delivered)["invoice"] as? String ?? ""
        let other = try step(
            "order-cancel-place", ["order", "place", "--user", "counter", "--customer", "C000124", "--item", "P001=1"],
            password: "counter", ahead: true)
        try step(
            "order-cancel",
            ["order", "cancel", object(other)["number"] as? String ?? "", "--reason", "客戶改期", "--user", "counter"],
            password: "counter")
        try step(
            "order-refused", ["order", "place", "--user", "counter", "--customer", "C000123", "--item", "P001=80"],
            password: "counter", status: 3)

        // Invoices.
        try step("invoice-list", ["invoice", "list", "--limit", "3"])
        try step("invoice-show", ["invoice", "show", invoice])
        let allowance = try step(
            "invoice-allowance",
            ["invoice", "allowance", invoice, "--line", "1=100", "--reason", "鋼瓶短少", "--user", "accountant"],
            password: "accountant")
        try step(
            "invoice-allowance-cancel",
            [
                "invoice", "allowance-cancel", object(allowance)["number"] as? String ?? "", "--reason", "誤開",
                "--user", "accountant",
            ], password: "accountant")
        try step(
            "invoice-print",
            ["invoice", "print", invoice, "--out", cli.directory.appendingPathComponent("proof.bin").path] + accountant,
            password: "accountant")
        try step(
            "invoice-void-reissue",
            ["invoice", "void-reissue", invoice, "--reason", "買方要改捐贈", "--donation", "25885"] + accountant,
            password: "accountant")

        // Payments.
        let recorded = try step(
            "payment-record",
            [
                "payment", "record", "--customer", "C000123", "--amount", "1200", "--method", "check", "--check-bank",
                "台灣銀行", "--check-number", "AB0012345", "--check-due", "2026-12-20",
            ] + accountant, password: "accountant")
        let receipt = object(recorded)["number"] as? String ?? ""
        try step("payment-show", ["payment", "show", receipt])
        try step("payment-list", ["payment", "list", "--customer", "C000123"])
        try step("payment-allocate", ["payment", "allocate", receipt, "--auto"] + accountant, password: "accountant")
        try step(
            "payment-unallocate", ["payment", "unallocate", receipt, "--reason", "沖錯"] + accountant,
            password: "accountant")
        try step(
            "payment-refund", ["payment", "refund", receipt, "--amount", "200", "--reason", "溢收"] + accountant,
            password: "accountant")
        try step("payment-clear-check", ["payment", "clear-check", receipt] + accountant, password: "accountant")
        let cash = try step(
            "payment-record-cash",
            ["payment", "record", "--customer", "C000123", "--amount", "300", "--method", "cash"] + accountant,
            password: "accountant")
        try step(
            "payment-reverse",
            ["payment", "reverse", object(cash)["number"] as? String ?? "", "--reason", "偽鈔"] + accountant,
            password: "accountant")

        // Credit.
        try step("credit-check", ["credit", "check", "C000123", "--amount", "5000"])
        try step("credit-hold", ["credit", "hold", "C000123", "--reason", "逾期未付"] + accountant, password: "accountant")
        try step("credit-holds", ["credit", "holds"])
        try step(
            "credit-release", ["credit", "release", "C000123", "--reason", "已結清"] + accountant, password: "accountant")

        // Bank.
        let statement = object(
            try step(
                "bank-statement-source",
                ["customer", "statement", newCustomer, "--from", "2026-10-01", "--to", "2026-12-31"] + accountant,
                password: "accountant"))
        let va = statement["virtualAccount"] as? String ?? ""
        let file = cli.directory.appendingPathComponent("golden.sta")
        try """
        :20:GOLDEN
        :25:004/012345678901
        :28C:00001/001
        :60F:C261117TWD500000,
        :61:2611171117C100,NTRFNONREF//B1
        :86:/VA/\(va)/NAME/PAYER
        :61:2611171117C777,NTRFNONREF//B2
        :86:/NAME/STRANGER
        :61:2611171117C555,NTRFNONREF//B3
        :86:/NAME/SOMEONE ELSE
        :62F:C261117TWD501432,
        -
        """.write(to: file, atomically: true, encoding: .utf8)
        try step("bank-import", ["bank", "import", file.path] + accountant, password: "accountant")
        let lines = try step("bank-lines", ["bank", "lines"])
        let open = (lines as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
        try step("bank-match", ["bank", "match"] + accountant, password: "accountant")
        try step(
            "bank-accept",
            ["bank", "accept", "\(open.first ?? 0)", "--customer", "C000123", "--unapplied"] + accountant,
            password: "accountant")
        try step(
            "bank-reject", ["bank", "reject", "\(open.last ?? 0)", "--reason", "非客戶款項"] + accountant,
            password: "accountant")

        // Settlement (today's cash collected at the delivery above, by the dispatcher), reports,
        // ledger, tax.
        try step("settlement-list", ["settlement", "list", "--date", "2026-11-17"])
        try step(
            "settlement-submit", ["settlement", "submit", "dispatcher", "--cash", "500"] + accountant,
            password: "accountant")
        try step(
            "settlement-approve", ["settlement", "approve", "dispatcher", "--user", "supervisor"],
            password: "supervisor")
        try step("report-aging", ["report", "aging"] + accountant, password: "accountant")
        try step("gl-trial-balance", ["gl", "trial-balance"] + accountant, password: "accountant")
        try step("gl-provision", ["gl", "provision", "--as-of", "2026-11-30"] + accountant, password: "accountant")
        try step(
            "tax-media-file",
            ["tax", "media-file", "--period", "11510", "--out", cli.directory.appendingPathComponent("401.txt").path]
                + accountant, password: "accountant")

        // The e-invoice platform.
        try step(
            "einvoice-company",
            [
                "einvoice", "company", "--ubn", "83235679", "--name", "幸福氣體有限公司", "--address", "台北市信義區松仁路100號",
                "--tax-registration", "351234567", "--qr-key", "9D2A5CBB06A3E02A8C0E2D5B3F8A6C1D", "--user", "admin",
            ], password: "admin")
        let allocation = cli.directory.appendingPathComponent("tracks.csv")
        try "統一編號,發票類別,備註,期別,字軌,起號,迄號\n83235679,07,一般,11602,QQ,88000000,88000049\n"
            .write(to: allocation, atomically: true, encoding: .utf8)
        try step(
            "einvoice-tracks-import", ["einvoice", "tracks", "import", allocation.path] + accountant,
            password: "accountant")
        try step("einvoice-blank", ["einvoice", "blank", "--period", "11510"] + accountant, password: "accountant")
        try step("einvoice-tracks", ["einvoice", "tracks"])
        try step(
            "einvoice-export",
            ["einvoice", "export", "--turnkey", cli.directory.appendingPathComponent("tk").path]
                + accountant, password: "accountant")
        try step(
            "einvoice-results", ["einvoice", "results", cli.directory.appendingPathComponent("tk").path] + accountant,
            password: "accountant")
        try step("einvoice-warnings", ["einvoice", "warnings"])

        // Users.
        let admin = ["--user", "admin"]
        let fresh = ["LUCKYGAS_NEW_PASSWORD": "lin-secret-1"]
        try step(
            "user-add", ["user", "add", "lin", "--role", "accountant", "--display-name", "林小姐"] + admin,
            password: "admin", environment: fresh)
        try step("user-list", ["user", "list"] + admin, password: "admin")
        try step("user-role", ["user", "role", "lin", "supervisor"] + admin, password: "admin")
        try step("user-passwd", ["user", "passwd", "lin"] + admin, password: "admin", environment: fresh)
        try step("user-disable", ["user", "disable", "lin"] + admin, password: "admin")
        try step("user-enable", ["user", "enable", "lin"] + admin, password: "admin")
        try step("user-unlock", ["user", "unlock", "lin"] + admin, password: "admin")
        try step("error-last-administrator", ["user", "disable", "admin"] + admin, password: "admin", status: 1)

        // Parameters.
        try step("param-list", ["param", "list"] + admin, password: "admin")
        try step("param-show", ["param", "show", "einvoice.qr_key"] + admin, password: "admin")
        try step(
            "param-set", ["param", "set", "order.cancellation_window_hours", "6", "--reason", "客戶要求"] + admin,
            password: "admin")
        try step(
            "error-bad-parameter",
            ["param", "set", "order.cancellation_window_hours", "four", "--reason", "測試"] + admin, password: "admin",
            status: 1)

        // The database, the sample, the benchmark, errors.
        try step("db-check", ["db", "check"])
        try step("db-migrate", ["db", "migrate"])
        try step(
            "db-init",
            [
                "db", "init", "--db", cli.directory.appendingPathComponent("new.db").path, "--code", "TPE02", "--name",
                "台北大安門市",
            ],
            password: "s3cret-admin", withDatabase: false)
        try step(
            "sample",
            ["sample", "--customers", "20", "--days", "1", "--out", cli.directory.appendingPathComponent("s.db").path],
            withDatabase: false)
        try step(
            "bench",
            [
                "bench", "--customers", "60", "--orders", "5", "--samples", "5", "--invoices", "3",
                "--statement-lines", "10", "--payments", "5", "--postings", "300", "--work-dir",
                cli.directory.appendingPathComponent("b").path,
            ], withDatabase: false)
        try step(
            "bench-scale",
            [
                "bench", "--scale", "--scale-customers", "40,60", "--scale-postings", "300,600", "--orders", "5",
                "--samples", "5", "--invoices", "3", "--statement-lines", "10", "--payments", "5", "--work-dir",
                cli.directory.appendingPathComponent("s").path,
            ], withDatabase: false)
        try step("error-not-found", ["customer", "show", "C999999"], status: 1)
        try step("error-usage", ["order", "quote", "--customer"], status: 2)
        try step(
            "error-missing-database", ["db", "check", "--db", "/nonexistent/branch.db"], status: 1, withDatabase: false)

        if !update {
            let files = try FileManager.default.contentsOfDirectory(atPath: Self.golden.path).filter {
                $0.hasSuffix(".json")
            }
            #expect(
                Set(files) == Set(names.map { "\($0).json" }), "golden files without a step, or steps without a file")
        }
    }
}
