import Foundation
import LuckyGasCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The platform's verdict on one uploaded message, as listed in a Turnkey SummaryResult.
public struct TurnkeyResult: Sendable, Hashable, Codable {
    /// The MIG message, such as `F0401` or `G0401`.
    public var messageType: String
    /// `ReferenceNumber`: the invoice (or allowance) number.
    public var reference: String
    /// `InvoiceDate` as written, normally `yyyyMMdd`.
    public var invoiceDate: String
    /// True when listed under `Good`, false under `Failed`.
    public var accepted: Bool
    /// `Info/Id` of the summary message it came from (`…-MIG-yyyyMMdd-time-UUID`).
    public var reportID: String

    /// Creates a result.
    public init(messageType: String, reference: String, invoiceDate: String, accepted: Bool, reportID: String) {
        self.messageType = messageType
        self.reference = reference
        self.invoiceDate = invoiceDate
        self.accepted = accepted
        self.reportID = reportID
    }
}

/// Why a Turnkey SummaryResult file could not be read.
public enum TurnkeyResultError: OperatorFacingError, Hashable {
    /// `code` is the parser's error number (NSXMLParserError, the libxml2 code: 5 early end, 76 mismatched tag).
    case malformedXML(line: Int, code: Int)
    case notSummaryResult(root: String)
    /// An `Invoice` without `ReferenceNumber`; `message` is the 1-based `Message` element.
    case incompleteInvoice(message: Int)
    /// A `Message` whose type is neither in `Info/MessageType` nor in `Info/Id`.
    case missingMessageType(message: Int)

    /// The bilingual text for the operator.
    public var operatorMessage: OperatorMessage {
        switch self {
        case .malformedXML(let line, let code):
            OperatorMessage(
                zh: "Turnkey 彙總結果檔第 \(line) 行 XML 格式錯誤（錯誤碼 \(code)）",
                en: "Turnkey summary result: malformed XML at line \(line) (error \(code))")
        case .notSummaryResult(let root):
            OperatorMessage(
                zh: "不是 Turnkey 彙總結果檔（根元素為「\(root)」，應為 SummaryResult）",
                en: "Not a Turnkey summary result (root element \"\(root)\", expected SummaryResult)")
        case .incompleteInvoice(let message):
            OperatorMessage(
                zh: "Turnkey 彙總結果檔第 \(message) 則訊息有發票缺少號碼（ReferenceNumber）",
                en: "Turnkey summary result: message \(message) lists an invoice without a ReferenceNumber")
        case .missingMessageType(let message):
            OperatorMessage(
                zh: "Turnkey 彙總結果檔第 \(message) 則訊息缺少訊息類別（MessageType）",
                en: "Turnkey summary result: message \(message) has no MessageType")
        }
    }
}

/// Reader of the daily Turnkey SummaryResult file (notes §9; structure from an inferred, unofficial XSD).
public enum TurnkeySummaryResult {
    /// Lists every invoice under `Good` (accepted) or `Failed` (rejected), message by message, in file order.
    ///
    /// `Total` is not read and its count is not compared with Good + Failed: a disagreeing file still yields
    /// what it lists. Element names are matched by local name, so a namespace prefix does not matter.
    public static func parse(_ data: Data) throws(TurnkeyResultError) -> [TurnkeyResult] {
        // libxml2 refuses anything before `<?xml`, so a BOM or stray leading spaces are cut off.
        let start = data.firstIndex { ![0x09, 0x0A, 0x0D, 0x20, 0xEF, 0xBB, 0xBF].contains($0) } ?? data.endIndex
        let parser = XMLParser(data: Data(data[start...]))
        let reader = SummaryResultReader()
        parser.delegate = reader
        let finished = parser.parse()
        if let failure = reader.failure { throw failure }
        // On Linux parse() can return true after a fatal error (a missing end tag), so the reported error counts.
        if let error = reader.parseError ?? parser.parserError.map({ (parser.lineNumber, ($0 as NSError).code) }) {
            throw .malformedXML(line: error.line, code: error.code)
        }
        guard finished, let root = reader.root else { throw .malformedXML(line: parser.lineNumber, code: 4) }
        guard root == "SummaryResult" else { throw .notSummaryResult(root: root) }
        return reader.results
    }
}

/// Streams the SummaryResult and collects the invoices of each `Message` once its `Info` is known.
private final class SummaryResultReader: NSObject, XMLParserDelegate {
    var root: String?
    var results: [TurnkeyResult] = []
    var failure: TurnkeyResultError?
    var parseError: (line: Int, code: Int)?

    private var path: [String] = []
    private var text = ""
    private var messageIndex = 0
    private var messageType = ""
    private var reportID = ""
    private var listed: [(reference: String, date: String, accepted: Bool)] = []
    private var reference: String?
    private var invoiceDate = ""

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        let name = Self.localName(elementName)
        if path.isEmpty {
            root = name
            if name != "SummaryResult" {
                failure = .notSummaryResult(root: name)
                parser.abortParsing()
                return
            }
        }
        path.append(name)
        text = ""
        switch name {
        case "Message":
            messageIndex += 1
            messageType = ""
            reportID = ""
            listed = []
        case "Invoice":
            reference = nil
            invoiceDate = ""
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if self.parseError == nil { self.parseError = (parser.lineNumber, (parseError as NSError).code) }
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        text += String(decoding: block, as: UTF8.self)
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        guard failure == nil else { return }
        let name = path.popLast() ?? Self.localName(elementName)
        let parent = path.last ?? ""
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        text = ""
        switch (parent, name) {
        case ("Info", "Id"):
            reportID = value
        case ("Info", "MessageType"):
            messageType = value
        case ("Invoice", "ReferenceNumber"):
            reference = value
        case ("Invoice", "InvoiceDate"):
            invoiceDate = value
        case (_, "Invoice"):
            endInvoice(parser)
        case (_, "Message"):
            endMessage(parser)
        default:
            break
        }
    }

    private func endInvoice(_ parser: XMLParser) {
        // Total repeats the Good and Failed invoices, so only those two are read.
        let accepted: Bool
        if path.contains("Good") {
            accepted = true
        } else if path.contains("Failed") {
            accepted = false
        } else {
            return
        }
        guard let reference, !reference.isEmpty else {
            failure = .incompleteInvoice(message: messageIndex)
            parser.abortParsing()
            return
        }
        listed.append((reference, invoiceDate, accepted))
    }

    private func endMessage(_ parser: XMLParser) {
        var type = messageType
        if type.isEmpty {
            // Info/Id is `…-MIG-yyyyMMdd-time-UUID`: the MIG is its second part.
            let parts = reportID.split(separator: "-", omittingEmptySubsequences: false)
            type = parts.count > 1 ? String(parts[1]) : ""
        }
        guard !type.isEmpty else {
            failure = .missingMessageType(message: messageIndex)
            parser.abortParsing()
            return
        }
        for item in listed {
            results.append(
                TurnkeyResult(
                    messageType: type, reference: item.reference, invoiceDate: item.date,
                    accepted: item.accepted, reportID: reportID))
        }
        listed = []
    }

    /// The element name without a namespace prefix or stray spaces.
    private static func localName(_ name: String) -> String {
        let local = name.split(separator: ":").last.map(String.init) ?? name
        return local.trimmingCharacters(in: .whitespaces)
    }
}
