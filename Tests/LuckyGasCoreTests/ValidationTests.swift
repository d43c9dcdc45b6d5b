import Foundation
import LuckyGasCore
import Testing

// DOMAIN.md "Customers": UBN checksum (2023 rule), phones, e-invoice carriers, addresses.

@Suite("Unified business number (統一編號), 2023 checksum")
struct TaxIDTests {
    // Weights 1,2,1,2,1,2,4,1; S = sum of the digits of each product.
    @Test(
        "Numbers whose checksum passes are accepted",
        arguments: [
            "95753514",  // products 9,10,7,10,3,10,4,4 -> S = 30
            "04595257",  // 0,8,5,18,5,4,20,7 -> S = 40
            "22099131",  // S = 30
            "12345671",  // S = 35: valid by % 5, refused by the old % 10 rule
            "10458574",  // 7th digit 7 (28 -> 10): S = 29, only (S + 1) % 5 == 0
            "12345670",  // 7th digit 7: S = 34, only (S + 1) % 5 == 0
            "12345675",  // 7th digit 7: S = 39, only (S + 1) % 5 == 0
        ])
    func accepts(text: String) throws {
        #expect(TaxID.isValid(text))
        #expect(try TaxID(text).rawValue == text)
    }

    @Test(
        "Wrong length, non-digits and failing checksums are refused",
        arguments: [
            "",
            "9575351",  // 7 digits
            "957535140",  // 9 digits
            "9575351A",
            "ABCDEFGH",
            "9575-3514",
            "9575 3514",
            "９５７５３５１４",  // full-width digits
            "95753515",  // S = 31
            "04595258",  // S = 41
            "12345678",  // S = 42
            "12345672",  // 7th digit 7 but S = 36: neither rule
            "12345680",  // S = 29 would pass with + 1, but the 7th digit is 8, not 7
        ])
    func rejects(text: String) {
        #expect(!TaxID.isValid(text))
        #expect(throws: ValidationError.taxID(text)) { try TaxID(text) }
    }

    @Test("Spaces around a UBN are trimmed")
    func trims() throws {
        #expect(try TaxID(" 95753514 ").rawValue == "95753514")
    }

    @Test("The B2C buyer identifier is ten zeros")
    func consumerBuyer() {
        #expect(TaxID.consumerBuyerIdentifier == "0000000000")
    }
}

/// A phone that parses: input, digits, kind, display.
struct PhoneCase: Sendable, CustomTestStringConvertible {
    var input: String
    var digits: String
    var kind: PhoneNumber.Kind
    var display: String
    var testDescription: String { input }
}

private let phoneCases: [PhoneCase] = [
    PhoneCase(input: "0912-345-678", digits: "0912345678", kind: .mobile, display: "0912-345-678"),
    PhoneCase(input: "0912345678", digits: "0912345678", kind: .mobile, display: "0912-345-678"),
    PhoneCase(input: "0912 345 678", digits: "0912345678", kind: .mobile, display: "0912-345-678"),
    PhoneCase(input: " 0988-000-111 ", digits: "0988000111", kind: .mobile, display: "0988-000-111"),
    PhoneCase(input: "+886912345678", digits: "0912345678", kind: .mobile, display: "0912-345-678"),
    PhoneCase(input: "+886 912-345-678", digits: "0912345678", kind: .mobile, display: "0912-345-678"),
    PhoneCase(input: "02-2700-1234", digits: "0227001234", kind: .landline, display: "02-2700-1234"),
    PhoneCase(input: "(02) 2700-1234", digits: "0227001234", kind: .landline, display: "02-2700-1234"),
    PhoneCase(input: "0227001234", digits: "0227001234", kind: .landline, display: "02-2700-1234"),
    PhoneCase(input: "+886-2-2700-1234", digits: "0227001234", kind: .landline, display: "02-2700-1234"),
    PhoneCase(input: "04-2345-6789", digits: "0423456789", kind: .landline, display: "04-2345-6789"),
    PhoneCase(input: "07-123-4567", digits: "071234567", kind: .landline, display: "07-123-4567"),
    PhoneCase(input: "03-3345678", digits: "033345678", kind: .landline, display: "03-334-5678"),
    PhoneCase(input: "08-7234567", digits: "087234567", kind: .landline, display: "08-723-4567"),  // Pingtung: 08
    // Three-digit area codes: a six-digit subscriber number shows as 3-3, a seven-digit one as 3-4.
    PhoneCase(input: "037-123456", digits: "037123456", kind: .landline, display: "037-123-456"),  // Miaoli
    PhoneCase(input: "049-2345678", digits: "0492345678", kind: .landline, display: "049-234-5678"),  // Nantou
    PhoneCase(input: "089-345678", digits: "089345678", kind: .landline, display: "089-345-678"),  // Taitung
    PhoneCase(input: "082-312345", digits: "082312345", kind: .landline, display: "082-312-345"),  // Kinmen
    // Four-digit area code of Matsu with its five-digit subscriber number.
    PhoneCase(input: "0836-22345", digits: "083622345", kind: .landline, display: "0836-22345"),
]

