import Foundation
import LuckyGasCore
import Testing

@testable import LuckyGasFormats

@Suite("Turnkey SummaryResult")
struct TurnkeySummaryResultTests {
    static func invoices(_ pairs: [(String, String)]) -> String {
        let items = pairs.map {
            "<Invoice><ReferenceNumber>\($0.0)</ReferenceNumber><InvoiceDate>\($0.1)</InvoiceDate></Invoice>"
        }
        return "<Invoices>\(items.joined())</Invoices>"
    }

    /// A hand-written daily summary: F0401 with two accepted and one rejected invoice, then a G0401.
    /// The F0401 Total says 4 although Good + Failed list 3, as a damaged or partial file might.
    static let sample = """
        <?xml version="1.0" encoding="UTF-8"?>
        <SummaryResult>
          <RoutingInfo>
            <From><PartyId>04595257</PartyId></From>
            <FromVAC><RoutingId>04595257</RoutingId></FromVAC>
            <To><PartyId>04595257</PartyId></To>
            <ToVAC><RoutingId>0000000000</RoutingId></ToVAC>
          </RoutingInfo>
          <DetailList>
            <Message>
              <Info>
                <Id>SR-F0401-20261121-235959-6f1c2d7e</Id>
                <Size>3</Size>
                <MessageType>F0401</MessageType>
                <Service>B2S</Service>
                <Action>STORAGE</Action>
              </Info>
              <ResultType>
                <Total><ResultDetailType><Count>4</Count>
                  \(invoices([("AB12345678", "20261121"), ("AB12345679", "20261121"), ("AB12345680", "20261121")]))
                </ResultDetailType></Total>
                <Good><ResultDetailType><Count>2</Count>
                  \(invoices([("AB12345678", "20261121"), ("AB12345679", "20261121")]))
                </ResultDetailType></Good>
                <Failed><ResultDetailType><Count>1</Count>
                  \(invoices([("AB12345680", "20261121")]))
                </ResultDetailType></Failed>
              </ResultType>
            </Message>
            <Message>
              <Info>
                <Id>SR-G0401-20261121-235959-9a8b7c6d</Id>
                <Size>1</Size>
                <MessageType>G0401</MessageType>
                <Service>B2S</Service>
                <Action>STORAGE</Action>
              </Info>
              <ResultType>
                <Total><ResultDetailType><Count>1</Count>\(invoices([("AL00000001", "20261121")]))</ResultDetailType></Total>
                <Good><ResultDetailType><Count>1</Count>\(invoices([("AL00000001", "20261121")]))</ResultDetailType></Good>
                <Failed><ResultDetailType><Count>0</Count></ResultDetailType></Failed>
              </ResultType>
            </Message>
          </DetailList>
        </SummaryResult>
        """

    @Test func listsGoodAndFailedInvoicesPerMessage() throws {
        let results = try TurnkeySummaryResult.parse(Data(Self.sample.utf8))
        let f0401 = "SR-F0401-20261121-235959-6f1c2d7e"
        #expect(
            results == [
                TurnkeyResult(
                    messageType: "F0401", reference: "AB12345678", invoiceDate: "20261121", accepted: true,
                    reportID: f0401),
                TurnkeyResult(
                    messageType: "F0401", reference: "AB12345679", invoiceDate: "20261121", accepted: true,
                    reportID: f0401),
                TurnkeyResult(
                    messageType: "F0401", reference: "AB12345680", invoiceDate: "20261121", accepted: false,
                    reportID: f0401),
                TurnkeyResult(
                    messageType: "G0401", reference: "AL00000001", invoiceDate: "20261121", accepted: true,
                    reportID: "SR-G0401-20261121-235959-9a8b7c6d"),
            ])
    }

    @Test func namespacePrefixesAreIgnored() throws {
        let xml = """
            <s:SummaryResult xmlns:s="urn:example">
              <s:DetailList><s:Message>
                <s:Info><s:Id>SR-F0501-20261121-1-x</s:Id><s:MessageType> F0501 </s:MessageType></s:Info>
                <s:ResultType><s:Failed><s:ResultDetailType><s:Count>1</s:Count><s:Invoices><s:Invoice>
                  <s:ReferenceNumber>AB12345678</s:ReferenceNumber><s:InvoiceDate>20261121</s:InvoiceDate>
                </s:Invoice></s:Invoices></s:ResultDetailType></s:Failed></s:ResultType>
              </s:Message></s:DetailList>
            </s:SummaryResult>
            """
        let results = try TurnkeySummaryResult.parse(Data(xml.utf8))
        #expect(results.map(\.messageType) == ["F0501"])
        #expect(results.map(\.accepted) == [false])
    }

    @Test func theMessageTypeFallsBackToTheId() throws {
        let xml = """
            <SummaryResult><DetailList><Message><Info><Id>SR-F0701-20261121-1-x</Id></Info>
            <ResultType><Good><ResultDetailType><Count>1</Count>\(Self.invoices([("AB12345678", "20261121")]))
            </ResultDetailType></Good></ResultType></Message></DetailList></SummaryResult>
            """
        #expect(try TurnkeySummaryResult.parse(Data(xml.utf8)).map(\.messageType) == ["F0701"])
    }

    @Test func aBOMAndLeadingSpacesAreSkipped() throws {
        let results = try TurnkeySummaryResult.parse(Data(("\u{FEFF}\n  " + Self.sample).utf8))
        #expect(results.count == 4)
    }

    @Test func anEmptyDetailListGivesNoResults() throws {
        #expect(try TurnkeySummaryResult.parse(Data("<SummaryResult><DetailList/></SummaryResult>".utf8)) == [])
    }

    @Test func anotherDocumentIsRefused() {
        #expect(throws: TurnkeyResultError.notSummaryResult(root: "Invoice")) {
            try TurnkeySummaryResult.parse(Data("<Invoice><Main/></Invoice>".utf8))
        }
    }

    @Test func malformedXMLIsRefused() {
        #expect {
            try TurnkeySummaryResult.parse(Data("<SummaryResult><DetailList></SummaryResult>".utf8))
        } throws: { error in
            guard case .malformedXML = error as? TurnkeyResultError else { return false }
            return true
        }
        #expect(throws: TurnkeyResultError.self) { try TurnkeySummaryResult.parse(Data()) }
    }

    @Test func anInvoiceWithoutNumberIsRefused() {
        let xml = """
            <SummaryResult><DetailList><Message><Info><MessageType>F0401</MessageType></Info>
            <ResultType><Good><ResultDetailType><Count>1</Count><Invoices><Invoice><InvoiceDate>20261121</InvoiceDate>
            </Invoice></Invoices></ResultDetailType></Good></ResultType></Message></DetailList></SummaryResult>
            """
        #expect(throws: TurnkeyResultError.incompleteInvoice(message: 1)) {
            try TurnkeySummaryResult.parse(Data(xml.utf8))
        }
    }

    @Test func errorsExplainThemselvesInBothLanguages() {
        let message = TurnkeyResultError.notSummaryResult(root: "Invoice").operatorMessage
        #expect(message.zh.contains("彙總結果"))
        #expect(message.en.contains("SummaryResult"))
    }
}
