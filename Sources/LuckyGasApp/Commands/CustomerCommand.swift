import ArgumentParser
import LuckyGasCore
import LuckyGasStore

/// `luckygas customer add|show|search`.
struct CustomerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customer", abstract: "客戶 / Customers.",
        subcommands: [Add.self, Show.self, Search.self, Statement.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "新增客戶 / Add a customer.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Option(help: "名稱 / Name.") var name: String
        @Option(help: "電話，可重複 / Phone (repeatable; the first is primary).") var phone: [String]
        @Option(help: "residential|commercial|industrial") var type: String
        @Option(help: "cod|net30|monthly") var terms: String
        @Option(help: "信用額度 / Credit limit in NT$.") var limit: Int64 = 0
        @Option(help: "統一編號 / Tax id (UBN).") var taxId: String?
        @Option(help: "地址 / Delivery address.") var address: String
        @Option(help: "郵遞區號 / Postal code.") var postalCode: String
        @Option(help: "north|central|south|remote") var zone: String
        @Option(help: "緯度 / Latitude.") var lat: Double?
        @Option(help: "經度 / Longitude.") var lon: Double?
        @Option(help: "電子發票 / E-invoice: b2b|printed|mobile_barcode|citizen_certificate|donation.")
        var einvoice: String?
        @Option(help: "載具或捐贈碼 / Carrier id or donation code.") var carrier: String = ""
        @Option(help: "送貨備註 / Delivery instructions.") var instructions: String = ""

        func run() throws {
            try perform(global) {
                let customer = try parsed { () throws -> Customer in
                    let coordinate: Coordinate? =
                        if let lat, let lon { try Coordinate(latitude: lat, longitude: lon) } else { nil }
                    let taxID = try taxId.map { try TaxID($0) }
                    return try Customer(
                        name: name, type: parseChoice(type, field: "type"), phones: phone.map { try PhoneNumber($0) },
                        taxID: taxID, terms: parseChoice(terms, field: "terms"), creditLimit: Money(limit),
                        addresses: [
                            Address(
                                text: address, postalCode: postalCode, zone: parseChoice(zone, field: "zone"),
                                coordinate: coordinate, instructions: instructions)
                        ],
                        invoicePreference: try einvoice.map { try InvoicePreference(kind: $0, value: carrier) })
                }
                let database = try global.open()
                let session = try user.session(database, for: .editCustomers)
                let id = try database.addCustomer(customer, by: session)
                global.output.emit(CustomerAddedJSON(id: id.rawValue)) { ["已新增客戶 \(id) / Added customer \(id)"] }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "客戶資料 / Show a customer.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "客戶編號 / Customer id, e.g. C000123.") var id: String

        func run() throws {
            try perform(global) {
                let customerID = try parsed { try CustomerID(id) }
                guard let record = try global.open().customer(customerID) else {
                    throw StoreError.customerNotFound(customerID.rawValue)
                }
                let customer = record.customer
                global.output.emit(CustomerJSON(record)) {
                    var lines = [
                        "\(customerID)  \(customer.name)  \(customer.type.chinese) \(customer.type.rawValue)  \(customer.status.rawValue)",
                        "電話 phone: " + customer.phones.map(\.display).joined(separator: ", "),
                        "統編 tax id: \(customer.taxID?.rawValue ?? "-")   發票 e-invoice: \(customer.invoicePreference.summary)",
                        "付款 terms: \(customer.terms.chinese) \(customer.terms.rawValue)   額度 limit: \(customer.creditLimit)",
                    ]
                    for address in customer.addresses {
                        lines.append(
                            "地址 #\(address.id ?? 0)\(address.isDefault ? "*" : " ") \(address.postalCode) \(address.text) (\(address.zone.rawValue))"
                        )
                    }
                    for special in record.specialPrices {
                        lines.append(
                            "特價 special: \(special.product) \(special.price) \(special.validFrom)..\(special.validUntil)"
                        )
                    }
                    return lines
                }
            }
        }
    }

    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "搜尋客戶 / Search by name, address, phone digits, tax id or customer id.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "搜尋文字 / Text (one Chinese character is enough).") var text: String
        @Option(help: "最多筆數 / Maximum rows.") var limit = 50

        func run() throws {
            try perform(global) {
                let results = try global.open().searchCustomers(text, limit: rowLimit(limit))
                global.output.emit(results.map(CustomerRowJSON.init)) {
                    results.isEmpty
                        ? ["查無符合「\(text)」的客戶 / No customer matches \"\(text)\""]
                        : results.map {
                            "\($0.id)  \(pad($0.name, 20)) \(pad($0.phone, 14)) \($0.terms.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \($0.address)"
                        }
                }
            }
        }
    }
}