@Suite("Taiwanese phone numbers")
struct PhoneNumberTests {
    @Test("Mobiles and landlines keep their digits and show with dashes", arguments: phoneCases)
    func parses(phone: PhoneCase) throws {
        let number = try PhoneNumber(phone.input)
        #expect(number.digits == phone.digits)
        #expect(number.kind == phone.kind)
        #expect(number.display == phone.display)
        #expect(number.description == phone.display)
    }

    @Test(
        "Malformed numbers are refused",
        arguments: [
            "", "   ", "12345678", "0812",
            "091234567",  // mobile with 9 digits
            "09123456789",  // mobile with 11 digits
            "0112345678",  // no area code starts 01
            "0012345678",
            "02-270-012",  // 8 digits
            "02-2700-12345",  // 11 digits
            "0912-abc-678", "0912.345.678", "0912/345/678", "0912-345-678#1",
            "+85212345678",  // not Taiwan
            "+886",
            "+8860912345678",  // +886 followed by the trunk 0
            "０９１２３４５６７８",  // full-width digits
        ])
    func rejects(text: String) {
        #expect(throws: ValidationError.phone(text)) { try PhoneNumber(text) }
    }

    @Test("A number is stored as its digits and read back from any written form")
    func coding() throws {
        let encoded = try JSONEncoder().encode([try PhoneNumber("0912-345-678")])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["0912345678"]"#)
        let decoded = try JSONDecoder().decode([PhoneNumber].self, from: Data(#"["02-2700-1234"]"#.utf8))
        #expect(decoded.map(\.digits) == ["0227001234"])
    }
}

@Suite("E-invoice carriers and donation codes")
struct InvoiceCarrierTests {
    @Test(
        "A mobile barcode is / and seven of 0-9 A-Z . + -",
        arguments: [
            ("/ABC+123", "/ABC+123"), ("/1234567", "/1234567"), ("/A.B-C+D", "/A.B-C+D"), ("/-------", "/-------"),
            ("/ZZZZZZZ", "/ZZZZZZZ"), (" /ABC+123 ", "/ABC+123"),
        ])
    func mobileBarcode(text: String, value: String) throws {
        #expect(try InvoiceCarrier.mobileBarcode(text) == value)
    }

    @Test(
        "Lower-case, wrong length or characters outside the alphabet are refused",
        arguments: [
            "/abc+123", "/Abc+123",  // lower case
            "/ABC+12", "/", "",  // too short
            "/ABC+1234",  // too long
            "ABC+1234",  // no slash
            "/ABC*123", "/ABC 123", "/ABC_123", "//ABC123", "/ＡＢＣ+123",
        ])
    func mobileBarcodeRejects(text: String) {
        #expect(throws: ValidationError.mobileBarcode(text)) { try InvoiceCarrier.mobileBarcode(text) }
    }

    @Test(
        "A citizen certificate is two capital letters and fourteen digits",
        arguments: [
            ("AB12345678901234", "AB12345678901234"), ("ZZ00000000000000", "ZZ00000000000000"),
            (" TP12345678901234 ", "TP12345678901234"),
        ])
    func citizenCertificate(text: String, value: String) throws {
        #expect(try InvoiceCarrier.citizenCertificate(text) == value)
    }

    @Test(
        "Citizen certificates of the wrong shape are refused",
        arguments: [
            "ab12345678901234", "Ab12345678901234",  // lower case
            "A123456789012345",  // one letter
            "ABC1234567890123",  // three letters
            "AB1234567890123",  // 13 digits
            "AB123456789012345",  // 15 digits
            "AB1234567890123X", "1212345678901234", "ＡＢ12345678901234", "",
        ])
    func citizenCertificateRejects(text: String) {
        #expect(throws: ValidationError.citizenCertificate(text)) { try InvoiceCarrier.citizenCertificate(text) }
    }

    @Test(
        "A donation code is three to seven digits",
        arguments: [("123", "123"), ("000", "000"), ("8585", "8585"), ("1234567", "1234567"), (" 919 ", "919")])
    func donation(text: String, value: String) throws {
        #expect(try InvoiceCarrier.donationCode(text) == value)
    }

    @Test(
        "Donation codes outside 3-7 digits are refused",
        arguments: ["", "12", "12345678", "12a4", "-123", "12 34", "１２３"])
    func donationRejects(text: String) {
        #expect(throws: ValidationError.donationCode(text)) { try InvoiceCarrier.donationCode(text) }
    }
}

@Suite("E-invoice preference")
struct InvoicePreferenceTests {
    @Test(
        "A preference is rebuilt from its stored kind and value",
        arguments: [
            ("B2B", "", InvoicePreference.b2b),
            ("b2c", "", .printed),
            ("PRINTED", "", .printed),
            ("mobile", "/ABC+123", .mobileBarcode("/ABC+123")),
            ("MOBILE_BARCODE", " /ABC+123 ", .mobileBarcode("/ABC+123")),
            ("citizen", "AB12345678901234", .citizenCertificate("AB12345678901234")),
            ("CITIZEN_CERTIFICATE", "AB12345678901234", .citizenCertificate("AB12345678901234")),
            ("donation", "8585", .donation("8585")),
        ])
    func parses(kind: String, value: String, expected: InvoicePreference) throws {
        #expect(try InvoicePreference(kind: kind, value: value) == expected)
    }

    @Test(
        "A preference survives its kind and value",
        arguments: [
            InvoicePreference.b2b, .printed, .mobileBarcode("/ABC+123"), .citizenCertificate("AB12345678901234"),
            .donation("8585"),
        ])
    func roundTrip(preference: InvoicePreference) throws {
        #expect(try InvoicePreference(kind: preference.kind, value: preference.value) == preference)
    }

    @Test("A carrier value is checked and an unknown kind names the choices")
    func rejects() {
        #expect(throws: ValidationError.mobileBarcode("/abc+123")) {
            try InvoicePreference(kind: "mobile", value: "/abc+123")
        }
        #expect(throws: ValidationError.donationCode("12")) { try InvoicePreference(kind: "donation", value: "12") }
        #expect(
            throws: ValidationError.unknownValue(
                field: "e-invoice", value: "fax",
                allowed: ["b2b", "printed", "mobile_barcode", "citizen_certificate", "donation"])
        ) { try InvoicePreference(kind: "fax", value: "") }
    }

