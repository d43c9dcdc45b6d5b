import Foundation
import LuckyGasCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A range of e-invoice numbers allocated to a business for one period (配號).
public struct TrackAllocation: Sendable, Hashable, Codable {
    /// The UBN the numbers belong to.
    public var sellerUBN: String
    /// The invoice type: `07` (general tax) or `08` (special tax).
    public var invoiceType: String
    /// The period as ROC year + even end month, such as `11512` for 115年11-12月.
    public var period: String
    /// The two-letter track (字軌), such as `AB`.
    public var track: String
    /// The first number of the range (8 digits, ends in 00 or 50).
    public var begin: Int
    /// The last number of the range (8 digits, ends in 49 or 99).
    public var end: Int

    /// Creates an allocation; `TrackAllocationImport` is what validates one.
    public init(sellerUBN: String, invoiceType: String, period: String, track: String, begin: Int, end: Int) {
        self.sellerUBN = sellerUBN
        self.invoiceType = invoiceType
        self.period = period
        self.track = track
        self.begin = begin
        self.end = end
    }

    /// Booklets (本) of 50 numbers in the range.
    public var booklets: Int { (end - begin + 1) / 50 }
}

/// Why an allocation file was refused; each case says where (CSV line or XML element).
public enum TrackImportError: OperatorFacingError, Hashable {
    /// Where in the file a problem was found.
    public enum Location: Sendable, Hashable {
        /// A 1-based line of the CSV file.
        case line(Int)
        /// The 1-based `InvoiceAssignNo` element of an E0501 file.
        case element(Int)
    }

    /// Which end of a range.
    public enum NumberField: String, Sendable, Hashable {
        case begin, end
    }

    case noAllocations
    /// `code` is the parser's error number (NSXMLParserError, the libxml2 code: 5 early end, 76 mismatched tag).
    case malformedXML(line: Int, code: Int)
    case unexpectedRoot(String)
    case missingColumns(line: Int, found: Int)
    case missingElement(Location, name: String)
    case invalidUBN(Location, String)
    case invalidInvoiceType(Location, String)
    case invalidPeriod(Location, String)
    case invalidTrack(Location, String)
    case invalidNumber(Location, NumberField, String)
    case beginSuffix(Location, String)
    case endSuffix(Location, String)
    case endBeforeBegin(Location, begin: String, end: String)
    case invalidBooklet(Location, String)
    case bookletMismatch(Location, stated: Int, computed: Int)

    /// The bilingual text for the operator.
    public var operatorMessage: OperatorMessage {
        switch self {
        case .noAllocations:
            OperatorMessage(zh: "檔案中沒有任何配號資料", en: "The file holds no number allocation")
        case .malformedXML(let line, let code):
            OperatorMessage(
                zh: "配號檔第 \(line) 行 XML 格式錯誤（錯誤碼 \(code)）",
                en: "Allocation file: malformed XML at line \(line) (error \(code))")
        case .unexpectedRoot(let root):
            OperatorMessage(
                zh: "不是 E0501 配號檔（根元素為「\(root)」）",
                en: "Not an E0501 allocation (root element \"\(root)\")")
        case .missingColumns(let line, let found):
            OperatorMessage(
                zh: "第 \(line) 行：只有 \(found) 欄，至少需要 7 欄",
                en: "line \(line): \(found) columns, at least 7 needed")
        case .missingElement(let location, let name):
            Self.message(location, zh: "缺少 \(name)", en: "missing \(name)")
        case .invalidUBN(let location, let value):
            Self.message(location, zh: "統一編號「\(value)」須為 8 位數字", en: "UBN \"\(value)\" must be 8 digits")
        case .invalidInvoiceType(let location, let value):
            Self.message(
                location, zh: "發票類別「\(value)」須為 07 或 08", en: "invoice type \"\(value)\" must be 07 or 08")
        case .invalidPeriod(let location, let value):
            Self.message(
                location, zh: "期別「\(value)」須為民國年 3 碼加單雙月，例如 115/11 ~ 115/12 或 11512",
                en: "period \"\(value)\" must be a 3-digit ROC year and two months, e.g. 115/11 ~ 115/12 or 11512")
        case .invalidTrack(let location, let value):
            Self.message(
                location, zh: "字軌「\(value)」須為 2 個大寫英文字母", en: "track \"\(value)\" must be 2 capital letters")
        case .invalidNumber(let location, let field, let value):
            Self.message(
                location, zh: "\(field == .begin ? "起號" : "迄號")「\(value)」須為 8 位數字",
                en: "\(field.rawValue) number \"\(value)\" must be 8 digits")
        case .beginSuffix(let location, let value):
            Self.message(
                location, zh: "起號 \(value) 須為 00 或 50 結尾", en: "begin number \(value) must end in 00 or 50")
        case .endSuffix(let location, let value):
            Self.message(location, zh: "迄號 \(value) 須為 49 或 99 結尾", en: "end number \(value) must end in 49 or 99")
        case .endBeforeBegin(let location, let begin, let end):
            Self.message(
                location, zh: "迄號 \(end) 小於起號 \(begin)", en: "end number \(end) is before begin number \(begin)")
        case .invalidBooklet(let location, let value):
            Self.message(location, zh: "本數「\(value)」不是數字", en: "booklet count \"\(value)\" is not a number")
        case .bookletMismatch(let location, let stated, let computed):
            Self.message(
                location, zh: "本數 \(stated) 與起迄號算出的 \(computed) 本不符",
                en: "booklet count \(stated) disagrees with the range, which holds \(computed)")
        }
    }

