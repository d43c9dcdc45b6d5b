/// An open receivable as allocation sees it.
public struct OpenItemBalance: Sendable, Hashable, Codable {
    /// The store's id of the item.
    public var id: Int64
    /// Invoice number, order number (deposits) or legacy reference.
    public var reference: String
    /// `INVOICE`, `DEPOSIT`, ...
    public var kind: String
    /// Document date.
    public var date: LocalDate
    /// Due date.
    public var due: LocalDate
    /// Original amount.
    public var amount: Money
    /// Still open.
    public var open: Money

    /// Creates a balance.
    public init(id: Int64, reference: String, kind: String, date: LocalDate, due: LocalDate, amount: Money, open: Money)
    {
        self.id = id
        self.reference = reference
        self.kind = kind
        self.date = date
        self.due = due
        self.amount = amount
        self.open = open
    }
}

/// A share of a payment put on one open item.
public struct AllocationShare: Sendable, Hashable, Codable {
    /// The open item.
    public var item: Int64
    /// Its reference, for messages.
    public var reference: String
    /// How much.
    public var amount: Money

    /// Creates a share.
    public init(item: Int64, reference: String, amount: Money) {
        self.item = item
        self.reference = reference
        self.amount = amount
    }
}

/// How money is spread over open items (ERPNext "Allocate", Odoo batch matching).
public enum AllocationPlan {
    /// Oldest due first (then oldest document, then id) until `amount` runs out.
    public static func oldestFirst(_ items: [OpenItemBalance], amount: Money) -> [AllocationShare] {
        var left = amount
        var shares: [AllocationShare] = []
        for item in items.sorted(by: Self.dueOrder) where left > .zero && item.open > .zero {
            let share = min(left, item.open)
            shares.append(AllocationShare(item: item.id, reference: item.reference, amount: share))
            left -= share
        }
        return shares
    }

    /// The order allocation walks items in.
    public static func dueOrder(_ lhs: OpenItemBalance, _ rhs: OpenItemBalance) -> Bool {
        (lhs.due, lhs.date, lhs.id) < (rhs.due, rhs.date, rhs.id)
    }

    /// Checks chosen shares: each positive, none above its item's open amount, one per item, and
    /// all together not above what the payment has left.
    public static func validate(
        _ shares: [AllocationShare], items: [Int64: OpenItemBalance], unapplied: Money
    ) throws(ReceivablesError) {
        guard !shares.isEmpty else { throw .nothingToAllocate }
        var seen = Set<Int64>()
        for share in shares {
            guard share.amount > .zero else { throw .allocationNotPositive(share.reference, share.amount) }
            guard seen.insert(share.item).inserted else { throw .allocationRepeated(share.reference) }
            guard let item = items[share.item] else { throw .itemNotOpen(share.reference) }
            guard share.amount <= item.open else {
                throw .allocationAboveOpen(share.reference, amount: share.amount, open: item.open)
            }
        }
        let total = shares.map(\.amount).sum()
        guard total <= unapplied else { throw .allocationAboveUnapplied(total: total, unapplied: unapplied) }
    }
}
