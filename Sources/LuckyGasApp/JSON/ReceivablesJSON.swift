import LuckyGasCore
import LuckyGasStore

/// `payment record|allocate|unallocate|refund|reverse|clear-check|show`, `bank accept --json`:
/// one receipt with its allocations.
struct PaymentJSON: CLIJSON {
    struct Check: CLIJSON {
        var bank: String
        var number: String
        var due: String
        var status: String?
    }
    struct Allocation: CLIJSON {
        var id: Int64
        var reference: String
        var kind: String
        var amount: Int64
        var allocatedOn: String
        var allocatedBy: String
        var rule: String
        var reversed: Bool
        var reversedOn: String?
        var reversalReason: String?
    }
    var number: String
    var customer: String
    var customerName: String
    var receivedOn: String
    var amount: Int64
    var method: String
    var source: String
    var status: String
    var reference: String
    var check: Check?
    var collector: String?
    var unapplied: Int64
    var refunded: Int64
    var reversalReason: String?
    var allocations: [Allocation]
    var createdBy: String

    init(_ record: PaymentRecord) {
        number = record.number.rawValue
        customer = record.customer.rawValue
        customerName = record.customerName
        receivedOn = record.receivedOn.iso
        amount = record.amount.amount
        method = record.method.rawValue
        source = record.source.rawValue
        status = record.status.rawValue
        reference = record.reference
        check = record.check.map {
            Check(bank: $0.bank, number: $0.number, due: $0.due.iso, status: record.checkStatus?.rawValue)
        }
        collector = record.collector
        unapplied = record.unapplied.amount
        refunded = record.refunded.amount
        reversalReason = record.reversalReason
        allocations = record.allocations.map {
            Allocation(
                id: $0.id, reference: $0.reference, kind: $0.kind, amount: $0.amount.amount,
                allocatedOn: $0.allocatedOn.iso, allocatedBy: $0.allocatedBy, rule: $0.rule,
                reversed: $0.reversedOn != nil, reversedOn: $0.reversedOn?.iso, reversalReason: $0.reversalReason)
        }
        createdBy = record.createdBy
    }
}

/// `bank import --json`.
struct BankImportJSON: CLIJSON {
    var statements: Int
    var lines: Int
    var new: Int
    var duplicates: Int
    var matched: Int
    var suggested: Int
    var exceptions: Int
    var notReceipts: Int
    var unbalanced: [String]

    init(_ result: BankImportResult) {
        statements = result.statements
        lines = result.lines
        new = result.new
        duplicates = result.duplicates
        matched = result.matched
        suggested = result.suggested
        exceptions = result.exceptions
        notReceipts = result.notReceipts
        unbalanced = result.unbalanced
    }
}

/// `bank match --json`.
struct BankMatchJSON: CLIJSON {
    var matched: Int
    var suggested: Int
    var exceptions: Int
}

/// `bank lines|reject --json`: one statement line with the matcher's suggestion.
struct BankLineJSON: CLIJSON {
    struct Suggestion: CLIJSON {
        struct Share: CLIJSON {
            var openItemID: Int64
            var reference: String
            var amount: Int64
        }
        var rule: String
        var customer: String?
        var shares: [Share]
        var unapplied: Int64
        var confident: Bool
        var reason: MessageJSON
    }
    var id: Int64
    var valueDate: String
    var mark: String
    var amount: Int64
    var text: String
    var virtualAccount: String?
    var payerName: String?
    var payerAccount: String?
    var status: String
    var suggestion: Suggestion?
    var payment: String?
    var note: String?

    init(_ line: BankLineRecord) {
        id = line.id
        valueDate = line.valueDate.iso
        mark = line.mark
        amount = line.amount.amount
        text = line.text
        virtualAccount = line.virtualAccount
        payerName = line.payerName
        payerAccount = line.payerAccount
        status = line.status.rawValue
        suggestion = line.suggestion.map { suggestion in
            Suggestion(
                rule: suggestion.rule.rawValue, customer: suggestion.customer?.rawValue,
                shares: suggestion.shares.map {
                    Suggestion.Share(openItemID: $0.item, reference: $0.reference, amount: $0.amount.amount)
                }, unapplied: suggestion.unapplied.amount, confident: suggestion.isConfident,
                reason: MessageJSON(suggestion.reason))
        }
        payment = line.payment?.rawValue
        note = line.note
    }
}

