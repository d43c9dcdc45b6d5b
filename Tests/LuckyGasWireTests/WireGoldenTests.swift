import Foundation
import LuckyGasCore
import LuckyGasWire
import Testing

/// The bytes of every event kind, pinned: a change here is a change of the contract with central
/// (Docs/events.md) and needs a new `schemaVersion` or an optional field.
@Suite struct WireGoldenTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Docs/events.md")

    @Test func everyKindHasOneExampleAndOneGoldenFile() throws {
        let examples = try Examples.all()
        #expect(examples.map { type(of: $0).eventType } == WireEvents.all.map { $0.eventType })
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.golden.path).filter {
            $0.hasSuffix(".json")
        }
        #expect(Set(files) == Set(WireEvents.all.map { "\($0.eventType).json" }))
        #expect(Set(WireEvents.all.map { $0.eventType }).count == WireEvents.all.count)
    }

    @Test(arguments: try Examples.all().map { WireCase($0) })
    func encodesToTheGoldenBytes(_ example: WireCase) throws {
        let expected = try String(
            contentsOf: Self.golden.appendingPathComponent("\(example.eventType).json"), encoding: .utf8)
        #expect(try WireJSON.encode(example.event) + "\n" == expected)
    }

    @Test(arguments: try Examples.all().map { WireCase($0) })
    func decodesItsOwnBytes(_ example: WireCase) throws {
        let text = try WireJSON.encode(example.event)
        let again = try example.roundTrip(text)
        #expect(again == text)
        #expect(!text.contains("_0"))
    }

    @Test func docsListEveryEventAndField() throws {
        let docs = try String(contentsOf: Self.docs, encoding: .utf8)
        for example in try Examples.all() {
            let kind = type(of: example)
            #expect(docs.contains("### `\(kind.eventType)`"), "Docs/events.md lacks \(kind.eventType)")
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(WireJSON.encode(example).utf8)) as? [String: Any])
            for key in object.keys {
                #expect(docs.contains("`\(key)`"), "Docs/events.md lacks field \(key) of \(kind.eventType)")
            }
        }
    }

    @Test func aggregateIDsAreTheRealIDs() throws {
        let ids = Dictionary(
            uniqueKeysWithValues: try Examples.all().map { (type(of: $0).eventType, $0.aggregateID) })
        #expect(ids["OrderPlaced"] == "O-20261204-0001")
        #expect(ids["InvoiceIssued"] == "AB12345678")
        #expect(ids["PaymentRecorded"] == "R-20261204-0001")
        #expect(ids["BankLinePosted"] == "42")
        #expect(ids["SettlementSubmitted"] == "DRV001/2026-12-04")
        #expect(ids["CustomerAdded"] == "C000123")
        #expect(ids["SmsRequested"] == "O-20261204-0001")
    }

    @Test func donationIsReadableEverywhere() throws {
        let buyer = InvoiceBuyer(name: "0000", delivery: .donation("25885"))
        #expect(
            try WireJSON.encode(WireBuyer(buyer)) == #"{"delivery":{"code":"25885","kind":"donation"},"name":"0000"}"#)
        // The stored Core shape is readable too, and the pre-issue-12 shape still reads.
        #expect(try WireJSON.encode(buyer.delivery) == #"{"code":"25885","kind":"donation"}"#)
        let legacy = #"{"delivery":{"donation":{"_0":"25885"}},"name":"0000"}"#
        #expect(try WireJSON.decode(InvoiceBuyer.self, from: legacy) == buyer)
        let preference = InvoicePreference.donation("25885")
        #expect(try WireJSON.encode(preference) == #"{"code":"25885","kind":"DONATION"}"#)
        #expect(try WireJSON.decode(InvoicePreference.self, from: #"{"donation":{"_0":"25885"}}"#) == preference)
        #expect(try WireJSON.decode(InvoicePreference.self, from: #"{"kind":"DONATION","code":"25885"}"#) == preference)
        #expect(throws: DecodingError.self) { try WireJSON.decode(InvoicePreference.self, from: #"{"kind":"FAX"}"#) }
    }
}

/// An example event with its kind, for parameterised tests.
struct WireCase: CustomTestStringConvertible, Sendable {
    let event: any WireEvent
    var eventType: String { type(of: event).eventType }
    var testDescription: String { eventType }

    init(_ event: any WireEvent) { self.event = event }

    /// Decodes `text` as this kind and encodes it again.
    func roundTrip(_ text: String) throws -> String {
        func again<Event: WireEvent>(_: Event) throws -> String {
            try WireJSON.encode(WireJSON.decode(Event.self, from: text))
        }
        return try again(event)
    }
}

enum Examples {
    static func customer() throws -> WireCustomer {
        let address = try Address(
            id: 1234, kind: .delivery, text: "台北市信義區松仁路100號3樓", postalCode: "110", zone: .north,
            coordinate: Coordinate(latitude: 25.0339, longitude: 121.5645), isDefault: true, instructions: "管理員代收")
        let customer = try Customer(
            name: "王小明", type: .residential, phones: [PhoneNumber("0912345678")], terms: .net30,
            creditLimit: Money(30000), addresses: [address], invoicePreference: .donation("25885"), cylinderBalance: 2)
        return WireCustomer(id: try CustomerID("C000123"), customer)
    }
}
