import Foundation
import Testing

@testable import LuckyGasFormats

@Suite("ESC/POS e-invoice proof")
struct EscPosReceiptTests {
    /// The spec v1.9 example codes (notes §3), UTF-8 flagged.
    static let left =
        "AB112233441020523999900000144000001540000000001234567ajrLaenbGmyWaZBdJk9diw==:**********:3:3:1:乾電池:1:105:"
    static let right = "**口罩:1:210:牛奶:1:25"

    static func receipt(
        buyer: String? = nil, reprint: Bool = false, left: String = left, right: String = right,
        barcode: String = "11512AB123456780122", seller: String = "幸福氣體"
    ) -> ProofReceipt {
        ProofReceipt(
            sellerName: seller, periodLabel: "115年11-12月", invoiceNumber: "AB-12345678",
            issuedAt: "2026-11-21 14:30:00", randomNumber: "0122", total: 1785, sellerUBN: "04595257",
            buyerUBN: buyer, barcode: barcode, qrLeft: left, qrRight: right, isReprint: reprint,
            lines: [
                ProofReceiptLine(description: "液化石油氣 20公斤", quantity: 2, amount: 1700),
                ProofReceiptLine(description: "運費", quantity: 1, amount: 85),
            ])
    }

    // Big5 bytes written out by hand, so the test does not trust the encoder it checks.
    static let title: [UInt8] = [0xB9, 0x71, 0xA4, 0x6C, 0xB5, 0x6F, 0xB2, 0xBC, 0xC3, 0xD2, 0xA9, 0xFA, 0xC1, 0x70]
    static let reprintMark: [UInt8] = [0xB8, 0xC9, 0xA6, 0x4C]  // 補印
    static let formatMark: [UInt8] = [0xAE, 0xE6, 0xA6, 0xA1] + Array(" 25".utf8)  // 格式 25
    static let buyerMark: [UInt8] = [0xB6, 0x52, 0xA4, 0xE8] + Array(" 12345675".utf8)  // 買方 12345675

    @Test func startsWithInitialiseAndEndsWithPartialCut() throws {
        let bytes = [UInt8](try EscPosReceipt.render(Self.receipt()))
        #expect(bytes.starts(with: [0x1B, 0x40]))
        #expect(bytes.suffix(4) == [0x1D, 0x56, 0x42, 0x00])
        #expect(contains(bytes, [0x1C, 0x26]))
        #expect(contains(bytes, Self.title))
    }

    @Test func printsTheCode39Barcode() throws {
        let bytes = [UInt8](try EscPosReceipt.render(Self.receipt()))
        #expect(contains(bytes, [0x1D, 0x6B, 69, 19] + Array("11512AB123456780122".utf8)))
    }

    @Test func storesBothQRCodesWithTheirLengths() throws {
        let bytes = [UInt8](try EscPosReceipt.render(Self.receipt()))
        // Left: 111 UTF-8 bytes + 3 = 114 = 0x72; right: 26 + 3 = 29 = 0x1D.
        #expect(Array(Self.left.utf8).count == 111)
        #expect(contains(bytes, [0x1D, 0x28, 0x6B, 0x72, 0x00, 0x31, 0x50, 0x30] + Array(Self.left.utf8)))
        #expect(contains(bytes, [0x1D, 0x28, 0x6B, 0x1D, 0x00, 0x31, 0x50, 0x30] + Array(Self.right.utf8)))
        #expect(occurrences(bytes, [0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30]) == 2)
        #expect(occurrences(bytes, [0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00]) == 2)
    }

    @Test func aLongQRCodeUsesTheHighLengthByte() throws {
        let right = "**" + String(repeating: "瓦斯:1:850:", count: 30)  // 2 + 30 × 13 = 392 bytes, + 3 = 0x018B
        let bytes = [UInt8](try EscPosReceipt.render(Self.receipt(right: right)))
        #expect(contains(bytes, [0x1D, 0x28, 0x6B, 0x8B, 0x01, 0x31, 0x50, 0x30] + Array(right.utf8)))
    }

    @Test func aBig5FlaggedQRCodeIsStoredInBig5() throws {
        let left =
            "AB112233441020523999900000144000001540000000001234567ajrLaenbGmyWaZBdJk9diw==:**********:1:1:0:補印:1:5:"
        let bytes = [UInt8](try EscPosReceipt.render(Self.receipt(left: left, right: "**")))
        let stored = Array(left.utf8.prefix(95)) + Self.reprintMark + Array(":1:5:".utf8)
        #expect(contains(bytes, [0x1D, 0x28, 0x6B, UInt8(stored.count + 3), 0x00, 0x31, 0x50, 0x30] + stored))
    }

    @Test func reprintMarkAppearsOnlyOnAReprint() throws {
        let original = [UInt8](try EscPosReceipt.render(Self.receipt()))
        let reprint = [UInt8](try EscPosReceipt.render(Self.receipt(reprint: true)))
        #expect(!contains(original, Self.reprintMark))
        #expect(contains(reprint, Self.title + [0x20] + Self.reprintMark))
    }

    @Test func formatAndBuyerAppearOnlyForABusinessBuyer() throws {
        let consumer = [UInt8](try EscPosReceipt.render(Self.receipt()))
        let business = [UInt8](try EscPosReceipt.render(Self.receipt(buyer: "12345675")))
        #expect(!contains(consumer, Self.formatMark))
        #expect(!contains(consumer, Self.buyerMark))
        #expect(contains(business, Array("2026-11-21 14:30:00  ".utf8) + Self.formatMark))
        #expect(contains(business, Self.buyerMark))
    }

    @Test func itemLinesAreRightAligned() throws {
        let bytes = [UInt8](try EscPosReceipt.render(Self.receipt()))
        // 運費 (Big5 B9 42 B6 4F) is 4 columns wide; quantity and amount end at column 32.
        let line = [0xB9, 0x42, 0xB6, 0x4F] + Array(repeating: 0x20, count: 14) + Array("   1        85\n".utf8)
        #expect(line.count == 33)
        #expect(contains(bytes, line))
    }

    @Test func controlCharactersInTextCannotIssueCommands() throws {
        let bytes = [UInt8](try EscPosReceipt.render(Self.receipt(seller: "幸福\u{1D}V\u{42}\u{00}氣體")))
        #expect(occurrences(bytes, [0x1D, 0x56]) == 1)
    }

    @Test func aBadBarcodeIsRefused() {
        #expect(throws: EscPosReceiptError.invalidBarcode("11512AB12345678")) {
            try EscPosReceipt.render(Self.receipt(barcode: "11512AB12345678"))
        }
        #expect(throws: EscPosReceiptError.invalidBarcode("11512ab123456780122")) {
            try EscPosReceipt.render(Self.receipt(barcode: "11512ab123456780122"))
        }
    }

    @Test func anOversizedQRCodeIsRefused() {
        let right = "**" + String(repeating: "x", count: 3000)
        #expect(throws: EscPosReceiptError.qrTooLong(.right, bytes: 3002)) {
            try EscPosReceipt.render(Self.receipt(right: right))
        }
    }

    private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        occurrences(haystack, needle) > 0
    }

    private func occurrences(_ haystack: [UInt8], _ needle: [UInt8]) -> Int {
        guard !needle.isEmpty, haystack.count >= needle.count else { return 0 }
        return (0...(haystack.count - needle.count)).filter { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
            .count
    }
}
