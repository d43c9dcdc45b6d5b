import Foundation
import LuckyGasCore

/// One item line printed under the codes of a proof.
public struct ProofReceiptLine: Sendable, Hashable {
    /// The product name as printed.
    public var description: String
    /// How many were sold.
    public var quantity: Int
    /// The line amount in whole NT$.
    public var amount: Int64

    /// Creates an item line.
    public init(description: String, quantity: Int, amount: Int64) {
        self.description = description
        self.quantity = quantity
        self.amount = amount
    }
}

/// What the printed e-invoice proof (電子發票證明聯) shows, already formatted (notes §3).
public struct ProofReceipt: Sendable, Hashable {
    /// The seller's name, printed at the top.
    public var sellerName: String
    /// The period, such as `115年11-12月`.
    public var periodLabel: String
    /// The invoice number in display form, such as `AB-12345678`.
    public var invoiceNumber: String
    /// Date and time of issue, such as `2026-11-21 14:30:00`.
    public var issuedAt: String
    /// The 4-digit random number.
    public var randomNumber: String
    /// The tax-inclusive total in whole NT$.
    public var total: Int64
    /// The seller's UBN.
    public var sellerUBN: String
    /// The buyer's UBN for B2B; nil for a consumer.
    public var buyerUBN: String?
    /// The 19-character Code39 text: period (5) + invoice number (10) + random number (4).
    public var barcode: String
    /// The left QR code text.
    public var qrLeft: String
    /// The right QR code text (starts with `**`).
    public var qrRight: String
    /// Whether this is a reprint, which must say 補印.
    public var isReprint: Bool
    /// The item lines printed after the codes.
    public var lines: [ProofReceiptLine]

    /// Creates the proof content.
    public init(
        sellerName: String, periodLabel: String, invoiceNumber: String, issuedAt: String, randomNumber: String,
        total: Int64, sellerUBN: String, buyerUBN: String?, barcode: String, qrLeft: String, qrRight: String,
        isReprint: Bool, lines: [ProofReceiptLine]
    ) {
        self.sellerName = sellerName
        self.periodLabel = periodLabel
        self.invoiceNumber = invoiceNumber
        self.issuedAt = issuedAt
        self.randomNumber = randomNumber
        self.total = total
        self.sellerUBN = sellerUBN
        self.buyerUBN = buyerUBN
        self.barcode = barcode
        self.qrLeft = qrLeft
        self.qrRight = qrRight
        self.isReprint = isReprint
        self.lines = lines
    }
}

/// Why a proof could not be turned into printer commands.
public enum EscPosReceiptError: OperatorFacingError, Hashable {
    /// Which of the two QR codes.
    public enum Side: String, Sendable, Hashable {
        case left, right
    }

    case invalidBarcode(String)
    case qrTooLong(Side, bytes: Int)
    case qrNotBig5(Side)

    /// The bilingual text for the operator.
    public var operatorMessage: OperatorMessage {
        switch self {
        case .invalidBarcode(let text):
            OperatorMessage(
                zh: "一維條碼「\(text)」須為 19 個數字或大寫英文字母",
                en: "Barcode \"\(text)\" must be 19 digits or capital letters")
        case .qrTooLong(let side, let bytes):
            OperatorMessage(
                zh: "\(side == .left ? "左" : "右")側 QR 碼內容 \(bytes) 位元組，超過 \(EscPosReceipt.qrCapacity) 上限",
                en: "The \(side.rawValue) QR code holds \(bytes) bytes, over the \(EscPosReceipt.qrCapacity) limit")
        case .qrNotBig5(let side):
            OperatorMessage(
                zh: "\(side == .left ? "左" : "右")側 QR 碼標示為 Big5，但含有 Big5 無法表示的字",
                en: "The \(side.rawValue) QR code is flagged Big5 but has characters Big5 cannot encode")
        }
    }
}

