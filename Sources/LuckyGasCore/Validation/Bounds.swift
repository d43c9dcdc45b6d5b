/// The upper bounds on what a person or a file may enter (Docs/operations.md "Bounds"). Each is
/// a parameter (`limits.*`) a branch may lower or raise, never above `Money.ceiling` and `quantityCeiling`, so
/// no input can overflow the books' arithmetic or lose precision in JSON.
public struct Bounds: Sendable, Hashable, Codable {
    /// One document (order, invoice, payment, refund, settlement count): `limits.document_amount_max`.
    public var documentAmount: Money = 10_000_000
    /// Cylinders or accessories on one order line: `limits.line_quantity_max`.
    public var lineQuantity = 999
    /// A customer's credit limit: `limits.credit_limit_max`.
    public var creditLimit: Money = 50_000_000
    /// Money collected at a delivery may be at most this many times the amount due without a
    /// separate payment entry: `limits.collected_due_multiple`.
    public var collectedDueMultiple: Int64 = 2

    /// The defaults.
    public init() {}

    /// The hard ceiling of `lineQuantity`.
    public static let quantityCeiling = 100_000

    /// Checks an amount typed for one document: not negative, at most `documentAmount`.
    public func checkAmount(_ amount: Money, field: String) throws(ValidationError) {
        guard amount >= .zero else { throw .negative(field: field, value: amount.amount) }
        guard amount <= documentAmount else {
            throw .aboveLimit(field: field, value: amount.amount, limit: documentAmount.amount)
        }
    }

    /// Checks a credit limit: not negative, at most `creditLimit`.
    public func checkCreditLimit(_ limit: Money) throws(ValidationError) {
        guard limit >= .zero else { throw .negative(field: "信用額度 credit limit", value: limit.amount) }
        guard limit <= creditLimit else {
            throw .aboveLimit(field: "信用額度 credit limit", value: limit.amount, limit: creditLimit.amount)
        }
    }
}
