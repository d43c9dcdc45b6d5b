import Foundation
import LuckyGasCore
import LuckyGasTestSupport
import Testing

@testable import LuckyGasFormats

/// Every message kind validates against the official XSDs (xmllint), with the cases the issue names:
/// B2B, B2C printed, carrier, donation.
struct MIGWriterTests {
    static let seller = MIGSeller(ubn: "83235679", name: "幸福氣體有限公司", address: "台北市信義區松仁路 100 號")
    static let moment = LocalDateTime(unixSeconds: 1_795_759_509)  // 2026-11-21 14:05:09 in Taipei

    static func draft(_ buyer: InvoiceBuyer) throws -> InvoiceDraft {
        let quote = Quote(
            lines: [
                QuoteLine(
                    product: try ProductCode("P001"), name: "20kg 瓦斯桶", quantity: 10, unitPrice: 850,
                    isSpecialPrice: false, gross: 8500, discount: 170, net: 8330),
                QuoteLine(
                    product: try ProductCode("P010"), name: "調整器 <A&B>", quantity: 1, unitPrice: 350,
                    isSpecialPrice: false, gross: 350, discount: 0, net: 350),
            ], cylinders: 10, discountPercent: 2, goodsGross: 8850, discount: 170, goodsNet: 8680, deliveryFee: 0,
            feeFactorPermille: 1000, freeDelivery: true, net: 8680, tax: 434, total: 9114, depositAtRisk: 15000)
        return try InvoiceDraft.delivered(
            order: quote, delivered: [try ProductCode("P001"): 9], products: [:], buyer: buyer)
    }

    static let buyers: [(String, InvoiceBuyer)] = [
        ("B2B", InvoiceBuyer(name: "王大明商行", delivery: .business(ubn: "95753514"))),
        ("B2C printed", InvoiceBuyer(name: "0000", delivery: .printed)),
        ("B2C mobile barcode", InvoiceBuyer(name: "0000", delivery: .mobileBarcode("/ABC+123"))),
        ("B2C citizen certificate", InvoiceBuyer(name: "0000", delivery: .citizenCertificate("AB12345678901234"))),
        ("B2C donation", InvoiceBuyer(name: "0000", delivery: .donation("5299"))),
    ]

    @Test("F0401 validates for B2B, printed, carriers and donation", arguments: 0..<5)
    func invoiceValidates(index: Int) throws {
        let (label, buyer) = Self.buyers[index]
        let xml = MIGWriter.invoice(
            number: try InvoiceNumber("AB12345678"), issuedAt: Self.moment, seller: Self.seller,
            draft: try Self.draft(buyer), randomNumber: "0427", relateNumber: "O-20261121-000001")
        let outcome = try ExternalCheck.validateMIG(xml, messageType: "F0401")
        #expect(outcome.status == 0, "\(label): \(outcome.output)")
        #expect(xml.contains("<InvoiceTime>14:05:09</InvoiceTime>"))
        #expect(xml.contains("調整器 &lt;A&amp;B&gt;"))
    }

    @Test func amountsFollowTheBuyerKind() throws {
        let b2b = try Self.draft(Self.buyers[0].1)
        let b2c = try Self.draft(Self.buyers[1].1)
        // 9 x 850 = 7,650, discount 2 % = 153, accessory 350: net 7,847, tax 392, total 8,239.
        #expect(b2b.split == TaxSplit(net: 7847, tax: 392))
        #expect(b2b.salesAmount == 7847 && b2b.taxAmount == 392)
        #expect(b2c.salesAmount == 8239 && b2c.taxAmount == 0)
        #expect(b2c.lines.map(\.amount).sum() == 8239)
        #expect(b2c.lines.map(\.net).sum() == 7847)
        let xml = MIGWriter.invoice(
            number: try InvoiceNumber("AB12345678"), issuedAt: Self.moment, seller: Self.seller, draft: b2c,
            randomNumber: "0427")
        #expect(xml.contains("<SalesAmount>8239</SalesAmount>"))
        #expect(xml.contains("<TaxAmount>0</TaxAmount>"))
        #expect(xml.contains("<Identifier>0000000000</Identifier>"))
        #expect(xml.contains("<PrintMark>Y</PrintMark>"))
    }

