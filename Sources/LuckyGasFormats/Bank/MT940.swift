import Foundation
import LuckyGasCore

/// Reader of SWIFT MT940 customer statements and MT942 interim reports (notes §3).
///
/// Framing accepted: bare tags, SWIFT FIN blocks `{1:…}{2:…}{4:` … `-}`, bank header lines before `:20:`
/// (ABN AMRO, ING), SOH/ETX bytes (mBank), `-` / `-XXX` terminators, a UTF-8 BOM, CRLF or CR line ends,
/// blank lines anywhere. Text is UTF-8 where a line is valid UTF-8 and ISO-8859-1 otherwise.
public enum MT940 {
    /// Parses every statement of the file, one per `:20:`, in file order.
    ///
    /// Balances are `:60F:`/`:60M:` and `:62F:`/`:62M:` (`:64:`, `:65:`, `:NS:` and the MT942 extras are
    /// skipped; an MT942 takes its currency from `:34F:`). A `:86:` directly after a `:61:` (or after another
    /// `:86:` of that line) is the line's details; one elsewhere goes to `BankStatement.information`.
    public static func parse(_ bytes: [UInt8]) throws(BankStatementError) -> [BankStatement] {
        var reader = Reader()
        var lineNumber = 0
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var sawContent = false
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            lineNumber += 1
            let line = cleaned(bytes[start..<end])
            if !line.isEmpty { sawContent = true }
            try reader.read(line, number: lineNumber)
            // CRLF is one line end; a lone CR (old Mac files) is one too.
            if end < bytes.count, bytes[end] == 0x0D, end + 1 < bytes.count, bytes[end + 1] == 0x0A { end += 1 }
            start = end + 1
        }
        guard sawContent else { throw .emptyFile }
        try reader.finish()
        guard !reader.statements.isEmpty else { throw .noTransactionReference }
        return reader.statements
    }

    /// The line without control bytes (SOH 0x01, ETX 0x03, a stray NUL…); tabs are kept.
    private static func cleaned(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard line.contains(where: { $0 < 0x20 && $0 != 0x09 }) else { return line }
        return ArraySlice(line.filter { $0 >= 0x20 || $0 == 0x09 })
    }

    // MARK: Reader

    /// A tag and its text, gathered until the next tag or terminator.
    private struct Field {
        var tag: String
        var line: Int
        var first: ArraySlice<UInt8>
        var more: [ArraySlice<UInt8>] = []
    }

    /// A statement being read.
    private struct Draft {
        var reference: String
        var account = ""
        var sequence: String?
        var currency: String?
        var opening: BankBalance?
        var closing: BankBalance?
        var lines: [BankStatementLine] = []
        var information: String?
        /// The `:61:` a following `:86:` belongs to; any tag but `:86:` and `:NS:` clears it.
        var detailsTarget: Int?

        init(reference: String) { self.reference = reference }

        var statement: BankStatement {
            BankStatement(
                format: "MT940", account: account, reference: reference, sequence: sequence,
                currency: currency ?? opening?.currency ?? closing?.currency ?? "", opening: opening,
                closing: closing, lines: lines, information: information)
        }
    }

    private struct Reader {
        var statements: [BankStatement] = []
        private var draft: Draft?
        private var field: Field?

        mutating func read(_ rawLine: ArraySlice<UInt8>, number: Int) throws(BankStatementError) {
            var line = rawLine
            if line.first == 0x7B {  // `{`: SWIFT block headers; text after `{4:` is read as a line.
                guard let body = MT940.range(of: Array("{4:".utf8), in: line) else {
                    try finishField()
                    return
                }
                try finishField()
                line = line[body.upperBound...]
                if line.isEmpty { return }
            }
            if let (tag, content) = MT940.tag(of: line) {
                try finishField()
                field = Field(tag: tag, line: number, first: content)
            } else if MT940.isTerminator(line) {
                try finish()
            } else if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                return  // Blank lines occur inside statements (ABN AMRO) and never end a field.
            } else if field != nil {
                field?.more.append(line)
            }
            // Anything else is a bank header line outside a statement (`ABNANL2A`, `940`, `0000 01INGB…`).
        }

        mutating func finish() throws(BankStatementError) {
            try finishField()
            if let draft { statements.append(draft.statement) }
            draft = nil
        }

        private mutating func finishField() throws(BankStatementError) {
            guard let field else { return }
            self.field = nil
            if field.tag == "20" {
                if let draft { statements.append(draft.statement) }
                draft = Draft(reference: MT940.text(field.first))
                return
            }
            guard var current = draft else {
                throw .tagBeforeReference(line: field.line, tag: field.tag)
            }
            // Moved out and back so that appending to its lines never copies them.
            draft = nil
            defer { draft = current }
            // Only :86: (and the bank's own :NS: text) may sit between a :61: and its details.
            if field.tag != "86" && field.tag != "NS" { current.detailsTarget = nil }
            switch field.tag {
            case "25":
                current.account = MT940.text(field.first)
            case "28", "28C":
                current.sequence = MT940.text(field.first)
            case "60", "60F", "60M":
                current.opening = try MT940.balance(field)
            case "62", "62F", "62M":
                current.closing = try MT940.balance(field)
            case "64", "65":
                _ = try MT940.balance(field)
            case "34F":
                let text = MT940.text(field.first)
                if current.currency == nil, text.utf8.count >= 3 { current.currency = String(text.prefix(3)) }
            case "61":
                current.lines.append(try MT940.statementLine(field, ordinal: current.lines.count + 1))
                current.detailsTarget = current.lines.count - 1
            case "86":
                let details = MT940.joined(field)
                if let target = current.detailsTarget {
                    var line = current.lines[target]
                    // A second :86: for the same line (legacy Rabobank) goes on a new line of the text.
                    line.details = line.details.isEmpty ? details : line.details + "\n" + details
                    MT940.readStructured(line.details, into: &line)
                    current.lines[target] = line
                } else {
                    current.information = current.information.map { $0 + "\n" + details } ?? details
                }
            case let tag where tag.hasPrefix("60") || tag.hasPrefix("62"):
                throw .badBalance(line: field.line, tag: tag, text: MT940.text(field.first))
            default:
                break  // :21:, :13D:, :90D:, :90C:, :NS: and other free text.
            }
        }
    }

    // MARK: Lines and tags

    /// `:20:`, `:28C:`, `:NS:`: a colon, two digits or `NS`, an optional letter, a colon.
    private static func tag(of line: ArraySlice<UInt8>) -> (String, ArraySlice<UInt8>)? {
        let base = line.startIndex
        guard line.count >= 4, line[base] == 0x3A else { return nil }
        let first = line[base + 1]
        let second = line[base + 2]
        let isDigits = isDigit(first) && isDigit(second)
        guard isDigits || (first == 0x4E && second == 0x53) else { return nil }
        var end = base + 3
        if end < line.endIndex, isUpper(line[end]) { end += 1 }
        guard end < line.endIndex, line[end] == 0x3A else { return nil }
        return (String(decoding: line[(base + 1)..<end], as: UTF8.self), line[(end + 1)...])
    }

    /// `-`, `-}` (end of a FIN text block) or `-XXX`.
    private static func isTerminator(_ line: ArraySlice<UInt8>) -> Bool {
        let trimmed = BankAmount.trimmed(line)
        guard trimmed.first == 0x2D else { return false }
        let rest = trimmed.dropFirst()
        if rest.first == 0x7D { return true }
        return rest.count <= 3 && rest.allSatisfy(isUpper)
    }

    /// One `:61:`: `YYMMDD[MMDD]` `[R]C|D` `[funds code]` amount `[type]` customer ref `[//bank ref]` and the
    /// supplementary line.
    private static func statementLine(_ field: Field, ordinal: Int) throws(BankStatementError) -> BankStatementLine {
        var bytes = Array(field.first)
        var more = field.more
        let raw = text(field.first)
        let bad = BankStatementError.badStatementLine(line: field.line, text: raw)
        var index = 0
        func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<count {
                let byte = bytes[index + offset]
                guard isDigit(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let valueDigits = digits(6) else { throw bad }
        let valueDate = try date(valueDigits, line: field.line, text: raw)
        index += 6
        var entryDate: LocalDate?
        if let entry = digits(4) {
            entryDate = inferredEntryDate(month: entry / 100, day: entry % 100, valueDate: valueDate)
            if entryDate == nil { throw .badDate(line: field.line, text: raw) }
            index += 4
        } else {
            while index < bytes.count, bytes[index] == 0x20 { index += 1 }  // An entry date of spaces.
        }
        // Mark: C, D, RC, RD in either case. `DR800,` is D with funds code R, not a reversal.
        guard index < bytes.count else { throw bad }
        var mark = ""
        let first = upper(bytes[index])
        if first == 0x52, index + 1 < bytes.count, [0x43, 0x44].contains(upper(bytes[index + 1])) {
            mark = "R" + String(UnicodeScalar(upper(bytes[index + 1])))
            index += 2
        } else if first == 0x43 || first == 0x44 {
            mark = String(UnicodeScalar(first))
            index += 1
        } else {
            throw bad
        }
        if index < bytes.count, isLetter(bytes[index]) { index += 1 }  // Funds code (3rd letter of the currency).
        if index < bytes.count, bytes[index] == 0x20 { index += 1 }
        if index == bytes.count, !more.isEmpty {
            // Some Sparkassen break the line after the mark.
            bytes += more.removeFirst()
        }
        let amountStart = index
        while index < bytes.count, isDigit(bytes[index]) || bytes[index] == 0x2C || bytes[index] == 0x2E { index += 1 }
        guard index > amountStart else { throw bad }
        guard let magnitude = BankAmount.cents(bytes[amountStart..<index].map { $0 == 0x2E ? 0x2C : $0 }, decimal: 0x2C)
        else {
            throw .badAmount(line: field.line, text: text(bytes[amountStart..<index]))
        }
        var typeCode = ""
        if index + 4 <= bytes.count, isLetter(bytes[index]),
            bytes[(index + 1)..<(index + 4)].allSatisfy({ isLetter($0) || isDigit($0) || $0 == 0x20 })
        {
            typeCode = text(bytes[index..<(index + 4)], trim: false)
            index += 4
        }
        let rest = bytes[index...]
        var customerReference = text(rest)
        var bankReference: String?
        if let slashes = range(of: [0x2F, 0x2F], in: rest) {
            customerReference = text(rest[..<slashes.lowerBound])
            let bank = text(rest[slashes.upperBound...])
            bankReference = bank.isEmpty ? nil : bank
        }
        let supplementary = text(more.reduce(into: [UInt8]()) { $0 += $1 }[...])
        let negative = mark == "D" || mark == "RC"
        return BankStatementLine(
            ordinal: ordinal, sourceLine: field.line, valueDate: valueDate, entryDate: entryDate, mark: mark,
            cents: negative ? -magnitude : magnitude, typeCode: typeCode, customerReference: customerReference,
            bankReference: bankReference, supplementary: supplementary.isEmpty ? nil : supplementary)
    }

    /// `C240130TWD1250000,`: mark, YYMMDD, currency, amount (`D` balances come out negative).
    private static func balance(_ field: Field) throws(BankStatementError) -> BankBalance {
        let bytes = Array(BankAmount.trimmed(field.first))
        let raw = text(field.first)
        let bad = BankStatementError.badBalance(line: field.line, tag: field.tag, text: raw)
        guard bytes.count >= 11 else { throw bad }
        let mark = upper(bytes[0])
        guard mark == 0x43 || mark == 0x44, bytes[1..<7].allSatisfy(isDigit),
            bytes[7..<10].allSatisfy(isLetter)
        else { throw bad }
        let yymmdd = bytes[1..<7].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        let date = try date(yymmdd, line: field.line, text: raw)
        guard let magnitude = BankAmount.cents(bytes[10...], decimal: 0x2C) else {
            throw .badAmount(line: field.line, text: text(bytes[10...]))
        }
        return BankBalance(
            mark: mark == 0x43 ? "C" : "D", date: date, cents: mark == 0x44 ? -magnitude : magnitude,
            currency: text(bytes[7..<10]).uppercased())
    }

    /// A SWIFT YYMMDD date; years 80–99 are 19xx, the rest 20xx.
    private static func date(_ yymmdd: Int, line: Int, text: String) throws(BankStatementError) -> LocalDate {
        let yy = yymmdd / 10_000
        do {
            return try LocalDate(year: (yy >= 80 ? 1900 : 2000) + yy, month: yymmdd / 100 % 100, day: yymmdd % 100)
        } catch {
            throw .badDate(line: line, text: text)
        }
    }

    /// The entry date's year: the one of the value date's year and its neighbours that lands nearest the
    /// value date, so value 231231 with entry 0102 is 2024-01-02 (notes §3.1). Nil when MMDD is no date.
    static func inferredEntryDate(month: Int, day: Int, valueDate: LocalDate) -> LocalDate? {
        var best: LocalDate?
        for year in [valueDate.year, valueDate.year + 1, valueDate.year - 1] {
            guard let candidate = try? LocalDate(year: year, month: month, day: day) else { continue }
            if let current = best, abs(current.days(until: valueDate)) <= abs(candidate.days(until: valueDate)) {
                continue
            }
            best = candidate
        }
        return best
    }

    // MARK: :86:

    /// The `:86:` text: its lines joined with nothing between them, as banks wrap at 65 characters
    /// regardless of words (`CONTRA ACCOUN` + `T HOLDER`); then trimmed.
    private static func joined(_ field: Field) -> String {
        var bytes = Array(field.first)
        for line in field.more { bytes += line }
        return text(bytes[...])
    }

    /// Fills `virtualAccount` (`/VA/`), `payerName` (`/NAME/`) and `payerAccount` (`/ACCT/`) from structured
    /// `:86:` text. A field ends at the next `/CODE/` (2–5 capitals), so a name may hold a slash (`A/S`).
    private static func readStructured(_ details: String, into line: inout BankStatementLine) {
        let bytes = Array(details.utf8)
        if let account = field("VA", in: bytes) {
            let digits = account.filter { $0 != " " && $0 != "-" }
            if !digits.isEmpty, digits.utf8.allSatisfy(isDigit) { line.virtualAccount = digits }
        }
        if let name = field("NAME", in: bytes), !name.isEmpty { line.payerName = name }
        if let account = field("ACCT", in: bytes), !account.isEmpty { line.payerAccount = account }
    }

    /// The text after `/code/` up to the next `/CODE/` or the end, trimmed.
    private static func field(_ code: String, in bytes: [UInt8]) -> String? {
        let key = [0x2F] + Array(code.utf8) + [0x2F]
        guard let found = range(of: key, in: bytes[...]) else { return nil }
        var end = found.upperBound
        while end < bytes.count {
            if bytes[end] == 0x2F, isCode(bytes, at: end) { break }
            end += 1
        }
        return String(decoding: BankAmount.trimmed(bytes[found.upperBound..<end]), as: UTF8.self)
    }

    /// Whether `/` at `index` opens a `/CODE/` key.
    private static func isCode(_ bytes: [UInt8], at index: Int) -> Bool {
        var end = index + 1
        while end < bytes.count, isUpper(bytes[end]), end - index <= 5 { end += 1 }
        return end < bytes.count && bytes[end] == 0x2F && (3...6).contains(end - index)
    }

    // MARK: Bytes

    private static func range(of needle: [UInt8], in bytes: ArraySlice<UInt8>) -> Range<Int>? {
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        var start = bytes.startIndex
        let last = bytes.endIndex - needle.count
        while start <= last {
            if bytes[start] == needle[0] {
                var matched = true
                for offset in 1..<needle.count where bytes[start + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return start..<(start + needle.count) }
            }
            start += 1
        }
        return nil
    }

    private static func text(_ bytes: ArraySlice<UInt8>, trim: Bool = true) -> String {
        BankAmount.latin1OrUTF8(trim ? BankAmount.trimmed(bytes) : bytes)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    private static func isLetter(_ byte: UInt8) -> Bool { isUpper(byte) || (byte >= 0x61 && byte <= 0x7A) }
    private static func upper(_ byte: UInt8) -> UInt8 { byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte }
}
