/// An aging bucket by days past due (DOMAIN.md: current, 1-30, 31-60, 61-90, 91+).
public enum AgingBucket: Int, Sendable, Hashable, Codable, CaseIterable {
    case current = 0
    case days1To30
    case days31To60
    case days61To90
    case over90

    /// The bucket of an item `days` past due (≤ 0 is current).
    public init(daysPastDue days: Int) {
        switch days {
        case ...0: self = .current
        case 1...30: self = .days1To30
        case 31...60: self = .days31To60
        case 61...90: self = .days61To90
        default: self = .over90
        }
    }

    /// Column heading: `未到期`, `1-30`...
    public var label: String {
        switch self {
        case .current: "未到期"
        case .days1To30: "1-30"
        case .days31To60: "31-60"
        case .days61To90: "61-90"
        case .over90: "91+"
        }
    }

    /// JSON/CSV key: `current`, `1-30`, ..., `91+`.
    public var key: String { self == .current ? "current" : label }
}

/// One customer's line of the aging report.
public struct AgingRow: Sendable, Hashable, Codable {
    /// The customer.
    public var customer: CustomerID
    /// Their name.
    public var name: String
    /// Open amounts per bucket, in `AgingBucket` order.
    public var buckets: [Money]
    /// Payments not yet applied (shown negative in the total).
    public var unapplied: Money
    /// Oldest days past due among open items (0 when nothing is overdue).
    public var oldestDaysPastDue: Int

    /// Creates an empty row.
    public init(customer: CustomerID, name: String) {
        self.customer = customer
        self.name = name
        buckets = Array(repeating: .zero, count: AgingBucket.allCases.count)
        unapplied = .zero
        oldestDaysPastDue = 0
    }

    /// Open items less unapplied credit: what the customer owes (the 1140 sub-ledger balance).
    public var total: Money { buckets.sum() - unapplied }

    /// Open items only.
    public var open: Money { buckets.sum() }

    /// The amount in one bucket.
    public subscript(bucket: AgingBucket) -> Money { buckets[bucket.rawValue] }

    /// Adds an open amount `days` past due.
    public mutating func add(_ amount: Money, daysPastDue days: Int) {
        buckets[AgingBucket(daysPastDue: days).rawValue] += amount
        oldestDaysPastDue = max(oldestDaysPastDue, days)
    }
}

/// The receivables rules set by parameters.
public struct ReceivablesRules: Sendable, Hashable, Codable {
    /// Collection-agency candidates: more than this many days past due (90)...
    public var collectionDays = 90
    /// ...and a balance above this (NT$50,000).
    public var collectionBalance: Money = 50_000
    /// Bad-debt provision rate per bucket, in percent (0, 1, 5, 10, 50).
    public var provisionPercent: [Int] = [0, 1, 5, 10, 50]
    /// The days DSO looks back over (90).
    public var dsoDays = 90

    /// The defaults.
    public init() {}
}

/// Figures over a whole aging report.
public enum AgingFigures {
    /// Bucket totals over all rows.
    public static func bucketTotals(_ rows: [AgingRow]) -> [Money] {
        AgingBucket.allCases.map { bucket in rows.map { $0[bucket] }.sum() }
    }

    /// Days sales outstanding: receivables ÷ credit sales of the last `days` days × `days`
    /// (nil without sales), rounded to one decimal as tenths.
    public static func dsoTenths(receivable: Money, sales: Money, days: Int) -> Int64? {
        guard sales > .zero else { return nil }
        return Rounding.halfUp(receivable.amount * Int64(days) * 10, dividedBy: sales.amount)
    }

    /// Customers over `rules.collectionDays` past due with a balance above `rules.collectionBalance`.
    public static func collectionCandidates(_ rows: [AgingRow], rules: ReceivablesRules) -> [AgingRow] {
        rows.filter { $0.oldestDaysPastDue > rules.collectionDays && $0.total > rules.collectionBalance }
    }

    /// The allowance the buckets call for: Σ bucket total × rate, half up per bucket.
    public static func provision(bucketTotals: [Money], rules: ReceivablesRules) -> Money {
        zip(bucketTotals, rules.provisionPercent).map { total, percent in
            Rounding.percent(Money(max(total.amount, 0)), Int64(percent))
        }.sum()
    }
}