    @Test func donationAndCarrierMarks() throws {
        let donation = MIGWriter.invoice(
            number: try InvoiceNumber("AB12345678"), issuedAt: Self.moment, seller: Self.seller,
            draft: try Self.draft(Self.buyers[4].1), randomNumber: "0001")
        #expect(donation.contains("<DonateMark>1</DonateMark>"))
        #expect(donation.contains("<PrintMark>N</PrintMark>"))
        #expect(donation.contains("<NPOBAN>5299</NPOBAN>"))
        let carrier = MIGWriter.invoice(
            number: try InvoiceNumber("AB12345678"), issuedAt: Self.moment, seller: Self.seller,
            draft: try Self.draft(Self.buyers[2].1), randomNumber: "0001")
        #expect(carrier.contains("<CarrierType>3J0002</CarrierType>"))
        #expect(carrier.contains("<CarrierId2>/ABC+123</CarrierId2>"))
    }

    @Test("F0501 and F0701 validate", arguments: [MIGMessageType.cancel, .void])
    func cancelAndVoidValidate(type: MIGMessageType) throws {
        let xml = MIGWriter.cancelOrVoid(
            type, number: try InvoiceNumber("AB12345678"), invoiceDate: Self.moment.date,
            buyerIdentifier: "0000000000", sellerUBN: "83235679", at: Self.moment, reason: "客戶要求 & 更正")
        let outcome = try ExternalCheck.validateMIG(xml, messageType: type.rawValue)
        #expect(outcome.status == 0, "\(outcome.output)")
    }

    @Test func allowanceAndItsCancelValidate() throws {
        let invoice = try Self.draft(Self.buyers[1].1)
        let allowance = try AllowanceDraft.make(
            invoiceLines: invoice.lines, invoiceTax: invoice.split.tax, allowedBefore: [:], taxAllowedBefore: 0,
            requests: [1: 500, 2: 100])
        #expect(allowance.net == 600 && allowance.tax == 30)
        let xml = MIGWriter.allowance(
            number: "AL20261121000001", date: Self.moment.date, seller: Self.seller, buyerIdentifier: "0000000000",
            buyerName: "0000", invoice: try InvoiceNumber("AB12345678"), invoiceDate: Self.moment.date,
            draft: allowance)
        let outcome = try ExternalCheck.validateMIG(xml, messageType: "G0401")
        #expect(outcome.status == 0, "\(outcome.output)")
        #expect(xml.contains("<TaxAmount>30</TaxAmount>") && xml.contains("<TotalAmount>600</TotalAmount>"))
        let cancel = MIGWriter.allowanceCancel(
            number: "AL20261121000001", allowanceDate: Self.moment.date, buyerIdentifier: "0000000000",
            sellerUBN: "83235679", at: Self.moment, reason: "折讓金額錯誤")
        let cancelOutcome = try ExternalCheck.validateMIG(cancel, messageType: "G0501")
        #expect(cancelOutcome.status == 0, "\(cancelOutcome.output)")
    }

    @Test func blankNumbersValidate() throws {
        let xml = MIGWriter.blank(
            sellerUBN: "83235679", period: try InvoicePeriod("11512"), track: "AB",
            ranges: [12_345_617...12_345_649, 12_345_650...12_345_699])
        let outcome = try ExternalCheck.validateMIG(xml, messageType: "E0402")
        #expect(outcome.status == 0, "\(outcome.output)")
        #expect(xml.contains("<InvoiceBeginNo>12345617</InvoiceBeginNo>"))
    }

    @Test func theOracleRejectsABrokenMessage() throws {
        // A time without seconds must fail: proves the check is not a rubber stamp.
        let xml = MIGWriter.cancelOrVoid(
            .cancel, number: try InvoiceNumber("AB12345678"), invoiceDate: Self.moment.date,
            buyerIdentifier: "0000000000", sellerUBN: "83235679", at: Self.moment, reason: "x"
        ).replacingOccurrences(of: "14:05:09", with: "14:05")
        #expect(try ExternalCheck.validateMIG(xml, messageType: "F0501").status != 0)
    }

    @Test func turnkeyFolders() {
        #expect(MIGMessageType.invoice.turnkeyFolder == "UpCast/B2SSTORAGE/F0401/SRC")
        #expect(MIGMessageType.blank.turnkeyFolder == "UpCast/B2PMESSAGE/E0402/SRC")
    }
}
