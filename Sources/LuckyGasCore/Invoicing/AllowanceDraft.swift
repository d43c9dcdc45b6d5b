/// One line of an allowance (折讓): the tax-exclusive amount taken off an invoice line and its tax.
public struct AllowanceLine: Sendable, Hashable, Codable {
    /// The invoice line (`OriginalSequenceNumber`).
    public var invoiceSequence: Int
    /// `OriginalDescription`.
    public var description: String
    /// `Amount`, tax-exclusive.
    public var net: Money
    /// `Tax`, whole NT$.
    public var tax: Money

    /// Creates a line.
    public init(invoiceSequence: Int, description: String, net: Money, tax: Money) {
        self.invoiceSequence = invoiceSequence
        self.description = description
        self.net = net
        self.tax = tax
    }
}

/// An allowance before it has a number. G0401 always splits net and tax, even for B2C.
public struct AllowanceDraft: Sendable, Hashable, Codable {
    /// The lines.
    public var lines: [AllowanceLine]

    /// Creates a draft.
    public init(lines: [AllowanceLine]) { self.lines = lines }

    /// Sum of the tax-exclusive amounts (G0401 `TotalAmount`).
    public var net: Money { lines.map(\.net).sum() }
    /// Sum of the line taxes (G0401 `TaxAmount`).
    public var tax: Money { lines.map(\.tax).sum() }
    /// What the customer's receivable goes down by.
    public var total: Money { net + tax }

    /// Builds an allowance from `requests` (invoice line → tax-exclusive amount), checking each
    /// against what is left of the line after earlier allowances (`allowedBefore`). Tax per line
    /// is `roundHalfUp(amount x rate)`; together it may not exceed the invoice tax still open.
    public static func make(
        invoiceLines: [InvoiceLine], invoiceTax: Money, allowedBefore: [Int: Money], taxAllowedBefore: Money,
        requests: [Int: Money], taxRatePercent: Int64 = TaxSplit.ratePercent
    ) throws(InvoicingError) -> AllowanceDraft {
        guard !requests.isEmpty else { throw .allowanceEmpty }
        var lines: [AllowanceLine] = []
        for (sequence, amount) in requests.sorted(by: { $0.key < $1.key }) {
            guard let line = invoiceLines.first(where: { $0.sequence == sequence }) else {
                throw .allowanceLineUnknown(sequence)
            }
            guard amount > .zero else { throw .allowanceNotPositive(sequence) }
            let left = line.net - (allowedBefore[sequence] ?? .zero)
            guard amount <= left else { throw .allowanceExceedsLine(sequence, left: max(left, .zero)) }
            lines.append(
                AllowanceLine(
                    invoiceSequence: sequence, description: line.description, net: amount,
                    tax: Rounding.percent(amount, taxRatePercent)))
        }
        let draft = AllowanceDraft(lines: lines)
        let taxLeft = invoiceTax - taxAllowedBefore
        if draft.tax > taxLeft, let last = draft.lines.indices.last {
            // Rounding per line can overshoot the invoice's own tax by a dollar: take it off the last line.
            var adjusted = draft
            adjusted.lines[last].tax -= min(draft.tax - taxLeft, adjusted.lines[last].tax)
            guard adjusted.tax <= taxLeft else { throw .allowanceExceedsTax(left: taxLeft) }
            return adjusted
        }
        return draft
    }
}
