import GRDB
import LuckyGasCore

/// A stored journal entry with its lines.
public struct PostedEntry: Sendable, Hashable, Codable {
    /// Row id.
    public var id: Int64
    /// The entry.
    public var entry: JournalEntry
}

extension AppDatabase {
    /// The trial balance from the journal: every account with its debits and credits, of the
    /// entries dated on or before `asOf` (every entry when nil). An account that does not parse
    /// is an error naming the first entry that holds it.
    ///
    /// As of a date, the lines are read through `journal_line_account_entry` (account, entry,
    /// amounts: migration v8) in account order, each joined to its entry's date: the entries of
    /// one account come in id order, so the entry pages are read in order too.
    public func trialBalance(asOf: LocalDate? = nil) throws -> [TrialBalanceRow] {
        try read { db in
            let rows: [Row]
            if let asOf {
                rows = try Row.fetchAll(
                    db.cachedStatement(
                        sql: """
                            SELECT l.account, SUM(l.debit) AS d, SUM(l.credit) AS c, MIN(l.entry_id) AS entry
                            FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id
                            WHERE e.date <= ? GROUP BY l.account ORDER BY l.account
                            """), arguments: [asOf.iso])
            } else {
                rows = try Row.fetchAll(
                    db.cachedStatement(
                        sql: """
                            SELECT account, SUM(debit) AS d, SUM(credit) AS c, MIN(entry_id) AS entry FROM journal_line
                            GROUP BY account ORDER BY account
                            """))
            }
            return try rows.map { row in
                let account = try Stored.value(
                    Account.self, row, "account", table: "journal_line", id: "entry_id \(row["entry"] as Int64)")
                return TrialBalanceRow(account: account, debit: Money(row["d"]), credit: Money(row["c"]))
            }
        }
    }

    /// Receivables per customer from the journal (account 1140), non-zero only, of the entries
    /// dated on or before `asOf` (every entry when nil). Every 1140 line names its customer: a
    /// missing or unreadable one is an error naming the first entry that holds it.
    public func receivablesByCustomer(asOf: LocalDate? = nil) throws -> [CustomerID: Money] {
        try read { db in
            var out: [CustomerID: Money] = [:]
            let rows: [Row]
            if let asOf {
                rows = try Row.fetchAll(
                    db.cachedStatement(
                        sql: """
                            SELECT l.customer_id, SUM(l.debit) - SUM(l.credit) AS balance, MIN(l.entry_id) AS entry
                            FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id
                            WHERE l.account = '1140' AND e.date <= ? GROUP BY l.customer_id HAVING balance != 0
                            """), arguments: [asOf.iso])
            } else {
                rows = try Row.fetchAll(
                    db.cachedStatement(
                        sql: """
                            SELECT customer_id, SUM(debit) - SUM(credit) AS balance, MIN(entry_id) AS entry
                            FROM journal_line WHERE account = '1140' GROUP BY customer_id HAVING balance != 0
                            """))
            }
            for row in rows {
                let id = try Stored.customerID(
                    row, "customer_id", table: "journal_line", id: "entry_id \(row["entry"] as Int64)")
                out[id] = Money(row["balance"])
            }
            return out
        }
    }

    /// Every journal entry in posting order (optionally a date range).
    public func journal(from: LocalDate? = nil, through: LocalDate? = nil) throws -> [PostedEntry] {
        try read { db in
            let lines = try Row.fetchAll(
                db,
                sql: """
                    SELECT l.* FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id
                    WHERE e.date >= ? AND e.date <= ? ORDER BY l.entry_id, l.line_no
                    """, arguments: [from?.iso ?? "0000-00-00", through?.iso ?? "9999-99-99"])
            var byEntry: [Int64: [JournalLine]] = [:]
            for row in lines {
                let entry: Int64 = row["entry_id"]
                let line = "\(entry)/\(row["line_no"] as Int)"
                byEntry[entry, default: []].append(
                    JournalLine(
                        account: try Stored.value(Account.self, row, "account", table: "journal_line", id: line),
                        customer: row["customer_id"] as String? == nil
                            ? nil : try Stored.customerID(row, "customer_id", table: "journal_line", id: line),
                        debit: Money(row["debit"]), credit: Money(row["credit"])))
            }
            return try Row.fetchAll(
                db, sql: "SELECT * FROM journal_entry WHERE date >= ? AND date <= ? ORDER BY id",
                arguments: [from?.iso ?? "0000-00-00", through?.iso ?? "9999-99-99"]
            ).map { row in
                let id: Int64 = row["id"]
                return PostedEntry(
                    id: id,
                    entry: JournalEntry(
                        date: try Stored.date(row, "date", table: "journal_entry"),
                        source: try Stored.value(JournalEntry.Source.self, row, "source", table: "journal_entry"),
                        reference: row["reference"],
                        description: row["description"], lines: byEntry[id] ?? []))
            }
        }
    }
}
