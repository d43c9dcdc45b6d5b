import ArgumentParser
import Foundation
import LuckyGasCore
import LuckyGasStore

/// `luckygas payment`: record, allocate, unallocate, refund, reverse (bounced checks), clear checks.
struct PaymentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payment", abstract: "收款與沖銷 / Payments and allocation.",
        subcommands: [
            Record.self, Allocate.self, Unallocate.self, Refund.self, Reverse.self, ClearCheck.self, Show.self,
            List.self,
        ])

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "登錄收款（收據 RCP-年月日-序號）/ Record a payment (receipt RCP-YYYYMMDD-NNN).",
            discussion: """
                --auto 依參考號碼指名的帳款優先，其餘依到期日最舊優先沖銷；未沖銷部分列為客戶預收款。
                --auto applies the items named in --reference first, then oldest due first; the rest stays unapplied credit.
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Option(help: "客戶編號 / Customer id.") var customer: String
        @Option(help: "金額 / Amount (NT$).") var amount: Int64
        @Option(help: "cash|check|bank_transfer|credit_card|line_pay|jkopay") var method: String
        @Option(help: "參考（發票號碼、訂單編號、虛擬帳號、備註）/ Reference text.") var reference = ""
        @Option(help: "收款日 / Date received (YYYY-MM-DD, default today).") var date: String?
        @Option(name: .customLong("check-bank"), help: "付款銀行 / Drawee bank.") var checkBank: String?
        @Option(name: .customLong("check-number"), help: "票號 / Check number.") var checkNumber: String?
        @Option(name: .customLong("check-due"), help: "票據到期日 / Check date (YYYY-MM-DD).") var checkDue: String?
        @Option(name: .customLong("invoice"), help: "沖銷 INVOICE=AMOUNT，可重複 / Allocate INVOICE=AMOUNT (repeatable).")
        var invoices: [String] = []
        @Flag(help: "自動沖銷 / Allocate automatically.") var auto = false

        func run() throws {
            try perform(global) {
                let input = try parsed {
                    let check: CheckDetails? =
                        if checkBank != nil || checkNumber != nil || checkDue != nil {
                            CheckDetails(
                                bank: checkBank ?? "", number: checkNumber ?? "", due: try LocalDate(checkDue ?? ""))
                        } else { nil }
                    return PaymentInput(
                        customer: try CustomerID(customer), amount: Money(amount), method: try PaymentMethod(method),
                        receivedOn: try date.map { try LocalDate($0) }, reference: reference, check: check)
                }
                let database = try global.open()
                let session = try user.session(database, for: .payments)
                let record = try database.recordPayment(
                    input, allocate: try allocationRequest(invoices: invoices, auto: auto, required: false),
                    by: session)
                global.output.emit(PaymentJSON(record)) { PaymentCommand.describe(record) }
            }
        }
    }

    struct Allocate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "沖銷收款 / Allocate what is left of a payment.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Argument(help: "收據號碼 / Receipt number.") var number: String
        @Option(name: .customLong("invoice"), help: "INVOICE=AMOUNT，可重複 / repeatable") var invoices: [String] = []
        @Flag(help: "自動沖銷（最舊優先）/ Oldest due first.") var auto = false

        func run() throws {
            try perform(global) {
                let receipt = try parsed { try ReceiptNumber(number) }
                let database = try global.open()
                let session = try user.session(database, for: .payments)
                let record = try database.allocatePayment(
                    receipt, try allocationRequest(invoices: invoices, auto: auto, required: true),
                    by: session)
                global.output.emit(PaymentJSON(record)) { PaymentCommand.describe(record) }
            }
        }
    }

    struct Unallocate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "取消沖銷（需原因）/ Reverse allocations of a payment, with a reason.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Argument(help: "收據號碼 / Receipt number.") var number: String
        @Option(help: "只取消這筆沖銷（編號見 payment show）/ Only this allocation id.") var allocation: Int64?
        @Option(help: "原因 / Reason.") var reason: String

        func run() throws {
            try perform(global) {
                let receipt = try parsed { try ReceiptNumber(number) }
                let database = try global.open()
                let session = try user.session(database, for: .payments)
                let record = try database.unallocatePayment(
                    receipt, allocation: allocation, reason: reason, by: session)
                global.output.emit(PaymentJSON(record)) { PaymentCommand.describe(record) }
            }
        }
    }

    struct Refund: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "退還溢收款 / Refund unapplied credit.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Argument(help: "收據號碼 / Receipt number.") var number: String
        @Option(help: "金額 / Amount.") var amount: Int64
        @Option(help: "原因 / Reason.") var reason: String

        func run() throws {
            try perform(global) {
                let receipt = try parsed { try ReceiptNumber(number) }
                let database = try global.open()
                let session = try user.session(database, for: .payments)
                let record = try database.refundPayment(
                    receipt, amount: Money(amount), reason: reason, by: session)
                global.output.emit(PaymentJSON(record)) { PaymentCommand.describe(record) }
            }
        }
    }

    struct Reverse: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "退票或銀行退回：取消收款並重開發票 / Bounced check or returned transfer: reverse the payment.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Argument(help: "收據號碼 / Receipt number.") var number: String
        @Option(help: "原因 / Reason.") var reason: String

        func run() throws {
            try perform(global) {
                let receipt = try parsed { try ReceiptNumber(number) }
                let database = try global.open()
                let session = try user.session(database, for: .payments)
                let record = try database.reversePayment(receipt, reason: reason, by: session)
                global.output.emit(PaymentJSON(record)) { PaymentCommand.describe(record) }
            }
        }
    }

    struct ClearCheck: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clear-check", abstract: "支票兌現 / A check was collected by the bank.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Argument(help: "收據號碼 / Receipt number.") var number: String

        func run() throws {
            try perform(global) {
                let receipt = try parsed { try ReceiptNumber(number) }
                let database = try global.open()
                let session = try user.session(database, for: .payments)
                let record = try database.clearCheck(receipt, by: session)
                global.output.emit(PaymentJSON(record)) { PaymentCommand.describe(record) }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "收款明細 / Show a payment.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "收據號碼 / Receipt number.") var number: String

        func run() throws {
            try perform(global) {
                let receipt = try parsed { try ReceiptNumber(number) }
                let record = try global.open().payment(receipt)
                global.output.emit(PaymentJSON(record)) { PaymentCommand.describe(record) }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "收款列表 / List payments.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "客戶編號 / Customer id.") var customer: String?
        @Option(help: "收款日 / Day (YYYY-MM-DD).") var date: String?

        func run() throws {
            try perform(global) {
                let (id, day) = try parsed {
                    (try customer.map { try CustomerID($0) }, try date.map { try LocalDate($0) })
                }
                let records = try global.open().payments(customer: id, on: day)
                global.output.emit(records.map(PaymentJSON.init)) {
                    records.isEmpty
                        ? ["沒有收款 / No payments"]
                        : records.map {
                            "\(pad($0.number.rawValue, 17)) \($0.receivedOn) \($0.customer) \(pad($0.customerName, 14)) \(pad($0.method.chinese, 8)) \(pad($0.amount.grouped, 9, right: true))  未沖 \(pad($0.unapplied.grouped, 8, right: true))  \($0.status.rawValue)"
                        }
                }
            }
        }
    }

    static func describe(_ record: PaymentRecord) -> [String] {
        var lines = [
            "收款 \(record.number.rawValue)  \(record.receivedOn)  \(record.customer) \(record.customerName)",
            "Payment \(record.number.rawValue): \(record.method.chinese) \(record.method.rawValue)  金額 amount \(record.amount.grouped)  狀態 \(record.status.rawValue)",
        ]
        if let check = record.check {
            lines.append(
                "支票 check \(check.bank) \(check.number) 到期 \(check.due)  \(record.checkStatus?.rawValue ?? "")")
        }
        if !record.reference.isEmpty { lines.append("參考 reference: \(record.reference)") }
        for allocation in record.allocations {
            let reversed = allocation.reversedOn.map { "  已取消 reversed \($0) \(allocation.reversalReason ?? "")" } ?? ""
            lines.append(
                "  #\(allocation.id) \(pad(allocation.reference, 17)) \(pad(allocation.amount.grouped, 10, right: true))  \(allocation.allocatedOn) \(allocation.rule)\(reversed)"
            )
        }
        lines.append("未沖銷 unapplied \(record.unapplied.grouped)  已退 refunded \(record.refunded.grouped)")
        return lines
    }
}

/// The allocation asked for on the command line.
func allocationRequest(invoices: [String], auto: Bool, required: Bool) throws -> AllocationRequest {
    if auto && !invoices.isEmpty { throw CLIError.conflictingOptions("--auto", "--invoice") }
    if auto { return .automatic }
    if invoices.isEmpty {
        if required { throw CLIError.missingOption("--invoice INVOICE=AMOUNT | --auto") }
        return .none
    }
    let shares = try invoices.map { text -> (reference: String, amount: Money) in
        let parts = text.split(separator: "=")
        guard parts.count == 2, let amount = Int64(parts[1].trimmingCharacters(in: .whitespaces)) else {
            throw CLIError.badAllocation(text)
        }
        return (String(parts[0]).trimmingSpaces.uppercased(), Money(amount))
    }
    return .chosen(shares)
}