    @Test("The summary names the kind and the carrier")
    func summary() {
        #expect(InvoicePreference.b2b.summary == "B2B")
        #expect(InvoicePreference.mobileBarcode("/ABC+123").summary == "B2C 手機條碼 /ABC+123")
        #expect(InvoicePreference.donation("8585").summary == "B2C 捐贈 8585")
        #expect(InvoicePreference.printed.value.isEmpty)
    }
}

@Suite("Addresses")
struct AddressTests {
    @Test(
        "Postal codes have 3, 5 or 6 digits", arguments: [("110", "110"), ("11049", "11049"), (" 110049 ", "110049")])
    func postalCode(text: String, value: String) throws {
        let address = try Address(text: " 台北市信義區信義路五段7號 ", postalCode: text, zone: .north)
        #expect(address.postalCode == value)
        #expect(address.text == "台北市信義區信義路五段7號")
    }

    @Test("Other postal codes are refused", arguments: ["", "11", "1104", "1104901", "11O", "１１０"])
    func postalCodeRejects(text: String) {
        #expect(throws: ValidationError.postalCode(text)) {
            try Address(text: "台北市信義區信義路五段7號", postalCode: text, zone: .north)
        }
    }

    @Test("An address needs its text")
    func needsText() {
        #expect(throws: ValidationError.empty(field: "地址 address")) {
            try Address(text: " \u{3000}", postalCode: "110", zone: .north)
        }
    }

    @Test(
        "Coordinates inside Taiwan and its islands are accepted",
        arguments: [
            (25.0340, 121.5645),  // Taipei 101
            (24.4326, 118.3171),  // Kinmen
            (26.1597, 119.9519),  // Matsu, Nangan
            (22.0440, 121.5480),  // Orchid Island
            (23.5711, 119.5793),  // Penghu
        ])
    func coordinate(latitude: Double, longitude: Double) throws {
        let point = try Coordinate(latitude: latitude, longitude: longitude)
        #expect(point.latitude == latitude)
        #expect(point.longitude == longitude)
    }

    @Test(
        "Coordinates outside Taiwan are refused",
        arguments: [(35.6812, 139.7671), (14.5995, 120.9842), (0.0, 0.0), (121.5, 25.0)])
    func coordinateRejects(latitude: Double, longitude: Double) {
        #expect(throws: ValidationError.coordinate(latitude: latitude, longitude: longitude)) {
            try Coordinate(latitude: latitude, longitude: longitude)
        }
    }
}

