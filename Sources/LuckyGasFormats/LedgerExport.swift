import LuckyGasCore

/// Our journal as an hledger journal: accounts named `1140 應收帳款`, customers as sub-accounts
/// (`1140 應收帳款:C000001`), amounts in TWD (debit positive).
public enum LedgerExport {
    /// The hledger account name of a journal line.
    public static func accountName(_ line: JournalLine) -> String {
        let account = LedgerAccount(code: line.account.rawValue, name: line.account.chinese)
        return line.customer.map { account.ledgerName(subaccount: $0.rawValue) } ?? account.ledgerName
    }

    /// The journal text with every account declared (so `hledger check --strict` passes).
    public static func journal(_ entries: [JournalEntry]) -> String {
        var accounts = Set(Account.allCases.map { LedgerAccount(code: $0.rawValue, name: $0.chinese).ledgerName })
        let transactions = entries.map { entry in
            LedgerTransaction(
                date: entry.date.iso, code: entry.reference, description: entry.description,
                postings: entry.lines.map { line in
                    accounts.insert(accountName(line))
                    return LedgerPosting(account: accountName(line), amount: (line.debit - line.credit).amount)
                })
        }
        return LedgerJournal.render(accounts: accounts.sorted(), transactions: transactions)
    }
}