extension CustomerCommand {
    struct Statement: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "客戶對帳單（文字或 CSV）/ Customer statement (text or CSV).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Argument(help: "客戶編號 / Customer id.") var id: String
        @Option(help: "起日 / From (YYYY-MM-DD).") var from: String
        @Option(help: "迄日 / To (YYYY-MM-DD).") var to: String
        @Flag(help: "輸出 CSV / CSV output.") var csv = false

        func run() throws {
            try perform(global) {
                let (customerID, start, end) = try parsed {
                    (try CustomerID(id), try LocalDate(from), try LocalDate(to))
                }
                let database = try global.open()
                _ = try user.session(database, for: .reports)
                let statement = try database.customerStatement(customerID, from: start, to: end)
                if csv && !global.json {
                    Output.write(StatementText.csv(statement), to: .standardOutput)
                    return
                }
                global.output.emit(StatementJSON(statement)) { StatementText.lines(statement) }
            }
        }
    }
}

/// A customer statement as text and CSV.
enum StatementText {
    static func lines(_ statement: CustomerStatement) -> [String] {
        var lines = [
            "對帳單 Statement  \(statement.customer) \(statement.name)",
            "期間 period \(statement.from) ~ \(statement.to)",
            "匯款帳號 pay to: 虛擬帳號 virtual account \(statement.virtualAccount.digits)（\(statement.bankAccount)）",
            "期初餘額 opening balance \(pad(statement.opening.grouped, 12, right: true))",
        ]
        for line in statement.lines {
            lines.append(
                "\(line.date) \(pad(line.reference, 17)) \(pad(line.description, 30)) \(pad(line.debit == .zero ? "" : line.debit.grouped, 10, right: true)) \(pad(line.credit == .zero ? "" : line.credit.grouped, 10, right: true)) \(pad(line.balance.grouped, 12, right: true))"
            )
        }
        lines.append("期末餘額 closing balance \(pad(statement.closing.grouped, 12, right: true))")
        lines.append("未結帳款 open items:")
        for item in statement.openItems {
            lines.append(
                "  \(pad(item.reference, 17)) \(item.date) 到期 due \(item.due) \(pad(item.open.grouped, 10, right: true))"
            )
        }
        if statement.unapplied > .zero { lines.append("預收款 unapplied credit -\(statement.unapplied.grouped)") }
        return lines
    }

    static func csv(_ statement: CustomerStatement) -> String {
        func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        var text = "customer,\(statement.customer),\(quoted(statement.name))\n"
        text += "virtual_account,\(statement.virtualAccount.digits),\(quoted(statement.bankAccount))\n"
        text += "date,reference,description,debit,credit,balance\n"
        text += "\(statement.from),,opening,,,\(statement.opening.amount)\n"
        for line in statement.lines {
            text +=
                "\(line.date),\(line.reference),\(quoted(line.description)),\(line.debit.amount),\(line.credit.amount),\(line.balance.amount)\n"
        }
        text += "\(statement.to),,closing,,,\(statement.closing.amount)\n"
        return text
    }
}