    /// Prefixes the place: 「第 3 行：」 / "line 3: ", 「第 2 筆配號：」 / "allocation 2: ".
    private static func message(_ location: Location, zh: String, en: String) -> OperatorMessage {
        switch location {
        case .line(let line):
            OperatorMessage(zh: "第 \(line) 行：\(zh)", en: "line \(line): \(en)")
        case .element(let index):
            OperatorMessage(zh: "第 \(index) 筆配號（InvoiceAssignNo）：\(zh)", en: "InvoiceAssignNo \(index): \(en)")
        }
    }
}

/// Reader of the e-invoice number allocation: the platform's CSV download or an E0501 message (notes §2).
public enum TrackAllocationImport {
    /// Parses the file: XML when its first non-space byte is `<`, CSV otherwise; every row is validated.
    ///
    /// CSV: columns 0 UBN, 1 type, 3 period (`115/11 ~ 115/12`, `11511~11512`, …), 4 track, 5 begin, 6 end
    /// (the layout ho600 reads); a header row, blank lines, a UTF-8 BOM and Big5 or UTF-8 text are all accepted.
    /// XML: one or more `InvoiceAssignNo` inside an `InvoiceEnvelope`, or a bare `InvoiceAssignNo`.
    public static func parse(_ data: Data) throws(TrackImportError) -> [TrackAllocation] {
        let bytes = [UInt8](data)
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let firstVisible = bytes[start...].first { !(0x09...0x0D).contains($0) && $0 != 0x20 }
        let allocations: [TrackAllocation]
        if firstVisible == 0x3C, let open = bytes.firstIndex(of: 0x3C) {
            // libxml2 refuses anything before `<?xml`, so stray leading spaces are cut off.
            allocations = try parseXML(Data(bytes[open...]))
        } else {
            allocations = try parseCSV(bytes[start...])
        }
        guard !allocations.isEmpty else { throw .noAllocations }
        return allocations
    }

    // MARK: CSV

    private static func parseCSV(_ bytes: ArraySlice<UInt8>) throws(TrackImportError) -> [TrackAllocation] {
        var allocations: [TrackAllocation] = []
        var seenRow = false
        for (index, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            let fields = splitCSV(line)
            if fields.allSatisfy(\.isEmpty) { continue }
            let isFirstRow = !seenRow
            seenRow = true
            // The platform's header names its columns in Chinese; a data row starts with the UBN, so a first
            // row whose first field has no digit at all is the header (a mistyped UBN still reaches the checks).
            if isFirstRow, !fields[0].utf8.contains(where: { (0x30...0x39).contains($0) }) { continue }
            guard fields.count >= 7 else { throw .missingColumns(line: lineNumber, found: fields.count) }
            allocations.append(
                try allocation(
                    at: .line(lineNumber), ubn: fields[0], type: fields[1], period: fields[3], track: fields[4],
                    begin: fields[5], end: fields[6], booklet: nil, readPeriod: csvPeriod))
        }
        return allocations
    }

