/// Payment terms (DOMAIN.md "Customers"): COD, NET30, MONTHLY (月結).
public enum PaymentTerms: String, Sendable, Hashable, Codable, CaseIterable {
    case cod = "COD"
    case net30 = "NET30"
    case monthly = "MONTHLY"

    /// Whether orders on these terms use credit (and so need a limit).
    public var usesCredit: Bool { self != .cod }

    /// When an invoice dated `invoiceDate` falls due.
    ///
    /// COD: on delivery (the invoice date). NET30: invoice date + 30 days. MONTHLY: the last day
    /// of the month after the invoice month.
    public func dueDate(invoiceDate: LocalDate) -> LocalDate {
        switch self {
        case .cod: invoiceDate
        case .net30: invoiceDate.adding(days: 30)
        case .monthly: invoiceDate.startOfNextMonth.endOfMonth
        }
    }

    /// 貨到付款 / 30 天 / 月結.
    public var chinese: String {
        switch self {
        case .cod: "貨到付款"
        case .net30: "30 天"
        case .monthly: "月結"
        }
    }
}
