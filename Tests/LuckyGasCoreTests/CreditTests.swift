import LuckyGasCore
import Testing

// DOMAIN.md "Credit": COD needs no credit. NET30/MONTHLY: available = limit - open AR - open
// reservations; approved when total <= available, else refused showing the available amount.
// Holds: manual, more than 30 days past due, or AR above the limit. SUSPENDED/CLOSED: no orders.

/// A customer's position, an order amount and the decision expected.
struct CreditCase: Sendable, CustomTestStringConvertible {
    var name: String
    var terms: PaymentTerms = .net30
    var status: CustomerStatus = .active
    var limit: Money = 10_000
    var openAR: Money = 0
    var reserved: Money = 0
    var overdueDays: Int?
    var placedHolds: [CreditHold] = []
    var amount: Money
    var expected: CreditDecision
    var testDescription: String { name }

    var position: CreditPosition {
        CreditPosition(
            terms: terms, status: status, limit: limit, openAR: openAR, reserved: reserved,
            oldestDaysPastDue: overdueDays, placedHolds: placedHolds)
    }
}

private let creditCases: [CreditCase] = [
    CreditCase(
        name: "COD is approved with nothing reserved", terms: .cod, limit: 0, amount: 100_000,
        expected: .approved(reserve: .zero)),
    CreditCase(
        name: "COD ignores AR above its zero limit", terms: .cod, limit: 0, openAR: 5_000, amount: 1_785,
        expected: .approved(reserve: .zero)),
    CreditCase(
        name: "COD ignores a manual hold: holds stop credit orders", terms: .cod, limit: 0,
        placedHolds: [.manual(reason: "支票跳票 bounced check")], amount: 1_785, expected: .approved(reserve: .zero)),
    CreditCase(
        name: "NET30 at exactly the available amount (10,000 - 3,000 - 2,000)", openAR: 3_000, reserved: 2_000,
        amount: 5_000, expected: .approved(reserve: 5_000)),
    CreditCase(
        name: "NET30 one dollar above the available amount", openAR: 3_000, reserved: 2_000, amount: 5_001,
        expected: .refused(.insufficient(amount: 5_001, available: 5_000))),
    CreditCase(
        name: "MONTHLY with nothing open may use the whole limit", terms: .monthly, limit: 50_000, amount: 50_000,
        expected: .approved(reserve: 50_000)),
    CreditCase(
        name: "MONTHLY above the whole limit", terms: .monthly, limit: 50_000, amount: 50_001,
        expected: .refused(.insufficient(amount: 50_001, available: 50_000))),
    CreditCase(
        name: "AR exactly at the limit is no hold, but nothing is available", openAR: 10_000, amount: 1,
        expected: .refused(.insufficient(amount: 1, available: 0))),
    CreditCase(
        name: "reservations can make the available amount negative", limit: 1_000, openAR: 800, reserved: 500,
        amount: 1, expected: .refused(.insufficient(amount: 1, available: -300))),
    CreditCase(
        name: "a manual hold refuses even a small order", placedHolds: [.manual(reason: "支票跳票 bounced check")],
        amount: 100,
        expected: .refused(.onHold([.manual(reason: "支票跳票 bounced check")]))),
    CreditCase(
        name: "31 days past due holds", overdueDays: 31, amount: 100,
        expected: .refused(.onHold([.overdue(days: 31)]))),
    CreditCase(
        name: "30 days past due does not hold", overdueDays: 30, amount: 100, expected: .approved(reserve: 100)),
    CreditCase(
        name: "AR one dollar over the limit holds", openAR: 10_001, amount: 100,
        expected: .refused(.onHold([.overLimit(openAR: 10_001, limit: 10_000)]))),
    CreditCase(
        name: "all holds are listed: manual, overdue, over limit", openAR: 12_000, overdueDays: 45,
        placedHolds: [.manual(reason: "催收中 in collection")], amount: 100,
        expected: .refused(
            .onHold([
                .manual(reason: "催收中 in collection"), .overdue(days: 45), .overLimit(openAR: 12_000, limit: 10_000),
            ]))),
    CreditCase(
        name: "SUSPENDED NET30 gets no orders", status: .suspended, amount: 100,
        expected: .refused(.customerNotActive(.suspended))),
    CreditCase(
        name: "CLOSED NET30 gets no orders", status: .closed, amount: 100,
        expected: .refused(.customerNotActive(.closed))),
    CreditCase(
        name: "SUSPENDED COD gets no orders", terms: .cod, status: .suspended, limit: 0, amount: 100,
        expected: .refused(.customerNotActive(.suspended))),
    CreditCase(
        name: "CLOSED COD gets no orders", terms: .cod, status: .closed, limit: 0, amount: 100,
        expected: .refused(.customerNotActive(.closed))),
]