    /// Splits one CSV line into trimmed fields without their quotes, including Excel's `="…"` form.
    ///
    /// The split works on bytes, before any decoding: neither Big5 nor UTF-8 uses `,` or `"` inside a character,
    /// so a file in either encoding, or a damaged one, splits the same way.
    private static func splitCSV(_ line: ArraySlice<UInt8>) -> [String] {
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        for byte in line where byte != 0x0D {
            if quoted {
                if byte == 0x22 { quoted = false } else { field.append(byte) }
            } else if byte == 0x22 {
                quoted = true
                if field.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x3D }) { field = [] }
            } else if byte == 0x2C {
                fields.append(decode(field))
                field = []
            } else {
                field.append(byte)
            }
        }
        fields.append(decode(field))
        return fields
    }

    /// One field's text: UTF-8, else Big5, else byte by byte (the fields read are ASCII in every case).
    private static func decode(_ bytes: [UInt8]) -> String {
        let text: String
        if let utf8 = String(validating: bytes, as: UTF8.self) {
            text = utf8
        } else if let big5 = String(data: Data(bytes), encoding: String.Encoding(rawValue: 0x8000_0A03)) {
            text = big5
        } else {
            text = String(String.UnicodeScalarView(bytes.map { $0 < 0x80 ? Unicode.Scalar($0) : "\u{FFFD}" }))
        }
        return text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\u{FEFF}", with: "")
    }

    /// The period of a CSV row: `115/11 ~ 115/12`, `11511~11512`, `115/11～115/12` or a bare `11512`.
    ///
    /// The two months must be the odd and the following even month of the same year.
    private static func csvPeriod(_ raw: String) -> String? {
        let compact = raw.filter { !$0.isWhitespace }.replacingOccurrences(of: "～", with: "~")
        let parts = compact.split(separator: "~", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 1 {
            return isPeriod(parts[0]) ? parts[0] : nil
        }
        guard parts.count == 2, let first = yearMonth(parts[0]), let second = yearMonth(parts[1]) else { return nil }
        guard first.year == second.year, first.month % 2 == 1, second.month == first.month + 1 else { return nil }
        let period = first.year + (second.month < 10 ? "0" : "") + String(second.month)
        return isPeriod(period) ? period : nil
    }

    /// `115/11`, `115/1` or `11511` as a 3-digit year and a month 1–12.
    private static func yearMonth(_ text: String) -> (year: String, month: Int)? {
        let year: String
        let month: String
        if let slash = text.firstIndex(of: "/") {
            year = String(text[..<slash])
            month = String(text[text.index(after: slash)...])
        } else {
            guard text.count == 5 else { return nil }
            year = String(text.prefix(3))
            month = String(text.suffix(2))
        }
        guard isDigits(year, count: 3), (1...2).contains(month.count), isDigits(month, count: month.count),
            let value = Int(month), (1...12).contains(value)
        else { return nil }
        return (year, value)
    }

    // MARK: E0501 XML

    private static func parseXML(_ data: Data) throws(TrackImportError) -> [TrackAllocation] {
        let parser = XMLParser(data: data)
        let reader = AssignNoReader()
        parser.delegate = reader
        let finished = parser.parse()
        if let root = reader.unexpectedRoot { throw .unexpectedRoot(root) }
        // On Linux parse() can return true after a fatal error (a missing end tag), so the reported error counts.
        if let error = reader.parseError ?? parser.parserError.map({ (parser.lineNumber, ($0 as NSError).code) }) {
            throw .malformedXML(line: error.line, code: error.code)
        }
        guard finished else { throw .malformedXML(line: parser.lineNumber, code: 4) }
        var allocations: [TrackAllocation] = []
        for (index, fields) in reader.elements.enumerated() {
            let location = TrackImportError.Location.element(index + 1)
            func field(_ name: String) throws(TrackImportError) -> String {
                guard let value = fields[name] else { throw .missingElement(location, name: name) }
                return value
            }
            allocations.append(
                try allocation(
                    at: location, ubn: field("Ban"), type: field("InvoiceType"), period: field("YearMonth"),
                    track: field("InvoiceTrack"), begin: field("InvoiceBeginNo"), end: field("InvoiceEndNo"),
                    booklet: fields["InvoiceBooklet"], readPeriod: { isPeriod($0) ? $0 : nil }))
        }
        return allocations
    }

    // MARK: Rules shared by both sources

    /// Checks one row against the allocation rules (notes §2) and builds it.
    ///
    /// `readPeriod` turns the source's period text into `yyyMM`, or nil when it is not a valid period.
    private static func allocation(
        at location: TrackImportError.Location, ubn: String, type: String, period rawPeriod: String, track: String,
        begin: String, end: String, booklet: String?, readPeriod: (String) -> String?
    ) throws(TrackImportError) -> TrackAllocation {
        guard isDigits(ubn, count: 8) else { throw .invalidUBN(location, ubn) }
        guard type == "07" || type == "08" else { throw .invalidInvoiceType(location, type) }
        guard let period = readPeriod(rawPeriod) else { throw .invalidPeriod(location, rawPeriod) }
        guard track.utf8.count == 2, track.utf8.allSatisfy({ (0x41...0x5A).contains($0) }) else {
            throw .invalidTrack(location, track)
        }
        guard isDigits(begin, count: 8), let first = Int(begin) else { throw .invalidNumber(location, .begin, begin) }
        guard isDigits(end, count: 8), let last = Int(end) else { throw .invalidNumber(location, .end, end) }
        // A range is whole booklets of 50: it starts at …00 or …50 and ends at …49 or …99.
        guard first % 50 == 0 else { throw .beginSuffix(location, begin) }
        guard last % 50 == 49 else { throw .endSuffix(location, end) }
        guard last >= first else { throw .endBeforeBegin(location, begin: begin, end: end) }
        let result = TrackAllocation(
            sellerUBN: ubn, invoiceType: type, period: period, track: track, begin: first, end: last)
        if let booklet {
            guard !booklet.isEmpty, booklet.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let stated = Int(booklet)
            else { throw .invalidBooklet(location, booklet) }
            guard stated == result.booklets else {
                throw .bookletMismatch(location, stated: stated, computed: result.booklets)
            }
        }
        return result
    }

    /// `\d{3}` + an even month 02–12: the XSD's YearMonth pattern.
    private static func isPeriod(_ text: String) -> Bool {
        guard isDigits(text, count: 5), let month = Int(text.suffix(2)) else { return false }
        return month >= 2 && month <= 12 && month % 2 == 0
    }

    private static func isDigits(_ text: String, count: Int) -> Bool {
        text.utf8.count == count && text.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }
}

