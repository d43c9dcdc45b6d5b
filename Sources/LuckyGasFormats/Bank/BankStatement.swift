import Foundation
import LuckyGasCore

/// A balance stated by the bank: MT940 `:60F:`/`:62F:` or the running 餘額 of a CSV export.
public struct BankBalance: Sendable, Hashable, Codable {
    /// `C` (credit, in the account holder's favour) or `D` (overdrawn).
    public var mark: String
    /// The day the balance is stated for.
    public var date: LocalDate
    /// Signed hundredths of the currency: `D` balances are negative.
    public var cents: Int64
    /// ISO 4217 code, such as `TWD`.
    public var currency: String

    /// Creates a balance; `cents` carries the sign, `mark` repeats it as the bank wrote it.
    public init(mark: String, date: LocalDate, cents: Int64, currency: String) {
        self.mark = mark
        self.date = date
        self.cents = cents
        self.currency = currency
    }
}

/// One booked movement of a statement: an MT940 `:61:` with its `:86:`, or one CSV row.
public struct BankStatementLine: Sendable, Hashable, Codable {
    /// 1-based position in its statement.
    public var ordinal: Int
    /// 1-based line of the file where the movement starts (the `:61:` line or the CSV row).
    public var sourceLine: Int
    /// The value date (起息日); for a CSV without that column, the transaction date.
    public var valueDate: LocalDate
    /// The booking date: MT940 MMDD with the year inferred across the year boundary, or the CSV 交易日期.
    public var entryDate: LocalDate?
    /// `C`, `D`, `RC` (reversal of a credit, money out) or `RD` (reversal of a debit, money in).
    public var mark: String
    /// Signed hundredths: `C` and `RD` positive, `D` and `RC` negative.
    public var cents: Int64
    /// The MT940 transaction type (`NTRF`, `NCHK`, `S   `…); empty for CSV.
    public var typeCode: String
    /// The MT940 customer reference (`NONREF` kept as is); empty when absent and for CSV.
    public var customerReference: String
    /// The bank's own reference: MT940 `//…` or the CSV 交易序號.
    public var bankReference: String?
    /// The MT940 34x line after `:61:`, or the CSV 備註/附言 memo.
    public var supplementary: String?
    /// The `:86:` text with its continuation lines joined with nothing between them (banks wrap at 65
    /// characters, mid-word and mid-number), or the CSV 摘要.
    public var details: String
    /// The virtual account credited: digits after `/VA/` in `:86:`, or the CSV 虛擬帳號/銷帳編號 column.
    public var virtualAccount: String?
    /// The payer: `/NAME/` in `:86:`, or the CSV 對方戶名 column.
    public var payerName: String?
    /// The payer's account: `/ACCT/` in `:86:`, or the CSV 對方帳號/轉出帳號 column.
    public var payerAccount: String?
    /// The CSV running balance (餘額) after this line, in signed hundredths.
    public var balanceCents: Int64?

    /// Creates a line; only the fields every format has are required.
    public init(
        ordinal: Int, sourceLine: Int, valueDate: LocalDate, entryDate: LocalDate? = nil, mark: String, cents: Int64,
        typeCode: String = "", customerReference: String = "", bankReference: String? = nil,
        supplementary: String? = nil, details: String = "", virtualAccount: String? = nil, payerName: String? = nil,
        payerAccount: String? = nil, balanceCents: Int64? = nil
    ) {
        self.ordinal = ordinal
        self.sourceLine = sourceLine
        self.valueDate = valueDate
        self.entryDate = entryDate
        self.mark = mark
        self.cents = cents
        self.typeCode = typeCode
        self.customerReference = customerReference
        self.bankReference = bankReference
        self.supplementary = supplementary
        self.details = details
        self.virtualAccount = virtualAccount
        self.payerName = payerName
        self.payerAccount = payerAccount
        self.balanceCents = balanceCents
    }

    /// The amount in whole NT$, or nil when it has cents (a foreign-currency statement).
    public var money: Money? { cents % 100 == 0 ? Money(cents / 100) : nil }

    /// True for `RC` and `RD`: the bank undid an earlier movement.
    public var isReversal: Bool { mark.hasPrefix("R") }
}

