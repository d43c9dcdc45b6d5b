/// The chart of accounts (DOMAIN.md "Journal" lines, plus the deposit liability).
public enum Account: String, Sendable, Hashable, Codable, CaseIterable {
    case cash = "1101"
    case bank = "1103"
    case notesReceivable = "1130"
    case receivable = "1140"
    case badDebtAllowance = "1149"
    case vatPayable = "2141"
    case depositsReceived = "2145"
    case openingBalances = "3300"
    case sales = "4110"
    case salesAllowances = "4190"
    case badDebtExpense = "6155"
    case cashOverShort = "7885"

    /// 應收帳款 ...
    public var chinese: String {
        switch self {
        case .cash: "現金"
        case .bank: "銀行存款"
        case .notesReceivable: "應收票據"
        case .receivable: "應收帳款"
        case .badDebtAllowance: "備抵呆帳"
        case .vatPayable: "銷項稅額"
        case .depositsReceived: "存入保證金-鋼瓶押金"
        case .openingBalances: "期初餘額"
        case .sales: "銷貨收入"
        case .salesAllowances: "銷貨退回及折讓"
        case .badDebtExpense: "呆帳損失"
        case .cashOverShort: "現金短溢"
        }
    }

    /// Accounts receivable ...
    public var english: String {
        switch self {
        case .cash: "Cash"
        case .bank: "Bank"
        case .notesReceivable: "Checks receivable"
        case .receivable: "Accounts receivable"
        case .badDebtAllowance: "Allowance for bad debt"
        case .vatPayable: "VAT payable"
        case .depositsReceived: "Cylinder deposits received"
        case .openingBalances: "Opening balances"
        case .sales: "Sales revenue"
        case .salesAllowances: "Sales returns and allowances"
        case .badDebtExpense: "Bad debt expense"
        case .cashOverShort: "Cash over and short"
        }
    }

    /// Whether the account is kept per customer (sub-ledger).
    public var hasCustomers: Bool { self == .receivable }
}
