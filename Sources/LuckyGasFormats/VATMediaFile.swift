import Foundation
import LuckyGasCore

/// One row of the 401 VAT media file (營業人進銷項資料媒體申報檔), sales side.
///
/// Field meanings follow the majority 81-byte layout in the e-invoice notes §8. The notes mark the
/// B2C-allowance code (33 or 34) and blank (`D`) rows as unverified: check them with MOF's offline filing program.
public struct VATMediaRecord: Sendable, Hashable {
    /// 格式代號: `35` sale (e-invoice), `33` allowance on a triplicate (B2B) invoice, `34` allowance on a duplicate (B2C).
    public var formatCode: String
    /// 資料所屬年度 in the ROC calendar (115 = 2026).
    public var rocYear: Int
    /// 資料所屬月份, 1–12: the invoice month (or the allowance month for 33/34).
    public var month: Int
    /// 買受人統一編號; nil for a consumer, written as 8 spaces.
    public var buyerUBN: String?
    /// 銷售人統一編號: the branch's own UBN.
    public var sellerUBN: String
    /// 發票字軌號碼 without the dash, such as `AB12345678`.
    public var invoiceNumber: String
    /// 銷售金額 in whole NT$: tax-inclusive total for B2C, net for B2B, 0 for cancelled or blank rows.
    public var amount: Int64
    /// 課稅別: `1`/`2`/`3` (taxable, zero-rated, exempt), `F` cancelled (作廢), `D` blank (空白).
    public var taxType: Character
    /// 營業稅額 in whole NT$: 0 for B2C and for cancelled or blank rows.
    public var tax: Int64

    /// Creates a record; nothing is checked until the file is rendered.
    public init(
        formatCode: String, rocYear: Int, month: Int, buyerUBN: String?, sellerUBN: String,
        invoiceNumber: String, amount: Int64, taxType: Character, tax: Int64
    ) {
        self.formatCode = formatCode
        self.rocYear = rocYear
        self.month = month
        self.buyerUBN = buyerUBN
        self.sellerUBN = sellerUBN
        self.invoiceNumber = invoiceNumber
        self.amount = amount
        self.taxType = taxType
        self.tax = tax
    }
}

/// Why a 401 media file could not be written; `record` is the 1-based row (the same as its 流水號).
public enum VATMediaFileError: OperatorFacingError, Hashable {
    case invalidTaxRegistrationNumber(String)
    case tooManyRecords(Int)
    case invalidFormatCode(record: Int, String)
    case invalidYear(record: Int, Int)
    case invalidMonth(record: Int, Int)
    case invalidBuyerUBN(record: Int, String)
    case invalidSellerUBN(record: Int, String)
    case invalidInvoiceNumber(record: Int, String)
    case amountOutOfRange(record: Int, Int64)
    case taxOutOfRange(record: Int, Int64)
    case invalidTaxType(record: Int, Character)
    case voidRowWithAmount(record: Int, taxType: Character)

    /// The bilingual text for the operator.
    public var operatorMessage: OperatorMessage {
        switch self {
        case .invalidTaxRegistrationNumber(let value):
            OperatorMessage(
                zh: "稅籍編號「\(value)」須為 9 位數字",
                en: "Tax registration number \"\(value)\" must be 9 digits")
        case .tooManyRecords(let count):
            OperatorMessage(
                zh: "媒體檔最多 9999999 筆，目前 \(count) 筆",
                en: "A media file holds at most 9999999 records, got \(count)")
        case .invalidFormatCode(let record, let value):
            OperatorMessage(
                zh: "第 \(record) 筆：格式代號「\(value)」須為 33、34 或 35",
                en: "record \(record): format code \"\(value)\" must be 33, 34 or 35")
        case .invalidYear(let record, let value):
            OperatorMessage(
                zh: "第 \(record) 筆：年度 \(value) 須為民國 1 至 999 年",
                en: "record \(record): ROC year \(value) must be 1 to 999")
        case .invalidMonth(let record, let value):
            OperatorMessage(
                zh: "第 \(record) 筆：月份 \(value) 須為 1 至 12",
                en: "record \(record): month \(value) must be 1 to 12")
        case .invalidBuyerUBN(let record, let value):
            OperatorMessage(
                zh: "第 \(record) 筆：買受人統一編號「\(value)」須為 8 位數字",
                en: "record \(record): buyer UBN \"\(value)\" must be 8 digits")
        case .invalidSellerUBN(let record, let value):
            OperatorMessage(
                zh: "第 \(record) 筆：銷售人統一編號「\(value)」須為 8 位數字",
                en: "record \(record): seller UBN \"\(value)\" must be 8 digits")
        case .invalidInvoiceNumber(let record, let value):
            OperatorMessage(
                zh: "第 \(record) 筆：發票號碼「\(value)」須為 2 個大寫英文字母加 8 位數字",
                en: "record \(record): invoice number \"\(value)\" must be 2 capital letters and 8 digits")
        case .amountOutOfRange(let record, let value):
            OperatorMessage(
                zh: "第 \(record) 筆：銷售金額 \(value) 須介於 0 與 999999999999",
                en: "record \(record): amount \(value) must be between 0 and 999999999999")
        case .taxOutOfRange(let record, let value):
            OperatorMessage(
                zh: "第 \(record) 筆：營業稅額 \(value) 須介於 0 與 9999999999",
                en: "record \(record): tax \(value) must be between 0 and 9999999999")
        case .invalidTaxType(let record, let value):
            OperatorMessage(
                zh: "第 \(record) 筆：課稅別「\(value)」須為 1、2、3、F 或 D",
                en: "record \(record): tax type \"\(value)\" must be 1, 2, 3, F or D")
        case .voidRowWithAmount(let record, let type):
            OperatorMessage(
                zh: "第 \(record) 筆：課稅別 \(type)（作廢或空白）的金額與稅額須為 0",
                en: "record \(record): a tax type \(type) (cancelled or blank) row must have amount and tax 0")
        }
    }
}

