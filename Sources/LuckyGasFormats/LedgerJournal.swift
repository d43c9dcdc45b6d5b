import Foundation

/// An account of the chart of accounts, as the ledger export names it.
public struct LedgerAccount: Sendable, Hashable, Codable {
    /// The account code, such as `1140`.
    public var code: String
    /// The account name, such as `應收帳款`.
    public var name: String

    /// Creates an account from its code and name.
    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }

    /// The hledger account name `CODE NAME`, such as `1140 應收帳款`, cleaned for the journal.
    public var ledgerName: String {
        LedgerJournal.accountName("\(code) \(name)")
    }

    /// The hledger name of a sub-account, such as `1140 應收帳款:C000001` for a customer.
    public func ledgerName(subaccount: String) -> String {
        LedgerJournal.accountName("\(code) \(name):\(subaccount)")
    }
}

/// One line of a ledger transaction.
public struct LedgerPosting: Sendable, Hashable, Codable {
    /// The full hledger account name; single spaces, CJK and `:` for sub-accounts are fine.
    public var account: String
    /// Whole NT$: a debit is positive, a credit negative.
    public var amount: Int64

    /// Creates a posting.
    public init(account: String, amount: Int64) {
        self.account = account
        self.amount = amount
    }
}

/// A dated, balanced journal entry.
public struct LedgerTransaction: Sendable, Hashable, Codable {
    /// The date as `yyyy-mm-dd`.
    public var date: String
    /// A short reference shown in parentheses, such as the invoice or voucher number; empty for none.
    public var code: String
    /// A one-line description.
    public var description: String
    /// The postings, whose amounts should sum to zero.
    public var postings: [LedgerPosting]

    /// Creates a transaction.
    public init(date: String, code: String, description: String, postings: [LedgerPosting]) {
        self.date = date
        self.code = code
        self.description = description
        self.postings = postings
    }
}

/// Writer of a plain-text hledger journal (checked against hledger 1.25).
///
/// Amounts are written as `1785 TWD` under `commodity 1000. TWD`: hledger 1.25 demands a decimal mark in the
/// directive and would read `1,000` as one with a decimal comma, so this is the form that keeps every amount a
/// whole number in reports. hledger reads files in the locale's encoding: run it with `LANG=C.UTF-8` (or another
/// UTF-8 locale), otherwise the CJK account names stop it with "invalid byte sequence".
public enum LedgerJournal {
    /// The commodity of every amount.
    public static let commodity = "TWD"

    /// Renders `account` directives (in the order given, duplicates dropped), the commodity, then the transactions.
    ///
    /// Names and texts are cleaned rather than refused: line breaks, tabs and `;` become spaces, runs of spaces in
    /// an account name become one (two spaces end a name in hledger). The writer does not check that a
    /// transaction balances or that its accounts are declared; `hledger check -s` does both. Lines end in LF.
    public static func render(accounts: [String], transactions: [LedgerTransaction]) -> String {
        var output = "; Lucky Gas ledger export\n\n"
        var declared = Set<String>()
        for account in accounts.map(accountName) where !account.isEmpty && declared.insert(account).inserted {
            output += "account \(account)\n"
        }
        if !declared.isEmpty { output += "\n" }
        output += "commodity 1000. \(commodity)\n"
        for transaction in transactions {
            output += "\n" + entry(transaction)
        }
        return output
    }

    /// One transaction: `DATE (CODE) DESCRIPTION` and its postings indented four spaces.
    private static func entry(_ transaction: LedgerTransaction) -> String {
        var header = oneLine(transaction.date).replacingOccurrences(of: " ", with: "")
        let code = oneLine(transaction.code).filter { $0 != "(" && $0 != ")" }
        var description = oneLine(transaction.description)
        if code.isEmpty {
            // Without a code, a leading `*`, `!` or `(` would read as a status mark or a code.
            description = String(description.drop { $0 == "*" || $0 == "!" || $0 == "(" || $0 == " " })
        } else {
            header += " (\(code))"
        }
        if !description.isEmpty { header += " \(description)" }
        var text = header + "\n"
        for posting in transaction.postings {
            text += "    \(accountName(posting.account))  \(posting.amount) \(commodity)\n"
        }
        return text
    }

    /// Cleans a full account name: one line, single spaces, no `;`, no empty `:` parts, and no leading `(` or `[`
    /// (which would make the posting virtual).
    static func accountName(_ raw: String) -> String {
        let parts = oneLine(raw)
            .drop { $0 == "(" || $0 == "[" || $0 == " " }
            .split(separator: ":")
            .map { $0.split(separator: " ").joined(separator: " ") }
            .filter { !$0.isEmpty }
        return parts.joined(separator: ":")
    }

    /// Replaces line breaks, tabs, other control characters and `;` (a comment in hledger) with spaces, then trims.
    static func oneLine(_ raw: String) -> String {
        let cleaned = raw.unicodeScalars.map { scalar -> String in
            let value = scalar.value
            if value < 0x20 || value == 0x7F || value == 0x2028 || value == 0x2029 || scalar == ";" {
                return " "
            }
            return String(scalar)
        }
        return cleaned.joined().trimmingCharacters(in: .whitespaces)
    }
}