/// One account statement: an MT940/MT942 message (one per `:20:`) or a whole CSV export.
public struct BankStatement: Sendable, Hashable, Codable {
    /// `MT940` or `CSV`.
    public var format: String
    /// The account: `:25:` or the CSV's account.
    public var account: String
    /// `:20:`; for CSV `CSV-<bank>-<earliest value date>-<latest>` (compact dates).
    public var reference: String
    /// `:28C:` / `:28:` as written, such as `00031/001`.
    public var sequence: String?
    /// ISO 4217 code of the statement.
    public var currency: String
    /// `:60F:`/`:60M:`; nil for MT942. CSV: the first running balance less the first amount.
    public var opening: BankBalance?
    /// `:62F:`/`:62M:`; nil for MT942. CSV: the last running balance.
    public var closing: BankBalance?
    /// The movements, in file order (CSV: oldest first).
    public var lines: [BankStatementLine]
    /// `:86:` text that belongs to no line: before the first `:61:` or after the closing balance
    /// (ING puts the day's debit/credit totals there). Joined like `details`.
    public var information: String?

    /// Creates a statement.
    public init(
        format: String, account: String, reference: String, sequence: String?, currency: String,
        opening: BankBalance?, closing: BankBalance?, lines: [BankStatementLine], information: String? = nil
    ) {
        self.format = format
        self.account = account
        self.reference = reference
        self.sequence = sequence
        self.currency = currency
        self.opening = opening
        self.closing = closing
        self.lines = lines
        self.information = information
    }

    /// The signed sum of the lines in hundredths (wraps instead of trapping on absurd input).
    public var sumCents: Int64 { lines.reduce(0) { $0 &+ $1.cents } }

    /// Whether the statement adds up, or nil when it cannot tell (MT942, a CSV without 餘額).
    ///
    /// With running balances (CSV) every balance must be the previous one plus the line's amount; otherwise
    /// opening + the lines must equal closing.
    public var isBalanced: Bool? {
        if lines.contains(where: { $0.balanceCents != nil }) { return runningBalanceBreaks.isEmpty }
        guard opening != nil, closing != nil else { return nil }
        return imbalance == nil
    }

    /// What does not add up, for the operator; nil when balanced or when it cannot tell.
    public var imbalance: BankStatementImbalance? {
        if lines.contains(where: { $0.balanceCents != nil }) {
            let breaks = runningBalanceBreaks
            return breaks.isEmpty ? nil : .runningBalance(breaks)
        }
        guard let opening, let closing else { return nil }
        // Checked: a crafted file must not balance by wrapping around Int64.
        var expected: Int64? = opening.cents
        for line in lines {
            guard let sum = expected else { break }
            let (next, overflow) = sum.addingReportingOverflow(line.cents)
            expected = overflow ? nil : next
        }
        guard let expected else { return .closing(expectedCents: Int64.max, statedCents: closing.cents) }
        return expected == closing.cents ? nil : .closing(expectedCents: expected, statedCents: closing.cents)
    }

    /// The lines whose running balance is not the previous running balance plus their amount.
    private var runningBalanceBreaks: [RunningBalanceBreak] {
        var breaks: [RunningBalanceBreak] = []
        // The balance the next row should show: nil before the first stated balance, or once
        // the sum overflows (checked, so a crafted file cannot wrap around Int64 into a match).
        var expected: Int64?
        var started = false
        for line in lines {
            let next = expected.flatMap { balance -> Int64? in
                let (value, overflow) = balance.addingReportingOverflow(line.cents)
                return overflow ? nil : value
            }
            // A row printed without a balance still moves it.
            guard let balance = line.balanceCents else {
                expected = next
                continue
            }
            if started, next != balance {
                breaks.append(
                    RunningBalanceBreak(
                        ordinal: line.ordinal, sourceLine: line.sourceLine, expectedCents: next ?? Int64.max,
                        statedCents: balance))
            }
            expected = balance
            started = true
        }
        return breaks
    }
}

/// A line whose stated running balance (餘額) does not follow from the line before it.
public struct RunningBalanceBreak: Sendable, Hashable, Codable {
    /// The line's position in its statement.
    public var ordinal: Int
    /// The 1-based line of the file.
    public var sourceLine: Int
    /// The previous balance plus this line's amount.
    public var expectedCents: Int64
    /// The balance the bank printed.
    public var statedCents: Int64

    /// Creates a break.
    public init(ordinal: Int, sourceLine: Int, expectedCents: Int64, statedCents: Int64) {
        self.ordinal = ordinal
        self.sourceLine = sourceLine
        self.expectedCents = expectedCents
        self.statedCents = statedCents
    }
}