/// Writer of the 401 VAT media file: fixed 81-character ASCII records.
public enum VATMediaFile {
    /// Length of one record, without its line ending.
    static let recordLength = 81

    /// Renders the records in order, numbering them 0000001, 0000002, …
    ///
    /// Every record is exactly 81 ASCII characters. Records end with CR LF, the last one included, because the
    /// file is read by MOF's Windows filing program; the notes (§8) leave the line ending unverified, so check
    /// the first file with that program. The text is pure ASCII: write it as `.ascii` or `.utf8` (same bytes).
    /// An empty list renders the empty string.
    public static func render(
        taxRegistrationNumber: String, records: [VATMediaRecord]
    ) throws(VATMediaFileError) -> String {
        guard isDigits(taxRegistrationNumber, count: 9) else {
            throw .invalidTaxRegistrationNumber(taxRegistrationNumber)
        }
        guard records.count <= 9_999_999 else { throw .tooManyRecords(records.count) }
        var output = ""
        output.reserveCapacity(records.count * (recordLength + 2))
        for (index, record) in records.enumerated() {
            let serial = index + 1
            try validate(record, serial: serial)
            output += line(record, serial: serial, taxRegistrationNumber: taxRegistrationNumber)
            output += "\r\n"
        }
        return output
    }

    /// Format codes this writer knows how to fill (sales-side fields only).
    private static let formatCodes: Set<String> = ["33", "34", "35"]
    /// 課稅別 values: taxable, zero-rated, exempt, cancelled, blank.
    private static let taxTypes: Set<Character> = ["1", "2", "3", "F", "D"]

    private static func validate(_ record: VATMediaRecord, serial: Int) throws(VATMediaFileError) {
        guard formatCodes.contains(record.formatCode) else {
            throw .invalidFormatCode(record: serial, record.formatCode)
        }
        guard (1...999).contains(record.rocYear) else { throw .invalidYear(record: serial, record.rocYear) }
        guard (1...12).contains(record.month) else { throw .invalidMonth(record: serial, record.month) }
        if let buyer = record.buyerUBN, !isDigits(buyer, count: 8) {
            throw .invalidBuyerUBN(record: serial, buyer)
        }
        guard isDigits(record.sellerUBN, count: 8) else { throw .invalidSellerUBN(record: serial, record.sellerUBN) }
        guard isInvoiceNumber(record.invoiceNumber) else {
            throw .invalidInvoiceNumber(record: serial, record.invoiceNumber)
        }
        guard (0...999_999_999_999).contains(record.amount) else {
            throw .amountOutOfRange(record: serial, record.amount)
        }
        guard (0...9_999_999_999).contains(record.tax) else { throw .taxOutOfRange(record: serial, record.tax) }
        guard taxTypes.contains(record.taxType) else { throw .invalidTaxType(record: serial, record.taxType) }
        // Cancelled and blank numbers are listed with amount 0 and tax 0 (uxb2bralph's writer, notes §8).
        if record.taxType == "F" || record.taxType == "D", record.amount != 0 || record.tax != 0 {
            throw .voidRowWithAmount(record: serial, taxType: record.taxType)
        }
    }

    /// Builds one record from validated fields, positions 1–81.
    private static func line(_ record: VATMediaRecord, serial: Int, taxRegistrationNumber: String) -> String {
        var text = record.formatCode  // 1-2
        text += taxRegistrationNumber  // 3-11
        text += zeroPadded(Int64(serial), width: 7)  // 12-18
        text += zeroPadded(Int64(record.rocYear), width: 3)  // 19-21
        text += zeroPadded(Int64(record.month), width: 2)  // 22-23
        text += record.buyerUBN ?? String(repeating: " ", count: 8)  // 24-31
        text += record.sellerUBN  // 32-39
        text += record.invoiceNumber  // 40-49
        text += zeroPadded(record.amount, width: 12)  // 50-61
        text.append(record.taxType)  // 62
        text += zeroPadded(record.tax, width: 10)  // 63-72
        // 73 扣抵代號, 74-78 blank, 79 特種稅額稅率, 80 彙加註記, 81 通關方式註記: all spaces on the sales side.
        text += String(repeating: " ", count: 9)
        return text
    }

    /// A non-negative number left-padded with zeros; callers have checked it fits.
    private static func zeroPadded(_ value: Int64, width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func isDigits(_ text: String, count: Int) -> Bool {
        text.utf8.count == count && text.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }

    /// `[A-Z]{2}\d{8}`, the XSD pattern for an invoice number.
    private static func isInvoiceNumber(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10 else { return false }
        return bytes[0..<2].allSatisfy { (0x41...0x5A).contains($0) }
            && bytes[2...].allSatisfy { (0x30...0x39).contains($0) }
    }
}
