import Foundation
import LuckyGasCore
import Testing

// DOMAIN.md: customer `C` + 6 digits, product `P` + 3 digits, order `O-YYYYMMDD-NNNNNN`.

@Suite("Customer id C + 6 digits")
struct CustomerIDTests {
    @Test(
        "A customer id is C and six digits, trimmed and upper-cased",
        arguments: [
            ("C000001", "C000001"),
            ("C123456", "C123456"),
            ("C999999", "C999999"),
            ("c000123", "C000123"),
            (" C000123 ", "C000123"),
            ("\tC000042\n", "C000042"),
            ("\u{3000}C000042\u{3000}", "C000042"),  // full-width space
        ])
    func accepts(text: String, canonical: String) throws {
        let id = try CustomerID(text)
        #expect(id.rawValue == canonical)
        #expect(id.description == canonical)
    }

    @Test(
        "Anything else is refused with the text typed",
        arguments: [
            "", "C", "C12345", "C1234567", "D123456", "0123456", "1234567", "C12345A", "C-12345", "C 12345",
            "CC12345", "C12345.", "Ｃ123456", "C１２３４５６", "C000001 x",
        ])
    func rejects(text: String) {
        #expect(throws: ValidationError.customerID(text)) { try CustomerID(text) }
    }

    @Test(
        "The sequence number and the id convert both ways",
        arguments: [(1, "C000001"), (123, "C000123"), (50_000, "C050000"), (999_999, "C999999")])
    func number(number: Int, text: String) throws {
        #expect(CustomerID(number: number).rawValue == text)
        #expect(try CustomerID(text).number == number)
        #expect(try CustomerID(text) == CustomerID(number: number))
    }

    @Test("Ids sort by their sequence")
    func ordering() {
        let ids = [CustomerID(number: 100), CustomerID(number: 2), CustomerID(number: 10)]
        #expect(ids.sorted() == [CustomerID(number: 2), CustomerID(number: 10), CustomerID(number: 100)])
    }