/// Why a statement does not add up.
public enum BankStatementImbalance: Sendable, Hashable {
    /// Opening + the lines (`expectedCents`) is not the stated closing balance.
    case closing(expectedCents: Int64, statedCents: Int64)
    /// Running balances that do not follow, in file order.
    case runningBalance([RunningBalanceBreak])

    /// The bilingual text for the operator.
    public var operatorMessage: OperatorMessage {
        switch self {
        case .closing(let expected, let stated):
            let difference = BankAmount.text(stated &- expected)
            return OperatorMessage(
                zh: "期初餘額加各筆交易為 \(BankAmount.text(expected))，銀行列的期末餘額為 \(BankAmount.text(stated))"
                    + "（差 \(difference)）",
                en: "Opening balance plus the lines is \(BankAmount.text(expected)), the bank states"
                    + " \(BankAmount.text(stated)) (off by \(difference))")
        case .runningBalance(let breaks):
            let lines = breaks.map { String($0.sourceLine) }.joined(separator: ", ")
            let first = breaks.first.map { ($0.expectedCents, $0.statedCents) } ?? (0, 0)
            return OperatorMessage(
                zh: "第 \(lines) 行的餘額與前一筆餘額加本筆金額不符（第一處應為 \(BankAmount.text(first.0))，"
                    + "列為 \(BankAmount.text(first.1))）",
                en: "The balance on line \(lines) does not follow from the previous balance and the amount"
                    + " (first: expected \(BankAmount.text(first.0)), stated \(BankAmount.text(first.1)))")
        }
    }
}

/// The kinds of statement file the parsers read.
public enum BankStatementFormat: String, Sendable, Hashable, Codable {
    case mt940, csv

    /// MT940/MT942 when a line (within the first 64 KiB) starts with `:20:` or a SWIFT `{1:` block, else CSV.
    public static func detect(_ bytes: [UInt8]) -> BankStatementFormat {
        let end = min(bytes.count, 65_536)
        let tag20 = Array(":20:".utf8)
        let block1 = Array("{1:".utf8)
        var lineStart = true
        var index = 0
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                lineStart = true
            } else if lineStart {
                // SOH, a BOM's bytes and spaces may come before the first tag.
                if byte == 0x01 || byte == 0xEF || byte == 0xBB || byte == 0xBF || byte == 0x20 {
                    index += 1
                    continue
                }
                if starts(bytes, at: index, with: tag20) || starts(bytes, at: index, with: block1) { return .mt940 }
                lineStart = false
            }
            index += 1
        }
        return .csv
    }

    private static func starts(_ bytes: [UInt8], at index: Int, with prefix: [UInt8]) -> Bool {
        guard index + prefix.count <= bytes.count else { return false }
        for offset in 0..<prefix.count where bytes[index + offset] != prefix[offset] { return false }
        return true
    }
}

/// Why a statement file was refused; each case names the file line where it can.
public enum BankStatementError: OperatorFacingError, Hashable {
    case emptyFile
    /// The file holds no `:20:` at all.
    case noTransactionReference
    /// A tag such as `:61:` came before the first `:20:`.
    case tagBeforeReference(line: Int, tag: String)
    /// A `:61:` that cannot be read; `text` is the line as written.
    case badStatementLine(line: Int, text: String)
    case badAmount(line: Int, text: String)
    case badDate(line: Int, text: String)
    /// A `:60:`/`:62:` with an unknown letter (`:60X:`) or content that is not mark, date, currency, amount.
    case badBalance(line: Int, tag: String, text: String)
    case unknownBank(code: String, known: [String])
    case noHeaderRow
    case missingColumn(BankCSVColumn, headerLine: Int)
    /// A CSV row with neither a withdrawal (支出) nor a deposit (存入).
    case noAmount(line: Int)
    /// A CSV row with both a withdrawal and a deposit.
    case bothAmounts(line: Int)
    /// A CSV with a header row but no transactions under it.
    case noRows