/// Printer commands (ESC/POS) for the e-invoice proof on a 58 mm thermal printer.
///
/// Text is sent in Big5 after `FS &` (Chinese character mode), the code page Taiwanese printers use; the
/// printer must be set to Big5, not GB18030. Characters Big5 lacks print as `?`. Layout assumes 32 columns
/// (Font A, 384 dots). Plain ESC/POS cannot place two QR codes side by side, so the left code is printed
/// above the right one; the proof is therefore longer than the 9 cm of the official sample.
public enum EscPosReceipt {
    /// The most bytes one QR code can hold (version 40, error correction L, byte mode).
    public static let qrCapacity = 2953
    /// Characters per line in Font A on 58 mm paper.
    static let columns = 32
    /// QR module size in dots: a version 7–8 code is then about 24 mm wide.
    static let qrModuleSize: UInt8 = 4
    /// Big5 (CP950) as Foundation names it; works on Linux and Apple platforms.
    static let big5 = String.Encoding(rawValue: 0x8000_0A03)

    /// Builds the command bytes: header, fields, Code39 barcode, the two QR codes, items, feed and partial cut.
    public static func render(_ receipt: ProofReceipt) throws(EscPosReceiptError) -> Data {
        guard isCode39(receipt.barcode) else { throw .invalidBarcode(receipt.barcode) }
        let qrEncoding = qrTextEncoding(receipt.qrLeft)
        let left = try qrPayload(receipt.qrLeft, side: .left, encoding: qrEncoding)
        let right = try qrPayload(receipt.qrRight, side: .right, encoding: qrEncoding)

        var bytes: [UInt8] = [0x1B, 0x40, 0x1C, 0x26]  // ESC @ initialise, FS & Chinese mode
        bytes += [0x1B, 0x61, 0x01]  // ESC a 1: centre
        bytes += [0x1B, 0x45, 0x01] + text(receipt.sellerName) + [0x0A] + [0x1B, 0x45, 0x00]
        let title = receipt.isReprint ? "電子發票證明聯 補印" : "電子發票證明聯"
        bytes += large(title)
        bytes += large(receipt.periodLabel)
        bytes += large(receipt.invoiceNumber)
        bytes += [0x1D, 0x21, 0x00, 0x1B, 0x61, 0x00]  // normal size, left

        var issued = receipt.issuedAt
        if receipt.buyerUBN != nil { issued += "  格式 25" }
        bytes += text(issued) + [0x0A]
        bytes += text("隨機碼 \(receipt.randomNumber)  總計 \(receipt.total)") + [0x0A]
        var parties = "賣方 \(receipt.sellerUBN)"
        if let buyer = receipt.buyerUBN { parties += "  買方 \(buyer)" }
        bytes += text(parties) + [0x0A]

        bytes += [0x1B, 0x61, 0x01]  // centre the codes
        bytes += code39(receipt.barcode) + [0x0A]
        bytes += qrCode(left) + [0x0A]
        bytes += qrCode(right) + [0x0A]
        bytes += [0x1B, 0x61, 0x00]

        bytes += itemLines(receipt.lines)
        bytes += [0x1B, 0x64, 0x04]  // ESC d 4: feed four lines
        bytes += [0x1D, 0x56, 0x42, 0x00]  // GS V 66 0: feed to the cutter and cut partially
        return Data(bytes)
    }

    /// A centred heading in double width and height, or double height only when that would not fit.
    private static func large(_ heading: String) -> [UInt8] {
        let encoded = text(heading)
        let size: UInt8 = encoded.count * 2 <= columns ? 0x11 : 0x01
        return [0x1D, 0x21, size] + encoded + [0x0A]
    }

    /// Item header and lines: name on the left, quantity and amount right-aligned.
    private static func itemLines(_ lines: [ProofReceiptLine]) -> [UInt8] {
        guard !lines.isEmpty else { return [] }
        var bytes = text(String(repeating: "-", count: columns)) + [0x0A]
        bytes += row(text("品名"), tail: padLeft(text("數量"), 4) + padLeft(text("金額"), 10))
        for line in lines {
            let tail = padLeft(text(String(line.quantity)), 4) + padLeft(text(String(line.amount)), 10)
            bytes += row(text(line.description), tail: tail)
        }
        return bytes
    }