/// `credit check|hold|release --json`: a customer's credit position, and the what-if answer
/// for `--amount`.
struct CreditJSON: CLIJSON {
    struct Hold: CLIJSON {
        var kind: String
        var message: MessageJSON
    }
    var customer: String
    var name: String
    var terms: String
    var status: String
    var limit: Int64
    var openAR: Int64
    var reserved: Int64
    var available: Int64
    var holds: [Hold]
    var oldestDaysPastDue: Int?
    var amount: Int64?
    var approved: Bool?
    var availableAfter: Int64?
    var refusal: MessageJSON?

    init(_ report: CreditReport) {
        customer = report.customer.rawValue
        name = report.name
        terms = report.terms.rawValue
        status = report.status.rawValue
        limit = report.limit.amount
        openAR = report.openAR.amount
        reserved = report.reserved.amount
        available = report.available.amount
        holds = report.holds.map {
            Hold(kind: $0.kind.rawValue, message: MessageJSON(OperatorMessage(zh: $0.zh, en: $0.en)))
        }
        oldestDaysPastDue = report.oldestDaysPastDue
        amount = report.amount?.amount
        approved = report.approved
        availableAfter = report.availableAfter?.amount
        refusal = report.refusal.map(MessageJSON.init)
    }
}

/// `credit holds --json`: one row per hold in force.
struct HoldJSON: CLIJSON {
    var customer: String
    var name: String
    var kind: String
    var placed: Bool
    var reason: MessageJSON
    var placedAt: String?
    var placedBy: String?

    init(_ hold: HoldRecord) {
        customer = hold.customer.rawValue
        name = hold.name
        kind = hold.kind.rawValue
        placed = hold.kind.isPlaced
        reason = MessageJSON(hold.reason)
        placedAt = hold.placedAt?.iso
        placedBy = hold.placedBy
    }
}

/// `settlement list|submit|approve --json`: a collector's day.
struct SettlementJSON: CLIJSON {
    var collector: String
    var day: String
    var deliveries: Int
    var status: String
    var expectedCash: Int64
    var expectedChecks: Int64
    var countedCash: Int64
    var countedChecks: Int64
    var variance: Int64
    var reason: String
    var submittedBy: String?
    var approvedBy: String?

    init(_ record: SettlementRecord) {
        collector = record.collector
        day = record.day.iso
        deliveries = record.deliveries
        status = record.status.rawValue
        expectedCash = record.count.expectedCash.amount
        expectedChecks = record.count.expectedChecks.amount
        countedCash = record.count.countedCash.amount
        countedChecks = record.count.countedChecks.amount
        variance = record.count.variance.amount
        reason = record.reason
        submittedBy = record.submittedBy
        approvedBy = record.approvedBy
    }
}

/// `customer statement --json`.
struct StatementJSON: CLIJSON {
    struct Line: CLIJSON {
        var date: String
        var reference: String
        var description: String
        var debit: Int64
        var credit: Int64
        var balance: Int64
    }
    struct Item: CLIJSON {
        var id: Int64
        var reference: String
        var kind: String
        var date: String
        var due: String
        var amount: Int64
        var open: Int64
    }
    var customer: String
    var name: String
    var virtualAccount: String
    var bankAccount: String
    var from: String
    var to: String
    var opening: Int64
    var lines: [Line]
    var closing: Int64
    var openItems: [Item]
    var unapplied: Int64

    init(_ statement: CustomerStatement) {
        customer = statement.customer.rawValue
        name = statement.name
        virtualAccount = statement.virtualAccount.digits
        bankAccount = statement.bankAccount
        from = statement.from.iso
        to = statement.to.iso
        opening = statement.opening.amount
        lines = statement.lines.map {
            Line(
                date: $0.date.iso, reference: $0.reference, description: $0.description, debit: $0.debit.amount,
                credit: $0.credit.amount, balance: $0.balance.amount)
        }
        closing = statement.closing.amount
        openItems = statement.openItems.map {
            Item(
                id: $0.id, reference: $0.reference, kind: $0.kind, date: $0.date.iso, due: $0.due.iso,
                amount: $0.amount.amount, open: $0.open.amount)
        }
        unapplied = statement.unapplied.amount
    }
}

/// `gl provision --json`.
struct ProvisionJSON: CLIJSON {
    var required: Int64
    var change: Int64
}
