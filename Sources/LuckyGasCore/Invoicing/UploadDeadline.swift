/// When a message must reach the platform (rules since 2025-01-01): B2C within 2 days after the
/// day of issue (or cancel, allowance), B2B within 7 days; blank numbers by the 10th of the next period.
public enum UploadDeadline {
    /// Days after the document date for a B2C buyer.
    public static let consumerDays = 2
    /// Days after the document date for a B2B buyer.
    public static let businessDays = 7

    /// The last day to upload a document dated `date`.
    public static func due(isBusiness: Bool, documentDate date: LocalDate) -> LocalDate {
        date.adding(days: isBusiness ? businessDays : consumerDays)
    }
}
