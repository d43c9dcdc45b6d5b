import Foundation
import LuckyGasCore
import Testing

@testable import LuckyGasFormats

@Suite("E-invoice number allocation import")
struct TrackAllocationImportTests {
    static let first = TrackAllocation(
        sellerUBN: "04595257", invoiceType: "07", period: "11512", track: "AB", begin: 12_345_600, end: 12_345_999)
    static let second = TrackAllocation(
        sellerUBN: "04595257", invoiceType: "07", period: "11512", track: "AC", begin: 250, end: 299)

    @Test func bookletsCountFiftyNumbersEach() {
        #expect(Self.first.booklets == 8)
        #expect(Self.second.booklets == 1)
    }

    @Test func readsAUTF8CSVWithBOMHeaderAndPeriodVariants() throws {
        let csv =
            "\u{FEFF}統一編號,發票類別,備註,期別,字軌,起號,迄號\r\n"
            + "04595257,07,一般,115/11 ~ 115/12,AB,12345600,12345999\r\n"
            + "\r\n"
            + "\"04595257\",\"07\",,11511~11512,AC,=\"00000250\",00000299\r\n"
        #expect(try TrackAllocationImport.parse(Data(csv.utf8)) == [Self.first, Self.second])
    }

    @Test func readsABig5CSV() throws {
        // 統一編號,發票類別,備註,期別,字軌,起號,迄號 in Big5, then a row whose note is 許功蓋 (trail bytes 0x5C).
        let header: [UInt8] = [
            0xB2, 0xCE, 0xA4, 0x40, 0xBD, 0x73, 0xB8, 0xB9, 0x2C, 0xB5, 0x6F, 0xB2, 0xBC, 0xC3, 0xFE, 0xA7, 0x4F, 0x2C,
            0xB3, 0xC6, 0xB5, 0xF9, 0x2C, 0xB4, 0xC1, 0xA7, 0x4F, 0x2C, 0xA6, 0x72, 0xAD, 0x79, 0x2C, 0xB0, 0x5F, 0xB8,
            0xB9, 0x2C, 0xA8, 0xB4, 0xB8, 0xB9, 0x0D, 0x0A,
        ]
        let row =
            Array("04595257,07,".utf8) + [0xB3, 0x5C, 0xA5, 0x5C, 0xBB, 0x5C]
            + Array(",115/11 ~ 115/12,AB,12345600,12345999\r\n".utf8)
        #expect(try TrackAllocationImport.parse(Data(header + row)) == [Self.first])
    }

    @Test func readsUndecodableBytesLeniently() throws {
        let row = Array("04595257,07,".utf8) + [0xFF, 0xFE, 0x81] + Array(",115/11~115/12,AB,12345600,12345999".utf8)
        #expect(try TrackAllocationImport.parse(Data(row)) == [Self.first])
    }

    @Test func readsAnE0501Envelope() throws {
        let xml = """
              <?xml version="1.0" encoding="UTF-8"?>
            <InvoiceEnvelope xmlns="urn:GEINV:InvoiceEnvelope:4.0">
              <From><PartyId>04595257</PartyId></From>
              <FromVAC><RoutingId>0000000000</RoutingId></FromVAC>
              <To><PartyId>04595257</PartyId></To>
              <ToVAC><RoutingId>04595257</RoutingId></ToVAC>
              <InvoicePack messageType="E0501" count="2" version="4.1">
                <e:InvoiceAssignNo xmlns:e="urn:GEINV:eInvoiceMessage:E0501:4.1">
                  <e:Ban>04595257</e:Ban>
                  <e:InvoiceType>07</e:InvoiceType>
                  <e:YearMonth>11512</e:YearMonth>
                  <e:InvoiceTrack>AB</e:InvoiceTrack>
                  <e:InvoiceBeginNo> 12345600 </e:InvoiceBeginNo>
                  <e:InvoiceEndNo>12345999</e:InvoiceEndNo>
                  <e:InvoiceBooklet>8</e:InvoiceBooklet>
                </e:InvoiceAssignNo>
                <InvoiceAssignNo xmlns="urn:GEINV:eInvoiceMessage:E0501:4.1">
                  <Ban>04595257</Ban><InvoiceType>07</InvoiceType><YearMonth>11512</YearMonth>
                  <InvoiceTrack>AC</InvoiceTrack><InvoiceBeginNo>00000250</InvoiceBeginNo>
                  <InvoiceEndNo>00000299</InvoiceEndNo>
                </InvoiceAssignNo>
              </InvoicePack>
            </InvoiceEnvelope>
            """
        #expect(try TrackAllocationImport.parse(Data(xml.utf8)) == [Self.first, Self.second])
    }

    @Test func readsABareInvoiceAssignNo() throws {
        let xml = """
            <InvoiceAssignNo><Ban>04595257</Ban><InvoiceType>07</InvoiceType><YearMonth>11512</YearMonth>
            <InvoiceTrack>AB</InvoiceTrack><InvoiceBeginNo>12345600</InvoiceBeginNo>
            <InvoiceEndNo>12345999</InvoiceEndNo><InvoiceBooklet>8</InvoiceBooklet></InvoiceAssignNo>
            """
        #expect(try TrackAllocationImport.parse(Data(xml.utf8)) == [Self.first])
    }

    static let good = "04595257,07,,115/11 ~ 115/12,AB,12345600,12345999"

