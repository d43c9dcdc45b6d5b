import ArgumentParser
import Foundation
import LuckyGasCore
import LuckyGasFormats
import LuckyGasStore

/// `luckygas invoice`: list, show, cancel, void and re-issue, allowances, printed proof.
struct InvoiceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoice", abstract: "發票作業 / E-invoices.",
        subcommands: [
            List.self, Show.self, Cancel.self, VoidReissue.self, Allowance.self, AllowanceCancel.self, Print.self,
        ])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "發票列表 / List invoices.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "期別，例 11512 / Period, e.g. 11512.") var period: String?
        @Option(help: "issued|cancelled") var status: String?
        @Option(help: "客戶編號 / Customer id.") var customer: String?
        @Option(help: "pending|exported|accepted|rejected") var upload: String?
        @Option(help: "最多筆數 / Maximum rows.") var limit = 200

        func run() throws {
            try perform(global) {
                let filter = try parsed {
                    InvoiceFilter(
                        period: try period.map { try InvoicePeriod($0) },
                        status: try status.map { try parseChoice($0, field: "status") },
                        customer: try customer.map { try CustomerID($0) },
                        upload: try upload.map { try parseChoice($0, field: "upload") }, limit: try rowLimit(limit))
                }
                let invoices = try global.open().invoices(filter)
                global.output.emit(invoices.map(InvoiceRowJSON.init)) {
                    invoices.isEmpty
                        ? ["沒有符合的發票 / No invoices match"]
                        : invoices.map {
                            "\($0.number.printed)  \($0.issuedAt.short)  \(pad($0.status.chinese, 6)) \(pad($0.upload?.chinese ?? "-", 6)) \($0.customer) \(pad($0.customerName, 16)) \(pad($0.buyer.isBusiness ? "B2B" : "B2C", 3)) \(pad($0.total.grouped, 10, right: true))"
                        }
                }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "發票明細（含 QR 與條碼內容）/ Show an invoice with its QR and barcode texts.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "發票號碼 / Invoice number.") var number: String
        @Flag(help: "JSON 含上傳訊息的 MIG XML / Include the messages' MIG XML in the JSON.") var xml = false

        func run() throws {
            try perform(global) {
                let invoiceNumber = try parsed { try InvoiceNumber(number) }
                guard let record = try global.open().invoice(invoiceNumber) else {
                    throw StoreError.invoiceNotFound(number)
                }
                global.output.emit(InvoiceJSON(record, xml: xml)) { InvoiceCommand.describe(record) }
            }
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "作廢發票（F0501）/ Cancel an invoice (F0501).",
            discussion: "申報期限（期末次月 15 日）後請改開折讓。 / After the filing deadline (15th after the period) use an allowance.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @OptionGroup var override: OverrideOptions
        @Argument(help: "發票號碼 / Invoice number.") var number: String
        @Option(help: "作廢原因（20 字內）/ Reason (at most 20 characters).") var reason: String

        func run() throws {
            try perform(global) {
                let invoiceNumber = try parsed { try InvoiceNumber(number) }
                let database = try global.open()
                let session = try user.session(database, for: .invoices)
                try database.cancelInvoice(
                    invoiceNumber, reason: reason, by: session, approval: override.approval())
                guard let record = try database.invoice(invoiceNumber) else { throw StoreError.invoiceNotFound(number) }
                global.output.emit(InvoiceJSON(record)) {
                    ["發票 \(invoiceNumber.printed) 已作廢 / Invoice \(invoiceNumber.printed) cancelled"]
                }
            }
        }
    }

    struct VoidReissue: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "void-reissue",
            abstract: "註銷並以同號重開（F0701 + F0401）更正買受人 / Void and re-issue under the same number to correct the buyer.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Argument(help: "發票號碼 / Invoice number.") var number: String
        @Option(help: "註銷原因（20 字內）/ Reason (at most 20 characters).") var reason: String
        @Option(help: "買方統編（改為 B2B）/ Buyer UBN (makes it B2B).") var ubn: String?
        @Option(help: "買方名稱（B2B）/ Buyer name (B2B).") var name: String?
        @Option(help: "手機條碼 / Mobile barcode carrier.") var mobile: String?
        @Option(help: "自然人憑證 / Citizen certificate carrier.") var citizen: String?
        @Option(help: "捐贈碼 / Donation code.") var donation: String?
        @Flag(help: "改為 B2C 紙本證明聯 / B2C with a printed proof.") var printed = false

        func run() throws {
            try perform(global) {
                let invoiceNumber = try parsed { try InvoiceNumber(number) }
                let database = try global.open()
                let session = try user.session(database, for: .invoices)
                guard let current = try database.invoice(invoiceNumber) else {
                    throw StoreError.invoiceNotFound(number)
                }
                let choices = [ubn != nil, mobile != nil, citizen != nil, donation != nil, printed].filter { $0 }.count
                guard choices == 1 else {
                    throw StoreError.invalid(
                        .unknownValue(
                            field: "買受人 buyer", value: "\(choices)",
                            allowed: ["--ubn", "--mobile", "--citizen", "--donation", "--printed"]))
                }
                let buyer: InvoiceBuyer = try parsed {
                    if let ubn {
                        let taxID = try TaxID(ubn)
                        return InvoiceBuyer(
                            name: name ?? current.customerName, delivery: .business(ubn: taxID.rawValue))
                    }
                    if let mobile {
                        return InvoiceBuyer(
                            name: InvoiceBuyer.consumerName,
                            delivery: .mobileBarcode(try InvoiceCarrier.mobileBarcode(mobile)))
                    }
                    if let citizen {
                        return InvoiceBuyer(
                            name: InvoiceBuyer.consumerName,
                            delivery: .citizenCertificate(try InvoiceCarrier.citizenCertificate(citizen)))
                    }
                    if let donation {
                        return InvoiceBuyer(
                            name: InvoiceBuyer.consumerName,
                            delivery: .donation(try InvoiceCarrier.donationCode(donation)))
                    }
                    return InvoiceBuyer(name: InvoiceBuyer.consumerName, delivery: .printed)
                }
                try database.voidAndReissue(invoiceNumber, buyer: buyer, reason: reason, by: session)
                guard let record = try database.invoice(invoiceNumber) else { throw StoreError.invoiceNotFound(number) }
                global.output.emit(InvoiceJSON(record)) {
                    [
                        "發票 \(invoiceNumber.printed) 已註銷並重開：\(buyer.summary)",
                        "Invoice \(invoiceNumber.printed) voided and re-issued: \(buyer.summary)",
                    ]
                }
            }
        }
    }

    struct Allowance: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "開立折讓（G0401）/ Issue an allowance (G0401).",
            discussion: "--line 行號=未稅金額，例 --line 1=500 / --line LINE=AMOUNT before tax, e.g. --line 1=500.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @OptionGroup var override: OverrideOptions
        @Argument(help: "發票號碼 / Invoice number.") var number: String
        @Option(name: .customLong("line"), help: "行號=未稅金額，可重複 / LINE=AMOUNT (repeatable).") var lines: [String]
        @Option(help: "折讓原因（20 字內）/ Reason (at most 20 characters).") var reason: String

        func run() throws {
            try perform(global) {
                let invoiceNumber = try parsed { try InvoiceNumber(number) }
                var requests: [Int: Money] = [:]
                for text in lines {
                    let parts = text.split(separator: "=")
                    guard parts.count == 2, let line = Int(parts[0].trimmingCharacters(in: .whitespaces)),
                        let amount = Int64(parts[1].trimmingCharacters(in: .whitespaces))
                    else { throw CLIError.badAllowanceLine(text) }
                    requests[line] = try parsed { try requests[line, default: .zero].adding(Money(amount)) }
                }
                let database = try global.open()
                let session = try user.session(database, for: .invoices)
                let allowance = try database.issueAllowance(
                    on: invoiceNumber, lines: requests, reason: reason, by: session,
                    approval: override.approval())
                global.output.emit(AllowanceJSON(allowance)) {
                    [
                        "折讓單 \(allowance.number)：未稅 \(allowance.draft.net.grouped) 稅 \(allowance.draft.tax.grouped) 合計 \(allowance.draft.total.grouped)",
                        "Allowance \(allowance.number): net \(allowance.draft.net.grouped) tax \(allowance.draft.tax.grouped) total \(allowance.draft.total.grouped)",
                    ]
                }
            }
        }
    }

    struct AllowanceCancel: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "allowance-cancel", abstract: "作廢折讓（G0501）/ Cancel an allowance (G0501).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Argument(help: "折讓單號 / Allowance number.") var number: String
        @Option(help: "原因（20 字內）/ Reason (at most 20 characters).") var reason: String

        func run() throws {
            try perform(global) {
                let database = try global.open()
                let session = try user.session(database, for: .invoices)
                try database.cancelAllowance(number.uppercased(), reason: reason, by: session)
                global.output.emit(
                    AllowanceCancelledJSON(allowance: number.uppercased(), status: InvoiceStatus.cancelled.rawValue)
                ) {
                    ["折讓單 \(number.uppercased()) 已作廢 / Allowance \(number.uppercased()) cancelled"]
                }
            }
        }
    }

    struct Print: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "列印證明聯（ESC/POS 檔）/ Write the printed proof as an ESC/POS file.",
            discussion: "第二次起標示「補印」。 / From the second print on it says 補印 (reprint).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Argument(help: "發票號碼 / Invoice number.") var number: String
        @Option(help: "輸出檔（送熱感印表機）/ Output file (for the thermal printer).") var out: String

        func run() throws {
            try perform(global) {
                let invoiceNumber = try parsed { try InvoiceNumber(number) }
                let database = try global.open()
                let session = try user.session(database, for: .invoices)
                guard let record = try database.invoice(invoiceNumber) else { throw StoreError.invoiceNotFound(number) }
                guard record.draft.buyer.printsProof, record.status == .issued else {
                    throw CLIError.proofNotPrinted(record.number.printed, record.draft.buyer.summary)
                }
                let reprint = try database.recordProofPrint(invoiceNumber, by: session)
                let data = try EscPosReceipt.render(InvoiceCommand.receipt(record, reprint: reprint))
                try ExportFile.write(data, to: out, beside: database)
                global.output.emit(ProofPrintedJSON(file: out, reprint: reprint)) {
                    ["證明聯已寫入 \(out)\(reprint ? "（補印）" : "") / Proof written to \(out)\(reprint ? " (reprint)" : "")"]
                }
            }
        }
    }

    /// The receipt of a record.
    static func receipt(_ record: InvoiceRecord, reprint: Bool) -> ProofReceipt {
        ProofReceipt(
            sellerName: record.sellerName, periodLabel: record.period.label, invoiceNumber: record.number.printed,
            issuedAt: record.issuedAt.iso.replacingOccurrences(of: "T", with: " "), randomNumber: record.randomNumber,
            total: record.draft.total.amount, sellerUBN: record.sellerUBN, buyerUBN: record.draft.buyer.ubn,
            barcode: record.barcode, qrLeft: record.qrLeft, qrRight: record.qrRight, isReprint: reprint,
            lines: record.draft.lines.map {
                ProofReceiptLine(description: $0.description, quantity: $0.quantity, amount: $0.amount.amount)
            })
    }

    /// Text for `invoice show`.
    static func describe(_ record: InvoiceRecord) -> [String] {
        var lines = [
            "\(record.number.printed)  \(record.period.label)  \(record.status.chinese) \(record.status.rawValue)",
            "開立 issued: \(record.issuedAt.short) by \(record.issuedBy)  訂單 order: \(record.order?.rawValue ?? "-")",
            "客戶 customer: \(record.customer) \(record.customerName)  買受人 buyer: \(record.draft.buyer.summary)",
        ]
        for line in record.draft.lines {
            lines.append(
                "  \(pad(String(line.sequence), 2, right: true) ) \(pad(line.description, 18)) \(pad(String(line.quantity), 4, right: true)) \(pad(line.unit, 2)) x \(pad(line.unitPrice, 9, right: true)) = \(pad(line.amount.grouped, 10, right: true))"
            )
        }
        lines += [
            "未稅 net \(record.draft.split.net.grouped)  稅額 tax \(record.draft.split.tax.grouped)  總計 total \(record.draft.total.grouped)",
            "未收 open \(record.open.grouped)  到期 due \(record.dueDate?.iso ?? "-")  "
                + (record.paymentStatus.map { "\($0.chinese) \($0.rawValue)" } ?? ""),
            "隨機碼 random \(record.randomNumber)  條碼 barcode \(record.barcode)",
            "QR left:  \(record.qrLeft)", "QR right: \(record.qrRight)",
        ]
        for allowance in record.allowances {
            lines.append(
                "折讓 allowance \(allowance.number) \(allowance.status.chinese) 未稅 \(allowance.draft.net.grouped) 稅 \(allowance.draft.tax.grouped)  \(allowance.reason)"
            )
        }
        for message in record.messages {
            lines.append(
                "上傳 \(message.type) \(message.status.chinese) \(message.status.rawValue) 期限 due \(message.dueDate)\(message.resultReason.map { "  \($0)" } ?? "")"
            )
        }
        if let reason = record.cancelReason { lines.append("作廢原因 cancel reason: \(reason)") }
        return lines
    }
}
