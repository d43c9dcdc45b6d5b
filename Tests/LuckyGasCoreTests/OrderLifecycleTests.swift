import LuckyGasCore
import Testing

// DOMAIN.md "Orders": CONFIRMED -> ASSIGNED -> EN_ROUTE -> DELIVERED or FAILED (reschedule or
// cancel); CANCELLED from CONFIRMED/ASSIGNED. The core adds UNASSIGN (ASSIGNED back to CONFIRMED)
// and a counter sale delivered straight from CONFIRMED.

/// One (status, event) pair and the resulting status, or nil when the event is illegal.
struct Transition: Sendable, CustomTestStringConvertible {
    var from: OrderStatus
    var event: OrderEvent
    var to: OrderStatus?
    var testDescription: String { "\(from.rawValue) + \(event.rawValue) -> \(to?.rawValue ?? "illegal")" }

    init(_ from: OrderStatus, _ event: OrderEvent, _ to: OrderStatus?) {
        self.from = from
        self.event = event
        self.to = to
    }
}

private let transitions: [Transition] = [
    Transition(.confirmed, .assign, .assigned),
    Transition(.confirmed, .unassign, nil),
    Transition(.confirmed, .depart, nil),
    Transition(.confirmed, .deliver, .delivered),  // counter sale
    Transition(.confirmed, .fail, nil),
    Transition(.confirmed, .reschedule, nil),
    Transition(.confirmed, .cancel, .cancelled),

    Transition(.assigned, .assign, nil),
    Transition(.assigned, .unassign, .confirmed),
    Transition(.assigned, .depart, .enRoute),
    Transition(.assigned, .deliver, nil),
    Transition(.assigned, .fail, nil),
    Transition(.assigned, .reschedule, nil),
    Transition(.assigned, .cancel, .cancelled),

    Transition(.enRoute, .assign, nil),
    Transition(.enRoute, .unassign, nil),
    Transition(.enRoute, .depart, nil),
    Transition(.enRoute, .deliver, .delivered),
    Transition(.enRoute, .fail, .failed),
    Transition(.enRoute, .reschedule, nil),
    Transition(.enRoute, .cancel, nil),  // on the road: deliver or fail first

    Transition(.delivered, .assign, nil),
    Transition(.delivered, .unassign, nil),
    Transition(.delivered, .depart, nil),
    Transition(.delivered, .deliver, nil),
    Transition(.delivered, .fail, nil),
    Transition(.delivered, .reschedule, nil),
    Transition(.delivered, .cancel, nil),

    Transition(.failed, .assign, nil),
    Transition(.failed, .unassign, nil),
    Transition(.failed, .depart, nil),
    Transition(.failed, .deliver, nil),
    Transition(.failed, .fail, nil),
    Transition(.failed, .reschedule, .confirmed),
    Transition(.failed, .cancel, .cancelled),

    Transition(.cancelled, .assign, nil),
    Transition(.cancelled, .unassign, nil),
    Transition(.cancelled, .depart, nil),
    Transition(.cancelled, .deliver, nil),
    Transition(.cancelled, .fail, nil),
    Transition(.cancelled, .reschedule, nil),
    Transition(.cancelled, .cancel, nil),
]

@Suite("Order life cycle")
struct OrderLifecycleTests {
    @Test("Every status and event gives the next status or an illegal transition", arguments: transitions)
    func transition(step: Transition) throws {
        if let to = step.to {
            #expect(try step.from.applying(step.event) == to)
        } else {
            let error = #expect(throws: IllegalTransition.self) { try step.from.applying(step.event) }
            #expect(error?.from == step.from)
            #expect(error?.event == step.event)
        }
    }

    @Test("The table covers every status with every event exactly once")
    func tableIsComplete() {
        let pairs = transitions.map { "\($0.from.rawValue)/\($0.event.rawValue)" }
        #expect(Set(pairs).count == pairs.count)
        #expect(pairs.count == OrderStatus.allCases.count * OrderEvent.allCases.count)
    }

    @Test("The usual road: confirmed, assigned, en route, delivered")
    func happyPath() throws {
        var status = OrderStatus.confirmed
        for event in [OrderEvent.assign, .depart, .deliver] { status = try status.applying(event) }
        #expect(status == .delivered)
    }

    @Test("A failed delivery is rescheduled and goes round again")
    func rescheduled() throws {
        var status = OrderStatus.confirmed
        for event in [OrderEvent.assign, .depart, .fail, .reschedule, .assign, .depart, .deliver] {
            status = try status.applying(event)
        }
        #expect(status == .delivered)
    }

    @Test(
        "Open orders hold their credit reservation; delivered and cancelled ones are final",
        arguments: [
            (OrderStatus.confirmed, true, false), (.assigned, true, false), (.enRoute, true, false),
            (.failed, true, false), (.delivered, false, true), (.cancelled, false, true),
        ])
    func reservation(status: OrderStatus, holdsReservation: Bool, isFinal: Bool) {
        #expect(status.holdsReservation == holdsReservation)
        #expect(status.isFinal == isFinal)
    }

    @Test("An illegal transition names the status and the event")
    func message() {
        let error = #expect(throws: IllegalTransition.self) { try OrderStatus.delivered.applying(.cancel) }
        #expect(error?.operatorMessage.zh == "訂單狀態「已送達」不能取消：請重新整理查看目前狀態")
        #expect(error?.operatorMessage.en == "An order that is delivered cannot cancel: reload to see where it is")
    }
}

@Suite("Order confirmation text message")
struct OrderConfirmationSMSTests {
    @Test("The text reads as the old gateway's: number, month/day, slot, total")
    func text() throws {
        let sms = try #require(
            OrderConfirmationSMS(
                order: OrderNumber("O-20240125-000123"), date: LocalDate("2024-01-26"), slot: .afternoon, total: 1_785,
                phones: [PhoneNumber("02-2345-6789"), PhoneNumber("0912-345-678")]))
        #expect(sms.message == "您的訂單 O-20240125-000123 已確認。預計配送時間：1/26 下午。金額：NT$1,785")
        #expect(sms.to == "0912345678")
        #expect(sms.sender == "LUCKYGAS")
    }

    @Test("A customer with only a landline gets no text message")
    func landlineOnly() throws {
        let sms = OrderConfirmationSMS(
            order: try OrderNumber("O-20240125-000123"), date: try LocalDate("2024-01-26"), slot: .morning, total: 850,
            phones: [try PhoneNumber("02-2345-6789")])
        #expect(sms == nil)
    }
}
