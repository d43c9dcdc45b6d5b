import Foundation
import LuckyGasCore
import LuckyGasFormats
import LuckyGasStore

extension BenchCommand {
    /// What importing and matching a statement, and recording payments, took.
    struct ReceivablesFigures: CLIJSON, Codable {
        /// Open invoices the statement is matched against.
        var openItems: Int
        /// Lines in the generated MT940 statement.
        var statementLines: Int
        /// Seconds to parse it alone.
        var parseSeconds: Double
        /// Seconds to import it: parse, keys, matching cascade and posting the confident matches.
        var importSeconds: Double
        /// Lines per second of the import.
        var linesPerSecond: Double
        /// Lines posted without a person, suggested, and left as exceptions.
        var matched: Int
        var suggested: Int
        var exceptions: Int
        /// Payments recorded and allocated oldest first (one transaction each).
        var payments: Int
        var paymentsPerSecond: Double
        var recordAndAllocate: Timing
    }

    /// Opens two invoices per customer, imports a generated statement against them, then records
    /// and allocates payments.
    func measureReceivables(database: AppDatabase, path: String, lines: Int, payments: Int) throws
        -> ReceivablesFigures?
    {
        guard lines > 0 || payments > 0 else { return nil }
        let today = database.clock.now().date
        var random = SystemRandomNumberGenerator()
        // Two open invoices per customer, opened straight away: the issuing path is measured above.
        var items: [(customer: Int, reference: String, amount: Int64)] = []
        var opened: [(customer: CustomerID, reference: String, date: LocalDate, amount: Money)] = []
        for index in 0..<(customers * 2) {
            let customer = index / 2 + 1
            let amount = Int64.random(in: 800...20_000, using: &random)
            let reference = "BK" + String(10_000_000 + index)
            let date = today.adding(days: -Int.random(in: 1...120, using: &random))
            opened.append((CustomerID(number: customer), reference, date, Money(amount)))
            items.append((customer, reference, amount))
        }
        try database.openBenchmarkItems(opened, by: database.authenticate(name: "admin", password: "admin"))
        let prefix = "99123"
        var text = ":20:BENCH\n:25:004/012345678901\n:28C:00001/001\n:60F:C\(Self.yymmdd(today))TWD0,\n"
        var sum: Int64 = 0
        for index in 0..<lines {
            let item = items.randomElement(using: &random) ?? items[0]
            let details: String
            var amount = item.amount
            switch index % 20 {
            case 0..<8:
                let account = VirtualAccount(prefix: prefix, customer: CustomerID(number: item.customer))
                details = "/VA/\(account.digits)/NAME/CUSTOMER \(item.customer)"
            case 8..<14: details = "/NAME/CUSTOMER/REMI/INV \(item.reference)"
            case 14..<17: details = "/NAME/UNKNOWN PAYER/REMI/LPG"
            default:
                amount = Int64.random(in: 100...50_000, using: &random)
                details = "/NAME/SOMEONE ELSE/REMI/TRANSFER \(index)"
            }
            sum += amount
            text += ":61:\(Self.yymmdd(today))C\(amount),NTRFNONREF//B\(index)\n:86:\(details)\n"
        }
        text += ":62F:C\(Self.yymmdd(today))TWD\(sum),\n-\n"
        let bytes = Array(text.utf8)
        let accountant = try database.authenticate(name: "accountant", password: "accountant")
        let parseStart = Date()
        _ = try MT940.parse(bytes)
        let parseSeconds = Date().timeIntervalSince(parseStart)
        let importStart = Date()
        let result = try database.importStatement(bytes, fileName: "bench.sta", by: accountant)
        let importSeconds = Date().timeIntervalSince(importStart)

        let methods: [PaymentMethod] = [.cash, .bankTransfer, .linePay, .creditCard, .jkoPay]
        let paymentStart = Date()
        let timing = try time(payments) {
            let customer = CustomerID(number: Int.random(in: 1...customers, using: &random))
            try database.recordPayment(
                PaymentInput(
                    customer: customer, amount: Money(Int64.random(in: 500...15_000, using: &random)),
                    method: methods.randomElement(using: &random) ?? .cash), allocate: .automatic, by: accountant)
        }
        let paymentSeconds = Date().timeIntervalSince(paymentStart)
        return ReceivablesFigures(
            openItems: items.count, statementLines: lines, parseSeconds: parseSeconds, importSeconds: importSeconds,
            linesPerSecond: Double(lines) / importSeconds, matched: result.matched, suggested: result.suggested,
            exceptions: result.exceptions, payments: payments,
            paymentsPerSecond: payments > 0 ? Double(payments) / paymentSeconds : 0, recordAndAllocate: timing)
    }

    static func yymmdd(_ date: LocalDate) -> String { String(date.compact.dropFirst(2)) }

    static func report(_ receivables: ReceivablesFigures) -> [String] {
        [
            "receivables: statement of \(receivables.statementLines) lines against \(receivables.openItems) open invoices: parsed in \(String(format: "%.3f", receivables.parseSeconds)) s, imported and matched in \(String(format: "%.2f", receivables.importSeconds)) s = \(String(format: "%.0f", receivables.linesPerSecond)) lines/s (aim < 5 s)",
            "  matched \(receivables.matched), suggested \(receivables.suggested), exceptions \(receivables.exceptions)",
            "  \(receivables.payments) payments recorded + allocated at \(String(format: "%.0f", receivables.paymentsPerSecond))/s (aim 1,000/s), p50 \(String(format: "%.0f", receivables.recordAndAllocate.p50Microseconds)) µs, p99 \(String(format: "%.0f", receivables.recordAndAllocate.p99Microseconds)) µs",
        ]
    }
}
