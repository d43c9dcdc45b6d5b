import Foundation
import LuckyGasCore

/// One kind of outbox event: the designed, versioned payload central receives (Docs/events.md).
///
/// The payload is built from plain values (money as integer NT$, dates as ISO text, enums as
/// their readable names), never by encoding an internal type, so a refactoring of the store
/// cannot change what leaves the branch. A golden test per event kind pins the bytes.
public protocol WireEvent: Codable, Sendable {
    /// The `event_type` of the outbox row (`OrderPlaced`).
    static var eventType: String { get }
    /// The `aggregate_type` of the outbox row (`order`).
    static var aggregateType: String { get }
    /// The `schema_version` of the outbox row: bumped when a field changes meaning or goes.
    static var schemaVersion: Int { get }
    /// The aggregate's real id (`O-20261204-0001`, `AB12345678`, `C000123`, a line id).
    var aggregateID: String { get }
}

/// The event type of a payload shared by several kinds (`OrderMoved<OrderMoves.Assigned>`):
/// one set of fields, a distinct `eventType` per kind.
public protocol EventKind: Sendable {
    /// The event type of this kind.
    static var eventType: String { get }
}

/// The one encoder of the contract: sorted keys, no escaped slashes, compact.
public enum WireJSON {
    /// The payload text of an event (or any Wire value).
    public static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// One encoder for every payload (made once: a bank statement encodes three events a line).
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Reads a payload back (tests, and central's side of the contract).
    public static func decode<Value: Decodable>(_ type: Value.Type, from text: String) throws -> Value {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}

/// Every event kind, in the order of Docs/events.md.
public enum WireEvents {
    public static let all: [any WireEvent.Type] = [
        OrderPlaced.self, OrderCancelled.self, OrderAssigned.self, OrderUnassigned.self, OrderDeparted.self,
        OrderFailed.self, OrderRescheduled.self, OrderDelivered.self, SmsRequested.self,
        InvoiceIssued.self, InvoiceCancelled.self, InvoiceVoidedAndReissued.self, AllowanceIssued.self,
        AllowanceCancelled.self,
        PaymentRecorded.self, PaymentAllocated.self, PaymentUnallocated.self, PaymentRefunded.self,
        PaymentReversed.self, CheckCleared.self, BankLinePosted.self, BankLineRejected.self,
        SettlementSubmitted.self, SettlementApproved.self, ProvisionPosted.self,
        CreditHoldPlaced.self, CreditHoldReleased.self, CustomerAdded.self, CustomerChanged.self,
        SpecialPriceSet.self, OpeningBalanceImported.self,
        ProductSaved.self, HolidaySaved.self, ParameterChanged.self, DriverSaved.self, VehicleSaved.self,
        UserAdded.self, UserChanged.self,
    ]
}
