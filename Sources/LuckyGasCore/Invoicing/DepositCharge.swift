/// Cylinder deposits (押金) for empties not returned at delivery: a liability, never on the invoice.
public struct DepositCharge: Sendable, Hashable, Codable {
    /// Cylinders delivered that require an empty back.
    public var cylindersRequiringReturn: Int
    /// Empties the driver took back.
    public var emptiesReturned: Int
    /// Cylinders delivered without an empty in exchange.
    public var missingEmpties: Int
    /// The deposit charged for them.
    public var amount: Money

    /// Computes the deposit: each returned empty offsets one delivered cylinder, the highest
    /// deposit first (the customer's favour); every cylinder left without an empty costs its
    /// product's deposit. Extra empties (from earlier deliveries) charge nothing.
    public static func compute(
        delivered: [(product: Product, quantity: Int)], emptiesReturned: Int
    ) throws(InvoicingError) -> DepositCharge {
        guard emptiesReturned >= 0 else { throw .negativeEmpties(emptiesReturned) }
        var deposits: [Money] = []
        for (product, quantity) in delivered where product.requiresEmptyReturn && quantity > 0 {
            deposits += Array(repeating: product.deposit, count: quantity)
        }
        deposits.sort(by: >)
        let missing = deposits.dropFirst(min(emptiesReturned, deposits.count))
        return DepositCharge(
            cylindersRequiringReturn: deposits.count, emptiesReturned: emptiesReturned,
            missingEmpties: missing.count, amount: missing.sum())
    }
}
