import Foundation
import LuckyGasCore

/// A column of a Taiwanese bank's CSV export that the parser reads.
public enum BankCSVColumn: String, Sendable, Hashable, Codable, CaseIterable {
    case transactionDate, valueDate, summary, withdrawal, deposit, balance, memo, virtualAccount, payerAccount
    case payerName, serial

    /// The columns a statement cannot be read without.
    public static let required: [BankCSVColumn] = [.transactionDate, .withdrawal, .deposit]

    /// 交易日期, 起息日… as the operator knows them.
    public var chinese: String {
        switch self {
        case .transactionDate: "交易日期"
        case .valueDate: "起息日"
        case .summary: "摘要"
        case .withdrawal: "支出金額"
        case .deposit: "存入金額"
        case .balance: "餘額"
        case .memo: "備註"
        case .virtualAccount: "虛擬帳號"
        case .payerAccount: "對方帳號"
        case .payerName: "對方戶名"
        case .serial: "交易序號"
        }
    }

    /// The English name.
    public var english: String {
        switch self {
        case .transactionDate: "transaction date"
        case .valueDate: "value date"
        case .summary: "summary"
        case .withdrawal: "withdrawal"
        case .deposit: "deposit"
        case .balance: "balance"
        case .memo: "memo"
        case .virtualAccount: "virtual account"
        case .payerAccount: "payer account"
        case .payerName: "payer name"
        case .serial: "serial number"
        }
    }
}

/// The header names one bank uses in its corporate internet-banking CSV export.
public struct BankCSVLayout: Sendable, Hashable {
    /// The 3-digit bank code (總行代號), such as `004`; `000` is the generic layout.
    public var bankCode: String
    /// The bank's name in Chinese, such as 臺灣銀行.
    public var nameZh: String
    /// The bank's name in English.
    public var nameEn: String
    /// Accepted header names per column, compared after spaces and a `(元)`-style suffix are removed.
    public var headers: [BankCSVColumn: [String]]

    /// Creates a layout.
    public init(bankCode: String, nameZh: String, nameEn: String, headers: [BankCSVColumn: [String]]) {
        self.bankCode = bankCode
        self.nameZh = nameZh
        self.nameEn = nameEn
        self.headers = headers
    }
}

