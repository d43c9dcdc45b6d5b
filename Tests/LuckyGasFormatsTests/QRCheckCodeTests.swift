import Foundation
import LuckyGasCore
import LuckyGasTestSupport
import Testing

@testable import LuckyGasFormats

/// The AES check code, barcode and QR texts against `test-vectors.json` (recomputed outside).
struct QRCheckCodeTests {
    struct Vectors: Decodable {
        struct AES: Decodable {
            struct Vector: Decodable {
                var keyHex: String
                var plaintext: String
                var expected: String
                enum CodingKeys: String, CodingKey {
                    case keyHex = "key_hex", plaintext, expected
                }
            }
            var vectors: [Vector]
        }
        struct Barcode: Decodable {
            var period: String
            var invoice: String
            var random: String
            var expected: String
            enum CodingKeys: String, CodingKey {
                case period = "period_roc_yyyMM_even_month", invoice, random, expected
            }
        }
        struct Left: Decodable {
            var first53: String
            var after77: String
            var right: String
            var full: String
            enum CodingKeys: String, CodingKey {
                case first53 = "expected_first_53", after77 = "expected_after_77", right = "expected_right"
                case full = "full_left_with_key_FE05F029154F6AA67A78B338ED2F6601"
            }
        }
        var aes: AES
        var barcodes: [Barcode]
        var left: Left
        enum CodingKeys: String, CodingKey {
            case aes = "qr_aes", barcodes = "barcode_code39", left = "qr_left_spec_example"
        }
    }

    static func vectors() throws -> Vectors {
        let data = try Data(contentsOf: ExternalCheck.fixtures.appendingPathComponent("einvoice/test-vectors.json"))
        return try JSONDecoder().decode(Vectors.self, from: data)
    }

    @Test func everyAESVector() throws {
        let vectors = try Self.vectors().aes.vectors
        #expect(vectors.count == 3)
        for vector in vectors {
            #expect(try QRCheckCode.compute(keyHex: vector.keyHex, plaintext: vector.plaintext) == vector.expected)
        }
    }

    @Test func everyBarcodeVector() throws {
        for vector in try Self.vectors().barcodes {
            let text = InvoiceProof.barcode(
                period: try InvoicePeriod(vector.period),
                number: try InvoiceNumber(vector.invoice), randomNumber: vector.random)
            #expect(text == vector.expected)
        }
    }

    @Test func theSpecExampleQRCodes() throws {
        let expected = try Self.vectors().left
        let number = try InvoiceNumber("AB11223344")
        let head = InvoiceProof.leftHead(
            number: number, date: try LocalDate("2013-05-23"), randomNumber: "9999", net: 324, total: 340,
            buyerUBN: nil, sellerUBN: "01234567")
        #expect(head == expected.first53)
        let code = try QRCheckCode.compute(
            keyHex: "FE05F029154F6AA67A78B338ED2F6601",
            plaintext: InvoiceProof.checkPlaintext(number: number, randomNumber: "9999"))
        let items = [
            InvoiceProof.Item(name: "乾電池", quantity: 1, unitPrice: "105"),
            InvoiceProof.Item(name: "口罩", quantity: 1, unitPrice: "210"),
            InvoiceProof.Item(name: "牛奶", quantity: 1, unitPrice: "25"),
        ]
        let left = InvoiceProof.left(head: head, checkCode: code, items: items)
        #expect(left == expected.full)
        #expect(String(left.dropFirst(77)) == expected.after77)
        #expect(InvoiceProof.right(items: items) == expected.right)
    }

    @Test func badKeysAreRefused() {
        #expect(throws: QRKeyError.invalidKey) { try QRCheckCode.compute(keyHex: "XYZ", plaintext: "AB112233449999") }
        #expect(throws: QRKeyError.invalidKey) { try QRCheckCode.compute(keyHex: "FE05F0", plaintext: "x") }
        #expect(QRCheckCode.isValidKey("fe05f029154f6aa67a78b338ed2f6601"))
    }

    @Test func colonsInNamesAreReplaced() {
        #expect(
            InvoiceProof.right(items: [
                .init(name: "a", quantity: 1, unitPrice: "1"), .init(name: "b:c", quantity: 2, unitPrice: "3"),
            ]) == "**b：c:2:3")
    }
}