/// Collects the direct children of every `InvoiceAssignNo`, by local name, in document order.
private final class AssignNoReader: NSObject, XMLParserDelegate {
    var elements: [[String: String]] = []
    var unexpectedRoot: String?
    var parseError: (line: Int, code: Int)?

    private var depth = 0
    private var assignDepth: Int?
    private var current: [String: String] = [:]
    private var text = ""

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        let name = Self.localName(elementName)
        depth += 1
        if depth == 1, name != "InvoiceEnvelope", name != "InvoiceAssignNo" {
            unexpectedRoot = name
            parser.abortParsing()
            return
        }
        if name == "InvoiceAssignNo", assignDepth == nil {
            assignDepth = depth
            current = [:]
        }
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if self.parseError == nil { self.parseError = (parser.lineNumber, (parseError as NSError).code) }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        defer { depth -= 1 }
        guard let assignDepth else { return }
        if depth == assignDepth {
            elements.append(current)
            self.assignDepth = nil
        } else if depth == assignDepth + 1 {
            current[Self.localName(elementName)] = text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        text = ""
    }

    /// The element name without a namespace prefix or stray spaces (the 3.2 XSD has `" InvoiceBeginNo"`).
    private static func localName(_ name: String) -> String {
        let local = name.split(separator: ":").last.map(String.init) ?? name
        return local.trimmingCharacters(in: .whitespaces)
    }
}