/// Reader of Taiwanese bank CSV exports (notes §6): one file is one statement of one account.
public enum BankCSV {
    /// The known layouts. The bank-specific names are what these banks' exports are commonly seen with
    /// (unverified against each bank's current export): when a bank renames a column, add the name here.
    /// A column a bank's names do not find is looked up under the generic `000` names as well.
    public static let layouts: [BankCSVLayout] = [
        BankCSVLayout(
            bankCode: "000", nameZh: "通用格式", nameEn: "Generic",
            headers: [
                .transactionDate: ["交易日期", "帳務日期", "日期", "交易日", "記帳日", "記帳日期", "入帳日期", "交易日期時間"],
                .valueDate: ["起息日", "起息日期"],
                .summary: ["摘要", "交易摘要", "說明", "交易說明", "交易類別"],
                .withdrawal: ["支出金額", "支出", "提款", "提款金額", "提出", "提出金額", "轉出金額", "支付金額"],
                .deposit: ["存入金額", "存入", "存款", "存款金額", "收入", "收入金額", "轉入金額"],
                .balance: ["餘額", "帳戶餘額", "結餘", "結餘金額", "結存", "結存金額", "帳上餘額"],
                .memo: ["備註", "附言", "附註", "註記", "交易備註"],
                .virtualAccount: ["虛擬帳號", "銷帳編號", "銷帳帳號"],
                .payerAccount: ["對方帳號", "轉出帳號", "轉出入帳號", "對方帳戶", "匯款帳號"],
                .payerName: ["對方戶名", "轉出戶名", "匯款人", "付款人", "匯款人名稱"],
                .serial: ["交易序號", "序號", "交易編號", "流水號"],
            ]),
        BankCSVLayout(
            bankCode: "004", nameZh: "臺灣銀行", nameEn: "Bank of Taiwan",
            headers: [
                .transactionDate: ["交易日期"], .valueDate: ["起息日"], .summary: ["摘要"],
                .withdrawal: ["支出金額"], .deposit: ["存入金額"], .balance: ["餘額"], .memo: ["備註"],
                .virtualAccount: ["虛擬帳號"], .payerAccount: ["對方帳號"], .payerName: ["對方戶名"],
                .serial: ["交易序號"],
            ]),
        BankCSVLayout(
            bankCode: "007", nameZh: "第一銀行", nameEn: "First Commercial Bank",
            headers: [
                .transactionDate: ["帳務日期", "交易日期"], .valueDate: ["起息日"], .summary: ["摘要"],
                .withdrawal: ["支出", "支出金額"], .deposit: ["存入", "存入金額"], .balance: ["餘額"],
                .memo: ["備註"], .virtualAccount: ["虛擬帳號"], .payerAccount: ["對方帳號"], .serial: ["交易序號"],
            ]),
        BankCSVLayout(
            bankCode: "008", nameZh: "華南銀行", nameEn: "Hua Nan Commercial Bank",
            headers: [
                .transactionDate: ["交易日期"], .valueDate: ["起息日"], .summary: ["摘要"],
                .withdrawal: ["提款金額", "支出金額"], .deposit: ["存款金額", "存入金額"], .balance: ["餘額"],
                .memo: ["備註"], .virtualAccount: ["銷帳編號", "虛擬帳號"], .payerAccount: ["轉出帳號"],
                .serial: ["交易序號"],
            ]),
        BankCSVLayout(
            bankCode: "009", nameZh: "彰化銀行", nameEn: "Chang Hwa Commercial Bank",
            headers: [
                .transactionDate: ["交易日", "交易日期"], .valueDate: ["起息日"], .summary: ["摘要"],
                .withdrawal: ["支出金額"], .deposit: ["收入金額", "存入金額"], .balance: ["餘額"],
                .memo: ["附言", "備註"], .virtualAccount: ["虛擬帳號"], .payerAccount: ["對方帳號"],
                .serial: ["交易序號"],
            ]),
        BankCSVLayout(
            bankCode: "013", nameZh: "國泰世華銀行", nameEn: "Cathay United Bank",
            headers: [
                .transactionDate: ["交易日期"], .valueDate: ["帳務日期", "起息日"], .summary: ["說明", "摘要"],
                .withdrawal: ["提出", "提款"], .deposit: ["存入"], .balance: ["餘額"], .memo: ["備註"],
                .virtualAccount: ["虛擬帳號"], .payerAccount: ["轉出入帳號"], .payerName: ["對方戶名"],
                .serial: ["交易序號"],
            ]),
        BankCSVLayout(
            bankCode: "808", nameZh: "玉山銀行", nameEn: "E.SUN Commercial Bank",
            headers: [
                .transactionDate: ["交易日期"], .valueDate: ["起息日"], .summary: ["摘要"],
                .withdrawal: ["提款", "支出"], .deposit: ["存款", "存入"], .balance: ["帳戶餘額", "餘額"],
                .memo: ["備註"], .virtualAccount: ["虛擬帳號"], .payerAccount: ["對方帳號"], .payerName: ["對方戶名"],
                .serial: ["交易序號"],
            ]),
        BankCSVLayout(
            bankCode: "822", nameZh: "中國信託商業銀行", nameEn: "CTBC Bank",
            headers: [
                .transactionDate: ["交易日期"], .valueDate: ["起息日"], .summary: ["摘要"],
                .withdrawal: ["支出"], .deposit: ["存入"], .balance: ["結餘", "餘額"], .memo: ["備註"],
                .virtualAccount: ["虛擬帳號"], .payerAccount: ["轉出帳號"], .payerName: ["對方戶名"],
                .serial: ["交易序號"],
            ]),
    ]

    /// The layout for a bank code (`004`, or `4`), if known.
    public static func layout(for bank: String) -> BankCSVLayout? {
        let code = normalizedCode(bank)
        return layouts.first { $0.bankCode == code }
    }