@Suite("Customer cross-field rules")
struct CustomerTests {
    private func make(
        name: String = "王小明", phones: [String] = ["0912-345-678"], taxID: String? = nil,
        terms: PaymentTerms = .cod, creditLimit: Money = .zero, addresses: Int = 1,
        preference: InvoicePreference? = nil
    ) throws -> Customer {
        let address = try Address(text: "台北市信義區信義路五段7號", postalCode: "110", zone: .north)
        return try Customer(
            name: name, type: .residential, phones: try phones.map { try PhoneNumber($0) },
            taxID: try taxID.map { try TaxID($0) }, terms: terms, creditLimit: creditLimit,
            addresses: Array(repeating: address, count: addresses), invoicePreference: preference)
    }

    @Test("A complete customer is accepted with a printed proof by default")
    func valid() throws {
        let customer = try make()
        #expect(customer.invoicePreference == .printed)
        #expect(customer.primaryPhone?.display == "0912-345-678")
        #expect(customer.status == .active)
    }

    @Test("A customer with a UBN gets B2B invoices by default")
    func b2bDefault() throws {
        let customer = try make(taxID: "95753514", terms: .net30, creditLimit: 50_000)
        #expect(customer.invoicePreference == .b2b)
        #expect(customer.taxID?.rawValue == "95753514")
    }

    @Test("Missing name, phone or address, B2B without UBN and a negative limit are refused")
    func rejects() {
        #expect(throws: ValidationError.empty(field: "客戶名稱 name")) { try make(name: " \u{3000} ") }
        #expect(throws: ValidationError.empty(field: "電話 phone")) { try make(phones: []) }
        #expect(throws: ValidationError.empty(field: "地址 address")) { try make(addresses: 0) }
        #expect(throws: ValidationError.buyerNeedsTaxID) { try make(preference: .b2b) }
        #expect(throws: ValidationError.notPositive(field: "信用額度 credit limit", value: -1)) {
            try make(terms: .net30, creditLimit: -1)
        }
    }

    @Test("The default delivery address wins, then any delivery address, then the first")
    func defaultAddress() throws {
        let billing = try Address(kind: .billing, text: "帳單地址", postalCode: "110", zone: .north, isDefault: true)
        let other = try Address(text: "倉庫", postalCode: "100", zone: .north, isDefault: false)
        let main = try Address(text: "門市", postalCode: "106", zone: .north, isDefault: true)
        let phone = try PhoneNumber("02-2700-1234")
        func customer(_ addresses: [Address]) throws -> Customer {
            try Customer(name: "幸福小吃", type: .commercial, phones: [phone], terms: .cod, addresses: addresses)
        }
        #expect(try customer([billing, other, main]).defaultAddress == main)
        #expect(try customer([billing, other]).defaultAddress == other)
        #expect(try customer([billing]).defaultAddress == billing)
    }

    @Test(
        "Choices parse case-insensitively",
        arguments: [
            ("residential", CustomerType.residential), (" Commercial ", .commercial), ("INDUSTRIAL", .industrial),
        ]
    )
    func customerType(text: String, expected: CustomerType) throws {
        let parsed: CustomerType = try parseChoice(text, field: "type")
        #expect(parsed == expected)
    }

    @Test("Other choices parse the same way and an unknown one lists the allowed values")
    func choices() throws {
        let status: CustomerStatus = try parseChoice("closed", field: "status")
        let zone: Zone = try parseChoice("Remote", field: "zone")
        let terms: PaymentTerms = try parseChoice("net30", field: "terms")
        #expect(status == .closed)
        #expect(zone == .remote)
        #expect(terms == .net30)
        #expect(
            throws: ValidationError.unknownValue(
                field: "type", value: "vip", allowed: ["residential", "commercial", "industrial"])
        ) {
            let _: CustomerType = try parseChoice("vip", field: "type")
        }
    }
}