@Suite("Credit decision")
struct CreditDecisionTests {
    @Test("An order is approved, refused for credit, held or refused for the customer's status", arguments: creditCases)
    func decide(credit: CreditCase) {
        let decision = CreditPolicy.decide(amount: credit.amount, position: credit.position, rules: CreditRules())
        #expect(decision == credit.expected)
        if case .approved = credit.expected {
            #expect(decision.isApproved)
        } else {
            #expect(!decision.isApproved)
        }
    }

    @Test(
        "Available credit is limit minus open AR minus reservations",
        arguments: [
            (Int64(10_000), Int64(0), Int64(0), Int64(10_000)), (10_000, 3_000, 2_000, 5_000), (10_000, 10_000, 0, 0),
            (1_000, 800, 500, -300),
        ])
    func available(limit: Int64, openAR: Int64, reserved: Int64, available: Int64) {
        let position = CreditPosition(
            terms: .net30, status: .active, limit: Money(limit), openAR: Money(openAR), reserved: Money(reserved))
        #expect(position.available == Money(available))
    }

    @Test("The overdue threshold follows its parameter")
    func overdueParameter() {
        var rules = CreditRules()
        rules.overdueHoldDays = 60
        let position = CreditPosition(
            terms: .monthly, status: .active, limit: 10_000, openAR: 0, reserved: 0, oldestDaysPastDue: 45)
        #expect(position.holds(rules: rules).isEmpty)
        #expect(CreditPolicy.decide(amount: 100, position: position, rules: rules) == .approved(reserve: 100))
        #expect(position.holds(rules: CreditRules()) == [.overdue(days: 45)])
    }

    @Test(
        "A supervisor may override holds and the limit, never a SUSPENDED or CLOSED customer",
        arguments: [
            (CreditRefusal.customerNotActive(.suspended), false), (.customerNotActive(.closed), false),
            (.onHold([.manual(reason: "x")]), true), (.onHold([.overdue(days: 31)]), true),
            (.onHold([.overLimit(openAR: 10_001, limit: 10_000)]), true),
            (.insufficient(amount: 5_001, available: 5_000), true),
        ])
    func overridable(refusal: CreditRefusal, expected: Bool) {
        #expect(refusal.isOverridable == expected)
    }

    @Test("A refusal for credit shows the available amount")
    func insufficientMessage() {
        let message = CreditRefusal.insufficient(amount: 5_001, available: 5_000).operatorMessage
        #expect(message.en == "Insufficient credit: order NT$5,001, available NT$5,000")
        #expect(message.zh == "信用額度不足：訂單 NT$5,001，可用 NT$5,000")
    }

    @Test("A hold message lists every hold")
    func holdMessage() {
        let message = CreditRefusal.onHold([.manual(reason: "bounced check"), .overdue(days: 31)]).operatorMessage
        #expect(message.en == "Credit hold: Manual hold: bounced check; Invoice 31 days past due")
        #expect(
            CreditRefusal.customerNotActive(.closed).operatorMessage.en
                == "The customer is closed: no orders until the customer record is made active again")
    }
}