    /// The bilingual text for the operator.
    public var operatorMessage: OperatorMessage {
        switch self {
        case .emptyFile:
            OperatorMessage(zh: "對帳單檔案是空的", en: "The statement file is empty")
        case .noTransactionReference:
            OperatorMessage(
                zh: "不是 MT940 對帳單：找不到 :20: 標籤", en: "Not an MT940 statement: no :20: tag found")
        case .tagBeforeReference(let line, let tag):
            Self.message(
                line, zh: ":\(tag): 出現在第一個 :20: 之前", en: ":\(tag): comes before the first :20:")
        case .badStatementLine(let line, let text):
            Self.message(
                line, zh: "無法解讀交易明細 :61:「\(text)」", en: "cannot read the :61: statement line \"\(text)\"")
        case .badAmount(let line, let text):
            Self.message(line, zh: "金額「\(text)」格式錯誤", en: "bad amount \"\(text)\"")
        case .badDate(let line, let text):
            Self.message(line, zh: "日期「\(text)」無效", en: "bad date \"\(text)\"")
        case .badBalance(let line, let tag, let text):
            Self.message(
                line, zh: "餘額 :\(tag):「\(text)」格式錯誤（應為 C/D、YYMMDD、幣別、金額）",
                en: "bad balance :\(tag): \"\(text)\" (expected C/D, YYMMDD, currency, amount)")
        case .unknownBank(let code, let known):
            OperatorMessage(
                zh: "不支援銀行代號「\(code)」的對帳單格式；可用：\(known.joined(separator: "、"))",
                en: "No statement layout for bank code \"\(code)\"; known: \(known.joined(separator: ", "))")
        case .noHeaderRow:
            OperatorMessage(
                zh: "找不到標題列（需有交易日期、支出、存入等欄位名稱）",
                en: "No header row found (with column names such as transaction date, withdrawal, deposit)")
        case .missingColumn(let column, let line):
            Self.message(
                line, zh: "標題列缺少「\(column.chinese)」欄", en: "the header row has no \(column.english) column")
        case .noAmount(let line):
            Self.message(line, zh: "支出與存入金額都是空的", en: "neither a withdrawal nor a deposit amount")
        case .bothAmounts(let line):
            Self.message(line, zh: "同時有支出與存入金額", en: "both a withdrawal and a deposit amount")
        case .noRows:
            OperatorMessage(zh: "對帳單中沒有任何交易明細", en: "The statement holds no transactions")
        }
    }

    /// Prefixes the place: 「第 3 行：」 / "line 3: ".
    private static func message(_ line: Int, zh: String, en: String) -> OperatorMessage {
        OperatorMessage(zh: "第 \(line) 行：\(zh)", en: "line \(line): \(en)")
    }
}

/// Byte-level helpers the statement parsers share.
enum BankAmount {
    /// The magnitude in hundredths of `digits` with one optional decimal separator (`,` in MT940, `.` in CSV)
    /// and at most two significant decimals: `1250000,` → 125000000, `620,3` → 62030, `0,` → 0.
    /// Nil for anything else, or beyond 15 digits.
    static func cents<C: Collection>(_ bytes: C, decimal: UInt8) -> Int64? where C.Element == UInt8 {
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var digits = 0
        var seenSeparator = false
        for byte in bytes {
            if byte == decimal {
                guard !seenSeparator else { return nil }
                seenSeparator = true
            } else if byte >= 0x30 && byte <= 0x39 {
                let value = Int64(byte - 0x30)
                digits += 1
                guard digits <= 15 else { return nil }
                if seenSeparator {
                    fractionDigits += 1
                    if fractionDigits <= 2 {
                        fraction = fraction * 10 + value
                    } else if value != 0 {
                        return nil  // A third decimal cannot be held in hundredths exactly.
                    }
                } else {
                    whole = whole * 10 + value
                }
            } else {
                return nil
            }
        }
        guard digits > 0 else { return nil }
        if fractionDigits == 1 { fraction *= 10 }
        return whole * 100 + fraction
    }

    /// Hundredths as text: `1,289,650`, `-620.30`.
    static func text(_ cents: Int64) -> String {
        let magnitude = cents.magnitude
        let whole = Money(Int64(magnitude / 100)).grouped
        let fraction = magnitude % 100
        let sign = cents < 0 ? "-" : ""
        return sign + whole + (fraction == 0 ? "" : "." + (fraction < 10 ? "0" : "") + String(fraction))
    }

    /// Text from bytes: UTF-8 when valid, else ISO-8859-1 (every byte is a character).
    static func latin1OrUTF8<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }

    /// `bytes` without leading and trailing spaces and tabs.
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
        while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
        return slice
    }
}
