/// A collector's day (a driver, or the counter for walk-in sales): what deliveries recorded as
/// collected in cash and checks, what was counted, and the difference.
public struct SettlementCount: Sendable, Hashable, Codable {
    /// Cash the deliveries recorded.
    public var expectedCash: Money
    /// Checks the deliveries recorded.
    public var expectedChecks: Money
    /// Cash counted.
    public var countedCash: Money
    /// Checks counted.
    public var countedChecks: Money

    /// Creates a count.
    public init(expectedCash: Money, expectedChecks: Money, countedCash: Money, countedChecks: Money) {
        self.expectedCash = expectedCash
        self.expectedChecks = expectedChecks
        self.countedCash = countedCash
        self.countedChecks = countedChecks
    }

    /// Counted − expected cash (negative when short).
    public var cashVariance: Money { countedCash - expectedCash }
    /// Counted − expected checks.
    public var checkVariance: Money { countedChecks - expectedChecks }
    /// Both together.
    public var variance: Money { cashVariance + checkVariance }

    /// Checks the count: nothing negative, a reason whenever it does not agree, and checks must
    /// agree (a missing check is found, not written off).
    public func validate(reason: String) throws(ReceivablesError) {
        guard countedCash >= .zero, countedChecks >= .zero else { throw .negativeCount }
        guard checkVariance == .zero else { throw .checksDiffer(expected: expectedChecks, counted: countedChecks) }
        guard variance == .zero || !reason.trimmingSpaces.isEmpty else { throw .varianceNeedsReason(variance) }
    }
}
