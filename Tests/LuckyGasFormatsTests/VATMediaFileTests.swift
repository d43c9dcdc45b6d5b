import LuckyGasCore
import Testing

@testable import LuckyGasFormats

@Suite("401 VAT media file")
struct VATMediaFileTests {
    static let taxRegistration = "123456789"

    static func sale(
        buyer: String? = nil, invoice: String = "AB12345678", amount: Int64 = 1785, taxType: Character = "1",
        tax: Int64 = 0, code: String = "35", year: Int = 115, month: Int = 11, seller: String = "04595257"
    ) -> VATMediaRecord {
        VATMediaRecord(
            formatCode: code, rocYear: year, month: month, buyerUBN: buyer, sellerUBN: seller,
            invoiceNumber: invoice, amount: amount, taxType: taxType, tax: tax)
    }

    @Test func recordsAreEightyOneCharactersAtTheDocumentedPositions() throws {
        let text = try VATMediaFile.render(
            taxRegistrationNumber: Self.taxRegistration,
            records: [
                Self.sale(),
                Self.sale(buyer: "12345675", invoice: "AB12345679", amount: 1700, tax: 85),
                Self.sale(invoice: "AB12345680", amount: 0, taxType: "F"),
            ])
        let lines = text.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 4)
        #expect(lines.last == "")
        #expect(lines.dropLast().allSatisfy { $0.count == 81 && $0.utf8.count == 81 })
        let blank9 = String(repeating: " ", count: 9)
        #expect(
            lines[0] == "35" + "123456789" + "0000001" + "115" + "11" + "        " + "04595257" + "AB12345678"
                + "000000001785" + "1" + "0000000000" + blank9)
        #expect(
            lines[1] == "35" + "123456789" + "0000002" + "115" + "11" + "12345675" + "04595257" + "AB12345679"
                + "000000001700" + "1" + "0000000085" + blank9)
        #expect(
            lines[2] == "35" + "123456789" + "0000003" + "115" + "11" + "        " + "04595257" + "AB12345680"
                + "000000000000" + "F" + "0000000000" + blank9)
    }

    @Test func fieldsLandInTheirColumns() throws {
        let text = try VATMediaFile.render(
            taxRegistrationNumber: Self.taxRegistration,
            records: [Self.sale(buyer: "12345675", amount: 999_999_999_999, tax: 9_999_999_999, code: "33", month: 3)])
        let line = Array(text.utf8.prefix(81))
        func field(_ from: Int, _ to: Int) -> String { String(decoding: line[(from - 1)..<to], as: UTF8.self) }
        #expect(field(1, 2) == "33")
        #expect(field(3, 11) == "123456789")
        #expect(field(12, 18) == "0000001")
        #expect(field(19, 21) == "115")
        #expect(field(22, 23) == "03")
        #expect(field(24, 31) == "12345675")
        #expect(field(32, 39) == "04595257")
        #expect(field(40, 49) == "AB12345678")
        #expect(field(50, 61) == "999999999999")
        #expect(field(62, 62) == "1")
        #expect(field(63, 72) == "9999999999")
        #expect(field(73, 81) == "         ")
        #expect(text.hasSuffix("\r\n"))
    }

    @Test func noRecordsRenderAnEmptyFile() throws {
        #expect(try VATMediaFile.render(taxRegistrationNumber: Self.taxRegistration, records: []) == "")
    }

    @Test func aBadTaxRegistrationNumberIsRefused() {
        #expect(throws: VATMediaFileError.invalidTaxRegistrationNumber("04595257")) {
            try VATMediaFile.render(taxRegistrationNumber: "04595257", records: [Self.sale()])
        }
    }

    static let rejections: [(VATMediaRecord, VATMediaFileError)] = [
        (sale(code: "31"), .invalidFormatCode(record: 2, "31")),
        (sale(year: 1000), .invalidYear(record: 2, 1000)),
        (sale(year: 0), .invalidYear(record: 2, 0)),
        (sale(month: 13), .invalidMonth(record: 2, 13)),
        (sale(buyer: "1234567"), .invalidBuyerUBN(record: 2, "1234567")),
        (sale(seller: "0459525A"), .invalidSellerUBN(record: 2, "0459525A")),
        (sale(invoice: "ab12345678"), .invalidInvoiceNumber(record: 2, "ab12345678")),
        (sale(invoice: "AB-12345678"), .invalidInvoiceNumber(record: 2, "AB-12345678")),
        (sale(amount: -1), .amountOutOfRange(record: 2, -1)),
        (sale(amount: 1_000_000_000_000), .amountOutOfRange(record: 2, 1_000_000_000_000)),
        (sale(tax: 10_000_000_000), .taxOutOfRange(record: 2, 10_000_000_000)),
        (sale(taxType: "X"), .invalidTaxType(record: 2, "X")),
        (sale(amount: 100, taxType: "F"), .voidRowWithAmount(record: 2, taxType: "F")),
    ]

    @Test(arguments: rejections)
    func aBadRecordIsRefusedWithItsNumber(record: VATMediaRecord, expected: VATMediaFileError) {
        #expect(throws: expected) {
            try VATMediaFile.render(taxRegistrationNumber: Self.taxRegistration, records: [Self.sale(), record])
        }
        #expect(expected.operatorMessage.zh.hasPrefix("第 2 筆"))
        #expect(expected.operatorMessage.en.hasPrefix("record 2:"))
    }
}