    /// One line with `tail` at the right margin; a name too long for it gets a line of its own.
    private static func row(_ name: [UInt8], tail: [UInt8]) -> [UInt8] {
        let room = columns - tail.count
        if name.count < room {
            return name + Array(repeating: 0x20, count: room - name.count) + tail + [0x0A]
        }
        return name + [0x0A] + Array(repeating: 0x20, count: max(0, room)) + tail + [0x0A]
    }

    private static func padLeft(_ bytes: [UInt8], _ width: Int) -> [UInt8] {
        Array(repeating: 0x20, count: max(0, width - bytes.count)) + bytes
    }

    /// Printable Big5 bytes; in Big5 each Chinese character is two bytes and two columns wide.
    ///
    /// Control characters become spaces so that no text can smuggle a printer command (a cut, a drawer kick).
    static func text(_ raw: String) -> [UInt8] {
        let cleaned = String(
            String.UnicodeScalarView(
                raw.unicodeScalars.map { scalar in
                    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) ? " " : scalar
                }))
        if let data = cleaned.data(using: big5, allowLossyConversion: true) {
            return Array(data)
        }
        // Only if this Foundation lacks Big5: keep ASCII, mark the rest.
        return cleaned.unicodeScalars.map { $0.isASCII ? UInt8($0.value) : 0x3F }
    }

    /// GS k, function B, CODE39 (m = 69) with a length byte; the printer adds the `*` start and stop.
    private static func code39(_ barcode: String) -> [UInt8] {
        let data = Array(barcode.utf8)
        return [0x1D, 0x68, 64]  // GS h: 64 dots (8 mm) tall
            + [0x1D, 0x77, 0x01]  // GS w 1: narrowest bars, so 19 characters fit 48 mm
            + [0x1D, 0x48, 0x00]  // GS H 0: no human-readable text (the fields above say it)
            + [0x1D, 0x6B, 69, UInt8(data.count)] + data
    }

    /// GS ( k: model 2, module size, error correction L, store the data, print it.
    private static func qrCode(_ data: [UInt8]) -> [UInt8] {
        let stored = data.count + 3
        var bytes: [UInt8] = [0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00]  // fn 165: model 2
        bytes += [0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, qrModuleSize]  // fn 167: module size
        bytes += [0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x30]  // fn 169: error correction L
        bytes += [0x1D, 0x28, 0x6B, UInt8(stored & 0xFF), UInt8(stored >> 8), 0x31, 0x50, 0x30] + data  // fn 180
        bytes += [0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30]  // fn 181: print
        return bytes
    }

    /// The bytes stored in a QR code, in the encoding the left code's flag names.
    private static func qrPayload(
        _ content: String, side: EscPosReceiptError.Side, encoding: String.Encoding
    ) throws(EscPosReceiptError) -> [UInt8] {
        let bytes: [UInt8]
        if encoding == .utf8 {
            bytes = Array(content.utf8)
        } else if let data = content.data(using: encoding) {
            bytes = Array(data)
        } else {
            throw .qrNotBig5(side)
        }
        guard bytes.count <= qrCapacity else { throw .qrTooLong(side, bytes: bytes.count) }
        return bytes
    }

    /// The left code's fifth `:` field is the encoding flag: 0 Big5, 1 UTF-8, 2 Base64 (ASCII, so UTF-8 too).
    static func qrTextEncoding(_ left: String) -> String.Encoding {
        let fields = left.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        return fields.count > 4 && fields[4] == "0" ? big5 : .utf8
    }

    /// 19 characters from the Code39 set used by the proof: digits and capital letters.
    private static func isCode39(_ text: String) -> Bool {
        text.utf8.count == 19 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) }
    }
}