    /// Parses an export of bank `bank` (3-digit code; `000` for the generic layout).
    ///
    /// Big5 or UTF-8 (with or without BOM: valid UTF-8 is read as UTF-8); title rows before the header, where a
    /// `帳號,012345678901` or `帳號：…` row gives the account when `account` is nil; ROC dates `113/01/31`,
    /// `113.01.31`, `1130131` and Gregorian `2024/01/31`, `2024-01-31` (a time after a space is ignored);
    /// thousands separators and `.00`; quoted fields; rows without a date (blank, 合計, 總計, notes) skipped.
    /// A deposit is `C` and positive, a withdrawal `D` and negative. A file listed newest first is turned
    /// around. With a 餘額 column, opening is the first balance less the first amount and closing the last
    /// balance.
    public static func parse(_ bytes: [UInt8], bank: String, account: String?) throws(BankStatementError)
        -> BankStatement
    {
        guard let layout = layout(for: bank) else {
            throw .unknownBank(code: bank, known: layouts.map(\.bankCode))
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        guard body.contains(where: { $0 > 0x20 }) else { throw .emptyFile }
        let isUTF8 = String(validating: body, as: UTF8.self) != nil
        let decode = { (field: ArraySlice<UInt8>) in text(field, utf8: isUTF8) }

        var columns: [BankCSVColumn: Int]?
        var foundAccount: String?
        var rows: [BankStatementLine] = []
        for record in records(body) {
            let fields = record.fields.map(decode)
            if fields.allSatisfy(\.isEmpty) { continue }
            guard let columns else {
                if let found = headerColumns(fields, layout: layout) {
                    for column in BankCSVColumn.required where found[column] == nil {
                        throw .missingColumn(column, headerLine: record.line)
                    }
                    columns = found
                } else if foundAccount == nil {
                    foundAccount = accountNumber(fields)
                }
                continue
            }
            if let line = try row(fields, columns: columns, line: record.line) { rows.append(line) }
        }
        guard columns != nil else { throw .noHeaderRow }
        guard let firstRow = rows.first, let lastRow = rows.last else { throw .noRows }
        if let first = firstRow.entryDate, let last = lastRow.entryDate, first > last { rows.reverse() }
        for index in rows.indices { rows[index].ordinal = index + 1 }

        var opening: BankBalance?
        var closing: BankBalance?
        if let first = rows.first, let balance = first.balanceCents {
            opening = Self.balance(balance &- first.cents, date: first.entryDate ?? first.valueDate)
        }
        if let last = rows.last, let balance = last.balanceCents {
            closing = Self.balance(balance, date: last.entryDate ?? last.valueDate)
        }
        let valueDates = rows.map(\.valueDate)
        let earliest = valueDates.min() ?? firstRow.valueDate
        let latest = valueDates.max() ?? lastRow.valueDate
        return BankStatement(
            format: "CSV", account: account ?? foundAccount ?? "",
            reference: "CSV-\(layout.bankCode)-\(earliest.compact)-\(latest.compact)", sequence: nil,
            currency: "TWD", opening: opening, closing: closing, lines: rows)
    }

    private static func balance(_ cents: Int64, date: LocalDate) -> BankBalance {
        BankBalance(mark: cents < 0 ? "D" : "C", date: date, cents: cents, currency: "TWD")
    }

    private static func normalizedCode(_ bank: String) -> String {
        let code = bank.trimmingCharacters(in: .whitespaces)
        guard !code.isEmpty, code.count < 3, code.allSatisfy(\.isASCIIDigit) else { return code }
        return String(repeating: "0", count: 3 - code.count) + code
    }

    // MARK: Header and title rows

    /// The columns of `fields` when it is the header row: the transaction date and at least one more column
    /// found. The bank's own names are tried first, then the generic names for columns still unfound.
    private static func headerColumns(_ fields: [String], layout: BankCSVLayout) -> [BankCSVColumn: Int]? {
        let names = fields.map(headerName)
        var found: [BankCSVColumn: Int] = [:]
        var claimed = Set<Int>()
        let generic = layouts.first { $0.bankCode == "000" }
        for source in [layout, generic].compactMap({ $0 }) {
            for column in BankCSVColumn.allCases where found[column] == nil {
                let accepted = source.headers[column] ?? []
                if let index = names.indices.first(where: { !claimed.contains($0) && accepted.contains(names[$0]) }) {
                    found[column] = index
                    claimed.insert(index)
                }
            }
        }
        guard found[.transactionDate] != nil, found.count >= 2 else { return nil }
        return found
    }

    /// A header cell without spaces, `*` and a parenthesised unit: `支出金額(元)` → `支出金額`.
    private static func headerName(_ cell: String) -> String {
        var name = ""
        var depth = 0
        for character in cell {
            switch character {
            case "(", "（": depth += 1
            case ")", "）": depth = max(0, depth - 1)
            case "*", "＊": continue
            default:
                if depth == 0, !character.isWhitespace { name.append(character) }
            }
        }
        return name
    }

    /// The account of a title row such as `帳號,012345678901` or `帳號：0123-456-789012（活期存款）`.
    private static func accountNumber(_ fields: [String]) -> String? {
        let labels = ["帳號", "帳戶", "存款帳號", "查詢帳號", "帳戶號碼", "Account", "AccountNo"]
        guard let first = fields.first(where: { !$0.isEmpty }) else { return nil }
        var candidates: [String] = []
        if let colon = first.firstIndex(where: { $0 == ":" || $0 == "：" }) {
            let label = headerName(String(first[..<colon]))
            if labels.contains(label) { candidates.append(String(first[first.index(after: colon)...])) }
        }
        if labels.contains(headerName(first)) {
            candidates += fields.drop(while: { $0 != first }).dropFirst().filter { !$0.isEmpty }.prefix(1)
        }
        for candidate in candidates {
            let trimmed = candidate.trimmingCharacters(in: .whitespaces)
            let number = String(trimmed.prefix { $0.isASCIIDigit || $0 == "-" })
            if number.contains(where: \.isASCIIDigit) { return number }
        }
        return nil
    }

    // MARK: Data rows

    /// One data row, or nil for a row to skip (no digit in the date cell, or a 合計/總計 row).
    private static func row(_ fields: [String], columns: [BankCSVColumn: Int], line: Int) throws(BankStatementError)
        -> BankStatementLine?
    {
        func cell(_ column: BankCSVColumn) -> String {
            guard let index = columns[column], index < fields.count else { return "" }
            return fields[index]
        }
        let dateText = cell(.transactionDate)
        // Total rows put 合計/總計 in the date column or in the first cell, with or without a date.
        guard dateText.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }), !isTotal(dateText),
            !isTotal(fields.first { !$0.isEmpty } ?? "")
        else { return nil }
        guard let transactionDate = date(dateText) else { throw .badDate(line: line, text: dateText) }
        var valueDate = transactionDate
        let valueText = cell(.valueDate)
        if !valueText.isEmpty {
            guard let parsed = date(valueText) else { throw .badDate(line: line, text: valueText) }
            valueDate = parsed
        }
        // Some banks print a withdrawal as `-1,000`: the column says which way the money went.
        let out = try amount(cell(.withdrawal), line: line).map { $0 < 0 ? -$0 : $0 } ?? 0
        let into = try amount(cell(.deposit), line: line).map { $0 < 0 ? -$0 : $0 } ?? 0
        if out != 0 && into != 0 { throw .bothAmounts(line: line) }
        guard out != 0 || into != 0 else { throw .noAmount(line: line) }
        let balance = try amount(cell(.balance), line: line)
        func optional(_ column: BankCSVColumn) -> String? {
            let value = cell(column)
            return value.isEmpty ? nil : value
        }
        let virtualAccount = optional(.virtualAccount).map { String($0.filter { $0 != " " && $0 != "-" }) }
        return BankStatementLine(
            ordinal: 0, sourceLine: line, valueDate: valueDate, entryDate: transactionDate, mark: out != 0 ? "D" : "C",
            cents: out != 0 ? -out : into, bankReference: optional(.serial), supplementary: optional(.memo),
            details: cell(.summary), virtualAccount: virtualAccount, payerName: optional(.payerName),
            payerAccount: optional(.payerAccount), balanceCents: balance)
    }

    /// Whether a cell names a total row: 合計, 總計, 小計 or 筆數 anywhere in it (compared as UTF-8 bytes).
    private static func isTotal(_ cell: String) -> Bool {
        let bytes = Array(cell.utf8)
        guard bytes.contains(where: { $0 >= 0x80 }) else { return false }
        return totalKeywords.contains { keyword in
            guard bytes.count >= keyword.count else { return false }
            return (0...(bytes.count - keyword.count)).contains { start in
                bytes[start..<(start + keyword.count)].elementsEqual(keyword)
            }
        }
    }

    private static let totalKeywords = ["合計", "總計", "小計", "筆數"].map { Array($0.utf8) }

    /// Signed hundredths of `1,302,500`, `NT$123.00`, `-50`, `(50)`; nil for an empty cell or `-`.
    private static func amount(_ text: String, line: Int) throws(BankStatementError) -> Int64? {
        var bytes: [UInt8] = []
        var negative = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9", ".": bytes.append(UInt8(scalar.value))
            case "-", "(", "（": negative = true
            case ",", "，", " ", "　", "$", "＄", "N", "T", "元", ")", "）", "+": continue
            default: throw .badAmount(line: line, text: text)
            }
        }
        if bytes.isEmpty {
            // An empty cell, or a lone `-` some banks print for "none".
            if text.allSatisfy({ $0 == "-" || $0.isWhitespace }) { return nil }
            throw .badAmount(line: line, text: text)
        }
        guard let cents = BankAmount.cents(bytes, decimal: 0x2E) else { throw .badAmount(line: line, text: text) }
        return negative ? -cents : cents
    }

    /// A ROC (民國) or Gregorian date: `113/01/31`, `113.01.31`, `113-01-31`, `1130131`, `113年1月31日`,
    /// `2024/01/31`, `2024-01-31`, `20240131`; anything after a space (a time) is ignored.
    static func date(_ text: String) -> LocalDate? {
        var parts: [Int] = []
        var widths: [Int] = []
        var current = 0
        var width = 0
        var started = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value >= 0x30 && value <= 0x39 {
                current = current * 10 + Int(value - 0x30)
                width += 1
                started = true
                guard width <= 8 else { return nil }
            } else if "/.-年月".unicodeScalars.contains(scalar), width > 0 {
                parts.append(current)
                widths.append(width)
                current = 0
                width = 0
            } else if scalar == "日", width > 0 {
                continue
            } else if scalar == " " || scalar == "T" || scalar == "\u{3000}" {
                if started { break }  // A time follows.
            } else {
                return nil
            }
        }
        if width > 0 {
            parts.append(current)
            widths.append(width)
        }
        let year: Int
        let month: Int
        let dayOfMonth: Int
        if parts.count == 3, (2...4).contains(widths[0]), widths[1] <= 2, widths[2] <= 2 {
            year = widths[0] == 4 ? parts[0] : parts[0] + 1911
            month = parts[1]
            dayOfMonth = parts[2]
        } else if parts.count == 1, widths[0] == 7 || widths[0] == 8 {
            let value = parts[0]
            year = widths[0] == 8 ? value / 10_000 : value / 10_000 + 1911
            month = value / 100 % 100
            dayOfMonth = value % 100
        } else {
            return nil
        }
        return try? LocalDate(year: year, month: month, day: dayOfMonth)
    }

    // MARK: Bytes

    /// Records of the file with their 1-based first line: fields split at commas outside quotes, quotes removed
    /// (`""` inside quotes is a quote; Excel's `="…"` is read as `…`), CR dropped.
    ///
    /// The split works on bytes: neither Big5 nor UTF-8 uses `,`, `"` or a line feed inside a character.
    private static func records(_ bytes: ArraySlice<UInt8>) -> [(line: Int, fields: [ArraySlice<UInt8>])] {
        var records: [(line: Int, fields: [ArraySlice<UInt8>])] = []
        var fields: [ArraySlice<UInt8>] = []
        var field: [UInt8] = []
        var quoted = false
        var line = 1
        var recordLine = 1
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            index += 1
            if byte == 0x0D { continue }
            if byte == 0x0A { line += 1 }
            if quoted {
                if byte == 0x22 {
                    if index < bytes.endIndex, bytes[index] == 0x22 {
                        field.append(0x22)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == 0x22 {
                quoted = true
                if field.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x3D }) { field = [] }
            } else if byte == 0x2C {
                fields.append(field[...])
                field = []
            } else if byte == 0x0A {
                fields.append(field[...])
                records.append((recordLine, fields))
                fields = []
                field = []
                recordLine = line
            } else {
                field.append(byte)
            }
        }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field[...])
            records.append((recordLine, fields))
        }
        return records
    }

    /// A field's text, trimmed: UTF-8 files as UTF-8; Big5 files as Big5, byte by byte where Big5 fails.
    private static func text(_ field: ArraySlice<UInt8>, utf8: Bool) -> String {
        let bytes = BankAmount.trimmed(field)
        let raw: String
        if utf8 || bytes.allSatisfy({ $0 < 0x80 }) {
            raw = String(decoding: bytes, as: UTF8.self)
        } else if let big5 = String(data: Data(bytes), encoding: String.Encoding(rawValue: 0x8000_0A03)) {
            raw = big5
        } else {
            raw = String(String.UnicodeScalarView(bytes.map { $0 < 0x80 ? Unicode.Scalar($0) : "\u{FFFD}" }))
        }
        // The bytes are trimmed of ASCII spaces; a full-width space or a stray BOM at an end is rare.
        let isSpace: (Unicode.Scalar) -> Bool = {
            $0.value >= 0x80 && ($0.properties.isWhitespace || $0 == "\u{FEFF}")
        }
        guard let first = raw.unicodeScalars.first, let last = raw.unicodeScalars.last, isSpace(first) || isSpace(last)
        else { return raw }
        let scalars = raw.unicodeScalars.drop(while: isSpace).reversed().drop(while: isSpace).reversed()
        return String(String.UnicodeScalarView(scalars))
    }
}