    @Test("Decoding checks the format")
    func decoding() throws {
        let ids = try JSONDecoder().decode([CustomerID].self, from: Data(#"["c000007"]"#.utf8))
        #expect(ids == [CustomerID(number: 7)])
        #expect(throws: (any Error).self) {
            try JSONDecoder().decode([CustomerID].self, from: Data(#"["X1"]"#.utf8))
        }
        let encoded = try JSONEncoder().encode([CustomerID(number: 7)])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["C000007"]"#)
    }
}

@Suite("Product code P + 3 digits")
struct ProductCodeTests {
    @Test(
        "A product code is P and three digits, trimmed and upper-cased",
        arguments: [("P001", "P001"), ("P999", "P999"), ("p050", "P050"), (" P123 ", "P123")])
    func accepts(text: String, canonical: String) throws {
        #expect(try ProductCode(text).rawValue == canonical)
    }

    @Test(
        "Anything else is refused",
        arguments: ["", "P", "P01", "P0001", "Q001", "P00A", "001", "P-01", "P 01", "Ｐ001", "P００1"])
    func rejects(text: String) {
        #expect(throws: ValidationError.productCode(text)) { try ProductCode(text) }
    }

    @Test("Codes sort by number")
    func ordering() throws {
        let codes = try ["P010", "P002", "P001"].map(productCode)
        #expect(codes.sorted().map(\.rawValue) == ["P001", "P002", "P010"])
    }
}

@Suite("Order number O-YYYYMMDD-NNNNNN")
struct OrderNumberTests {
    @Test(
        "An order number is O, a real date and a six-digit sequence",
        arguments: [
            ("O-20240125-000123", "O-20240125-000123"),
            ("o-20240125-000001", "O-20240125-000001"),
            (" O-20240229-999999 ", "O-20240229-999999"),
            ("O-20261121-000000", "O-20261121-000000"),
        ])
    func accepts(text: String, canonical: String) throws {
        #expect(try OrderNumber(text).rawValue == canonical)
    }

    @Test(
        "Wrong shapes and impossible dates are refused",
        arguments: [
            "",
            "O-20240125",
            "O-20240230-000001",  // 30 February
            "O-20230229-000001",  // 2023 is not a leap year
            "O-20241301-000001",  // month 13
            "O-2024125-000001",  // 7-digit date
            "O-2024012A-000001",
            "O-20240125-00001",  // 5-digit sequence
            "O-20240125-0000001",  // 7-digit sequence
            "O-20240125-00012A",
            "X-20240125-000001",
            "O20240125000001",
            "O--000001",
            "O-20240125-000123-1",
            "O-20240125--000123",
        ])
    func rejects(text: String) {
        #expect(throws: ValidationError.orderNumber(text)) { try OrderNumber(text) }
    }

    @Test(
        "The number of the n-th order of a day is zero-padded and parses back",
        arguments: [
            ("2024-01-25", 123, "O-20240125-000123"),
            ("2026-11-21", 1, "O-20261121-000001"),
            ("2026-12-31", 999_999, "O-20261231-999999"),
        ])
    func sequence(date: String, sequence: Int, text: String) throws {
        let number = OrderNumber(day: try day(date), sequence: sequence)
        #expect(number.rawValue == text)
        #expect(try OrderNumber(text) == number)
    }

    @Test("Order numbers sort by day, then by sequence")
    func ordering() throws {
        let first = OrderNumber(day: try day("2024-01-25"), sequence: 2)
        let second = OrderNumber(day: try day("2024-01-25"), sequence: 10)
        let third = OrderNumber(day: try day("2024-01-26"), sequence: 1)
        #expect([third, second, first].sorted() == [first, second, third])
    }
}

@Suite("ASCII digits in identifiers")
struct ASCIIDigitTests {
    @Test("Only 0-9 count as ASCII digits and asciiDigits keeps only them")
    func asciiDigits() {
        #expect("0912-345-678".asciiDigits == "0912345678")
        #expect("(02) 2700 1234".asciiDigits == "0227001234")
        #expect("１２３".asciiDigits.isEmpty)
        let digits = Array("0123456789").filter(\.isASCIIDigit)
        let others = Array("a/:١٢３").filter(\.isASCIIDigit)
        #expect(digits.count == 10)
        #expect(others.isEmpty)
    }

    @Test(
        "Text is trimmed of ASCII and full-width spaces only at its ends",
        arguments: [
            (" C000001 ", "C000001"), ("\tC000001\n", "C000001"), ("\rC000001\r", "C000001"),
            ("\u{3000}C000001\u{3000}", "C000001"), ("a b", "a b"), (" \u{3000}\t ", ""),
        ])
    func trimming(text: String, trimmed: String) {
        #expect(text.trimmingSpaces == trimmed)
    }

    // "\r\n" is one Character (a single grapheme cluster), equal neither to "\r" nor to "\n", so a
    // Windows line ending pasted or imported with an id survives the trim and the id is refused.
    @Test(
        "A trailing Windows line ending is trimmed like any other space", )
    func windowsLineEnding() throws {
        #expect("C000001\r\n".trimmingSpaces == "C000001")
        #expect(try CustomerID("C000001\r\n").rawValue == "C000001")
        #expect(try PhoneNumber("0912-345-678\r\n").digits == "0912345678")
    }

    // Character("1\u{0301}") (a digit with a combining accent) sorts between "0" and "9", so the
    // closed-range check `("0"..."9").contains(self)` says yes. Every "digits only" rule then lets it in.
    @Test(
        "A digit carrying a combining mark is not an ASCII digit", )
    func combiningMark() {
        let digitWithAccent: Character = "1\u{0301}"
        #expect(!digitWithAccent.isASCIIDigit)
        #expect(throws: ValidationError.self) { try CustomerID("C00000" + "1\u{0301}") }
        #expect(throws: ValidationError.self) { try ProductCode("P00" + "1\u{0301}") }
        #expect(throws: ValidationError.self) { try InvoiceCarrier.donationCode("12" + "3\u{0301}") }
    }
}