    /// Each bad row goes on line 3, after a header and a good row.
    static let csvRejections: [(String, TrackImportError)] = [
        ("0459525,07,,115/11 ~ 115/12,AB,12345600,12345999", .invalidUBN(.line(3), "0459525")),
        ("04595257,09,,115/11 ~ 115/12,AB,12345600,12345999", .invalidInvoiceType(.line(3), "09")),
        ("04595257,07,,115/10 ~ 115/11,AB,12345600,12345999", .invalidPeriod(.line(3), "115/10 ~ 115/11")),
        ("04595257,07,,115/11 ~ 116/12,AB,12345600,12345999", .invalidPeriod(.line(3), "115/11 ~ 116/12")),
        ("04595257,07,,115/11 ~ 115/13,AB,12345600,12345999", .invalidPeriod(.line(3), "115/11 ~ 115/13")),
        ("04595257,07,,11511,AB,12345600,12345999", .invalidPeriod(.line(3), "11511")),
        ("04595257,07,,115/11 ~ 115/12,Ab,12345600,12345999", .invalidTrack(.line(3), "Ab")),
        ("04595257,07,,115/11 ~ 115/12,AB,1234560,12345999", .invalidNumber(.line(3), .begin, "1234560")),
        ("04595257,07,,115/11 ~ 115/12,AB,12345600,1234599X", .invalidNumber(.line(3), .end, "1234599X")),
        ("04595257,07,,115/11 ~ 115/12,AB,12345601,12345999", .beginSuffix(.line(3), "12345601")),
        ("04595257,07,,115/11 ~ 115/12,AB,12345600,12345998", .endSuffix(.line(3), "12345998")),
        (
            "04595257,07,,115/11 ~ 115/12,AB,12345650,12345599",
            .endBeforeBegin(.line(3), begin: "12345650", end: "12345599")
        ),
        ("04595257,07,,115/11 ~ 115/12,AB", .missingColumns(line: 3, found: 5)),
    ]

    @Test(arguments: csvRejections)
    func aBadCSVRowIsRefusedWithItsLine(row: String, expected: TrackImportError) {
        let csv = "統一編號,發票類別,備註,期別,字軌,起號,迄號\n\(Self.good)\n\(row)\n"
        #expect(throws: expected) { try TrackAllocationImport.parse(Data(csv.utf8)) }
        #expect(expected.operatorMessage.zh.hasPrefix("第 3 行："))
        #expect(expected.operatorMessage.en.hasPrefix("line 3: "))
    }

    @Test func theBeginSuffixMessageNamesLineAndNumber() {
        let message = TrackImportError.beginSuffix(.line(3), "12345601").operatorMessage
        #expect(message.zh == "第 3 行：起號 12345601 須為 00 或 50 結尾")
        #expect(message.en == "line 3: begin number 12345601 must end in 00 or 50")
    }

    @Test func aMistypedUBNOnTheFirstLineIsNotTakenForAHeader() {
        #expect(throws: TrackImportError.invalidUBN(.line(1), "0459525A")) {
            try TrackAllocationImport.parse(Data("0459525A,07,,115/11 ~ 115/12,AB,12345600,12345999\n".utf8))
        }
    }

    static func assignNo(booklet: String = "8", yearMonth: String = "11512", dropping: String? = nil) -> String {
        let fields = [
            ("Ban", "04595257"), ("InvoiceType", "07"), ("YearMonth", yearMonth), ("InvoiceTrack", "AB"),
            ("InvoiceBeginNo", "12345600"), ("InvoiceEndNo", "12345999"), ("InvoiceBooklet", booklet),
        ]
        let body = fields.filter { $0.0 != dropping }.map { "<\($0.0)>\($0.1)</\($0.0)>" }.joined()
        return "<InvoiceAssignNo>\(body)</InvoiceAssignNo>"
    }

    static func envelope(_ second: String) -> Data {
        Data("<InvoiceEnvelope><InvoicePack>\(assignNo())\(second)</InvoicePack></InvoiceEnvelope>".utf8)
    }

    @Test func xmlRejectionsNameTheElement() {
        #expect(throws: TrackImportError.bookletMismatch(.element(2), stated: 7, computed: 8)) {
            try TrackAllocationImport.parse(Self.envelope(Self.assignNo(booklet: "7")))
        }
        #expect(throws: TrackImportError.invalidBooklet(.element(2), "eight")) {
            try TrackAllocationImport.parse(Self.envelope(Self.assignNo(booklet: "eight")))
        }
        #expect(throws: TrackImportError.invalidPeriod(.element(2), "11511")) {
            try TrackAllocationImport.parse(Self.envelope(Self.assignNo(yearMonth: "11511")))
        }
        #expect(throws: TrackImportError.missingElement(.element(2), name: "InvoiceTrack")) {
            try TrackAllocationImport.parse(Self.envelope(Self.assignNo(dropping: "InvoiceTrack")))
        }
        let message = TrackImportError.bookletMismatch(.element(2), stated: 7, computed: 8).operatorMessage
        #expect(message.zh.hasPrefix("第 2 筆配號"))
        #expect(message.en.hasPrefix("InvoiceAssignNo 2: "))
    }

    @Test func otherDocumentsAreRefused() {
        #expect(throws: TrackImportError.unexpectedRoot("SummaryResult")) {
            try TrackAllocationImport.parse(Data("<SummaryResult/>".utf8))
        }
        #expect {
            try TrackAllocationImport.parse(Data("<InvoiceEnvelope><InvoicePack>".utf8))
        } throws: { error in
            guard case .malformedXML = error as? TrackImportError else { return false }
            return true
        }
        #expect(throws: TrackImportError.noAllocations) {
            try TrackAllocationImport.parse(Data("<InvoiceEnvelope><InvoicePack/></InvoiceEnvelope>".utf8))
        }
        #expect(throws: TrackImportError.noAllocations) {
            try TrackAllocationImport.parse(Data("統一編號,發票類別\r\n\r\n".utf8))
        }
        #expect(throws: TrackImportError.noAllocations) { try TrackAllocationImport.parse(Data()) }
    }
}
