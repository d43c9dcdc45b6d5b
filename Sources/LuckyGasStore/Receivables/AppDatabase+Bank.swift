import Crypto
import Foundation
import GRDB
import LuckyGasCore
import LuckyGasFormats
import LuckyGasWire

extension AppDatabase {
    /// Imports a bank statement file (MT940, or a Taiwanese bank's CSV export) and matches its
    /// lines. Importing the same file again changes nothing: statements and lines are keyed by
    /// their content. A statement that does not add up is refused (nothing is written) unless
    /// `allowUnbalanced`. Lines matched by virtual account or document reference are posted at
    /// once when `autoAccept`; the rest wait for a person with a suggestion and its reason.
    public func importStatement(
        _ bytes: [UInt8], fileName: String, format: BankStatementFormat? = nil, bank: String? = nil,
        account: String? = nil, allowUnbalanced: Bool = false, autoAccept: Bool = true, by session: UserSession
    ) throws -> BankImportResult {
        try session.require(.payments)
        let statements: [BankStatement]
        do {
            switch format ?? BankStatementFormat.detect(bytes) {
            case .mt940: statements = try MT940.parse(bytes)
            case .csv: statements = [try BankCSV.parse(bytes, bank: bank ?? "000", account: account)]
            }
        } catch { throw StoreError.bankStatement(error.operatorMessage) }
        var result = BankImportResult(
            statements: statements.count, lines: statements.map(\.lines.count).reduce(0, +), new: 0, duplicates: 0,
            matched: 0, suggested: 0, exceptions: 0, notReceipts: 0, unbalanced: [])
        for statement in statements {
            if let imbalance = statement.imbalance {
                let label = "\(statement.account) \(statement.reference) \(statement.sequence ?? "")"
                result.unbalanced.append("\(label)：\(imbalance.operatorMessage.zh) / \(imbalance.operatorMessage.en)")
            }
        }
        if !result.unbalanced.isEmpty && !allowUnbalanced {
            throw ReceivablesError.unbalancedStatement(result.unbalanced.joined(separator: "; "))
        }
        let counted = result
        return try intent(session, .payments) { intent in
            let (db, now) = (intent.db, intent.now)
            var result = counted
            let prefix = try Parameters.virtualAccountPrefix(db)
            var newLines: [BankLineRecord] = []
            for statement in statements {
                let statementKey = Self.key([
                    statement.format, statement.account, statement.reference, statement.sequence ?? "",
                    "\(statement.opening?.cents ?? 0)", "\(statement.closing?.cents ?? 0)", "\(statement.lines.count)",
                    "\(statement.sumCents)",
                ])
                try db.execute(
                    sql: """
                        INSERT INTO bank_statement (key, format, account, reference, sequence, currency, opening, closing,
                          balanced, line_count, file_name, imported_at, imported_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING
                        """,
                    arguments: [
                        statementKey, statement.format, statement.account, statement.reference, statement.sequence,
                        statement.currency, statement.opening?.cents, statement.closing?.cents, statement.isBalanced,
                        statement.lines.count, fileName, now.iso, session.name,
                    ])
                guard db.changesCount == 1 else {
                    result.duplicates += statement.lines.count
                    continue
                }
                let statementID = db.lastInsertedRowID
                var seen: [String: Int] = [:]
                for line in statement.lines {
                    let content = [
                        statement.account, line.valueDate.iso, line.mark, "\(line.cents)", line.bankReference ?? "",
                        line.customerReference, line.details, line.virtualAccount ?? "", "\(line.balanceCents ?? 0)",
                    ].joined(separator: "|")
                    seen[content, default: 0] += 1
                    let lineKey = Self.key([content, "\(seen[content] ?? 1)"])
                    let isMoneyIn = line.cents > 0 && statement.currency == "TWD" && line.money != nil
                    let status: BankLineStatus = isMoneyIn || (line.isReversal && line.cents < 0) ? .open : .ignored
                    let text = [line.customerReference, line.supplementary ?? "", line.details, line.payerName ?? ""]
                        .filter { !$0.isEmpty && $0 != "NONREF" }.joined(separator: " ")
                    try db.cachedStatement(
                        sql: """
                            INSERT INTO bank_line (statement_id, key, ordinal, value_date, mark, amount_cents, type_code,
                              customer_ref, bank_ref, text, virtual_account, payer_name, payer_account, status, rule)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING
                            """
                    ).execute(arguments: [
                        statementID, lineKey, line.ordinal, line.valueDate.iso, line.mark, line.cents, line.typeCode,
                        line.customerReference, line.bankReference, text, line.virtualAccount, line.payerName,
                        line.payerAccount, status.rawValue, status == .ignored ? MatchRule.notReceipt.rawValue : nil,
                    ])
                    guard db.changesCount == 1 else {
                        result.duplicates += 1
                        continue
                    }
                    result.new += 1
                    if status == .open {
                        newLines.append(
                            BankLineRecord(
                                id: db.lastInsertedRowID, valueDate: line.valueDate, mark: line.mark,
                                amount: Money(line.cents / 100), text: text, virtualAccount: line.virtualAccount,
                                payerName: line.payerName, payerAccount: line.payerAccount, status: status))
                    } else {
                        result.notReceipts += 1
                    }
                }
            }
            let counts = try Self.match(intent, lines: newLines, prefix: prefix, autoAccept: autoAccept)
            result.matched = counts.matched
            result.suggested = counts.suggested
            result.exceptions = counts.exceptions
            try intent.audit("bank.import", "bank_statement", fileName, after: result)
            return result
        }
    }

    /// Runs the matching cascade again over every open line (new invoices, learned payers), and
    /// posts the confident ones when `autoAccept`.
    public func matchBankLines(autoAccept: Bool, by session: UserSession) throws -> (
        matched: Int, suggested: Int, exceptions: Int
    ) {
        return try intent(session, .payments) { intent in
            let db = intent.db
            let open = try Row.fetchAll(db, sql: "SELECT * FROM bank_line WHERE status = 'OPEN' ORDER BY id")
                .map(Self.bankLine)
            let counts = try Self.match(
                intent, lines: open, prefix: try Parameters.virtualAccountPrefix(db), autoAccept: autoAccept)
            try intent.audit(
                "bank.match", "bank_line", "open",
                after: ["lines": open.count, "matched": counts.matched, "suggested": counts.suggested])
            return counts
        }
    }

    /// Statement lines by status (all when nil), oldest first.
    public func bankLines(status: BankLineStatus? = .open, limit: Int = 500) throws -> [BankLineRecord] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM bank_line WHERE (? IS NULL OR status = ?) ORDER BY id LIMIT ?",
                arguments: [status?.rawValue, status?.rawValue, limit]
            ).map(Self.bankLine)
        }
    }

    /// One statement line.
    public func bankLine(_ id: Int64) throws -> BankLineRecord {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM bank_line WHERE id = ?", arguments: [id]) else {
                throw StoreError.bankLineNotFound(id)
            }
            return try Self.bankLine(row)
        }
    }

    /// A person accepts a line: as suggested, or for another customer and/or other items. The line
    /// becomes a receipt (bank transfer, dated the value date) and the payer's account is learned.
    @discardableResult
    public func acceptBankLine(
        _ id: Int64, customer: CustomerID? = nil, shares: [(reference: String, amount: Money)]? = nil,
        by session: UserSession
    ) throws -> PaymentRecord {
        return try intent(session, .payments) { intent in
            let (db, now) = (intent.db, intent.now)
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM bank_line WHERE id = ?", arguments: [id]) else {
                throw StoreError.bankLineNotFound(id)
            }
            let line = try Self.bankLine(row)
            guard line.status == .open else {
                throw ReceivablesError.bankLineNotOpen(id, status: line.status.rawValue)
            }
            guard line.amount > .zero else { throw ReceivablesError.bankLineNotReceipt(id) }
            guard let payer = customer ?? line.suggestion?.customer else {
                throw StoreError.invalid(.empty(field: "客戶 customer"))
            }
            let request: AllocationRequest
            if let shares {
                request = shares.isEmpty ? .none : .chosen(shares)
            } else if let suggestion = line.suggestion, suggestion.customer == payer, !suggestion.shares.isEmpty {
                request = .chosen(suggestion.shares.map { ($0.reference, $0.amount) })
            } else {
                request = .automatic
            }
            let rule = customer == nil && shares == nil ? (line.suggestion?.rule.rawValue ?? "MANUAL") : "MANUAL"
            let (number, shares) = try Self.post(intent, line: line, customer: payer, request: request, rule: rule)
            try intent.audit(
                "payment.record", "payment", number.rawValue,
                after: BankReceiptAudit(
                    line: line.id, receipt: number, customer: payer, amount: line.amount, rule: rule, shares: shares))
            if let account = line.payerAccount, !account.isEmpty {
                try db.execute(
                    sql: """
                        INSERT INTO bank_payer (payer_account, customer_id, learned_at, learned_by) VALUES (?, ?, ?, ?)
                        ON CONFLICT (payer_account) DO UPDATE SET customer_id = excluded.customer_id,
                          learned_at = excluded.learned_at, learned_by = excluded.learned_by
                        """, arguments: [account, payer.rawValue, now.iso, session.name])
            }
            return try ReceivablesStore.payment(db, number)
        }
    }

    /// A person rejects a line (not ours, handled elsewhere, a bank reversal dealt with by
    /// reversing the payment), with a note. It stays on file.
    public func rejectBankLine(_ id: Int64, reason: String, by session: UserSession) throws {
        try session.require(.payments)
        let reason = try inputText(reason, field: "原因 reason")
        guard !reason.isEmpty else { throw ReceivablesError.reasonRequired }
        try intent(session, .payments) { intent in
            let (db, now) = (intent.db, intent.now)
            guard let line = try Row.fetchOne(db, sql: "SELECT id, status FROM bank_line WHERE id = ?", arguments: [id])
            else { throw StoreError.bankLineNotFound(id) }
            let status = try Stored.value(BankLineStatus.self, line, "status", table: "bank_line")
            guard status == .open else { throw ReceivablesError.bankLineNotOpen(id, status: status.rawValue) }
            try db.execute(
                sql: "UPDATE bank_line SET status = 'REJECTED', decided_at = ?, decided_by = ?, note = ? WHERE id = ?",
                arguments: [now.iso, session.name, reason, id])
            try intent.audit("bank.reject", "bank_line", "\(id)", after: ["reason": reason])
            // A line has one decision and no event before it: that event is the line's first (version 1).
            try intent.emit(BankLineRejected(lineID: id, reason: reason, at: now.iso, by: session.name), .created)
        }
    }

    // MARK: - Inside the transaction

    static func match(
        _ intent: Intent, lines: [BankLineRecord], prefix: String, autoAccept: Bool
    ) throws -> (matched: Int, suggested: Int, exceptions: Int) {
        let (db, now) = (intent.db, intent.now)
        var counts = (matched: 0, suggested: 0, exceptions: 0)
        var posted: [BankReceiptAudit] = []
        let lookup = DatabaseMatchLookup(db: db)
        // Read once for the whole statement: a line above the document bound or dated outside
        // the posting window is never posted without a person (it stays open).
        let bounds = try intent.reference.bounds(db)
        let window = try Parameters.postingWindow(db, today: now.date)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for line in lines {
            let id = line.id
            let facts = BankLineFacts(
                amount: line.amount, text: line.text, virtualAccount: line.virtualAccount,
                payerAccount: line.payerAccount, isReversal: line.mark.hasPrefix("R"))
            let suggestion = try StatementMatcher.suggest(facts, prefix: prefix, lookup: lookup)
            if autoAccept, suggestion.isConfident, let customer = suggestion.customer,
                line.amount <= bounds.documentAmount, window.contains(line.valueDate)
            {
                // The suggestion was made from the items as they are now, inside this transaction,
                // so its shares go straight to the guarded updates; one audit entry covers the batch.
                let (number, _) = try post(
                    intent, line: line, customer: customer, request: .none, validated: suggestion.shares,
                    suggestion: String(decoding: try encoder.encode(suggestion), as: UTF8.self),
                    rule: suggestion.rule.rawValue)
                posted.append(
                    BankReceiptAudit(
                        line: id, receipt: number, customer: customer, amount: line.amount,
                        rule: suggestion.rule.rawValue, shares: suggestion.shares))
                counts.matched += 1
                continue
            }
            try db.cachedStatement(sql: "UPDATE bank_line SET suggestion = ?, rule = ?, customer_id = ? WHERE id = ?")
                .execute(arguments: [
                    String(decoding: try encoder.encode(suggestion), as: UTF8.self), suggestion.rule.rawValue,
                    suggestion.customer?.rawValue, id,
                ])
            if suggestion.customer == nil || suggestion.rule == .exception {
                counts.exceptions += 1
            } else {
                counts.suggested += 1
            }
        }
        if !posted.isEmpty {
            let first = posted[0].line
            try intent.audit("bank.post", "bank_line", "\(first)", after: posted)
        }
        return counts
    }

    /// Turns a line into a receipt for `customer`, allocated as asked, and marks it matched.
    static func post(
        _ intent: Intent, line: BankLineRecord, customer: CustomerID, request: AllocationRequest,
        validated: [AllocationShare]? = nil, suggestion: String? = nil, rule: String
    ) throws -> (ReceiptNumber, [AllocationShare]) {
        let (db, now, user) = (intent.db, intent.now, intent.user)
        let input = PaymentInput(
            customer: customer, amount: line.amount, method: .bankTransfer, receivedOn: line.valueDate,
            reference: FreeText.printable(String(line.text.prefix(200))))
        let number = try ReceivablesStore.insertPayment(
            db, input, bounds: try intent.reference.bounds(db), source: .bank, bankLine: line.id, at: now, by: user)
        try ReceivablesStore.recorded(intent, number, input, source: .bank, bankLine: line.id)
        let shares =
            try validated
            ?? ReceivablesStore.shares(
                db, request, customer: customer, reference: input.reference, unapplied: line.amount)
        try ReceivablesStore.apply(
            db, payment: number, customer: customer, shares: shares, rule: rule, at: now, by: user)
        try ReceivablesStore.allocated(intent, number, amount: line.amount, shares: shares, rule: rule)
        try db.cachedStatement(
            sql: """
                UPDATE bank_line SET status = 'MATCHED', payment_number = ?, customer_id = ?, decided_at = ?,
                  decided_by = ?, suggestion = COALESCE(?, suggestion), rule = COALESCE(?, rule)
                WHERE id = ?
                """
        ).execute(arguments: [
            number.rawValue, customer.rawValue, now.iso, user, suggestion, suggestion == nil ? nil : rule, line.id,
        ])
        try intent.emit(
            BankLinePosted(
                lineID: line.id, paymentNumber: number.rawValue, customerID: customer.rawValue,
                amount: line.amount.amount, valueDate: line.valueDate.iso, rule: rule, at: now.iso, by: user),
            .created)  // the line's one decision, its first event
        return (number, shares)
    }

    static func bankLine(_ row: Row) throws -> BankLineRecord {
        let suggestion =
            row["suggestion"] as String? == nil
            ? nil
            : try Stored.parsed(row, "suggestion", table: "bank_line") {
                try JSONDecoder().decode(MatchSuggestion.self, from: Data($0.utf8))
            }
        let payment =
            row["payment_number"] as String? == nil
            ? nil : try Stored.parsed(row, "payment_number", table: "bank_line", ReceiptNumber.init)
        let cents: Int64 = row["amount_cents"]
        return BankLineRecord(
            id: row["id"], valueDate: try Stored.date(row, "value_date", table: "bank_line"), mark: row["mark"],
            amount: Money(cents / 100), text: row["text"], virtualAccount: row["virtual_account"],
            payerName: row["payer_name"], payerAccount: row["payer_account"],
            status: try Stored.value(BankLineStatus.self, row, "status", table: "bank_line"),
            suggestion: suggestion, payment: payment, note: row["note"])
    }

    static func key(_ parts: [String]) -> String {
        Hex.lowercase(SHA256.hash(data: Array(parts.joined(separator: "\u{1F}").utf8)))
    }
}

/// The audit record of a receipt posted from a bank line.
struct BankReceiptAudit: Codable {
    var line: Int64
    var receipt: ReceiptNumber
    var customer: CustomerID
    var amount: Money
    var rule: String
    var shares: [AllocationShare]
}

/// The matcher's questions answered from the database, inside the matching transaction.
struct DatabaseMatchLookup: MatchLookup {
    let db: Database

    func customer(virtualAccount: VirtualAccount) throws -> CustomerID? {
        let id = virtualAccount.customer
        return try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT 1 FROM customer WHERE id = ?"), arguments: [id.rawValue])
            != nil ? id : nil
    }

    func document(_ reference: String) throws -> (customer: CustomerID, item: Int64?)? {
        if let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT customer_id, id FROM open_item WHERE reference = ? ORDER BY id LIMIT 1"),
            arguments: [reference])
        {
            return (try CustomerID(row["customer_id"]), row["id"])
        }
        if let owner = try String.fetchOne(
            db.cachedStatement(sql: "SELECT customer_id FROM invoice WHERE number = ? OR order_number = ? LIMIT 1"),
            arguments: [reference, reference])
        {
            return (try CustomerID(owner), nil)
        }
        return nil
    }

    /// The customer a payer account was learnt for; a stored id that does not parse is an error naming the row.
    func customer(payerAccount: String) throws -> CustomerID? {
        try Row.fetchOne(
            db.cachedStatement(sql: "SELECT customer_id FROM bank_payer WHERE payer_account = ?"),
            arguments: [payerAccount]
        ).map { try Stored.customerID($0, "customer_id", table: "bank_payer", id: payerAccount) }
    }

    func openItems(of customer: CustomerID) throws -> [OpenItemBalance] {
        try ReceivablesStore.openItems(db, customer: customer)
    }

    func openItems(amount: Money, limit: Int) throws -> [(customer: CustomerID, item: OpenItemBalance)] {
        try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT id, customer_id, reference, kind, document_date, due_date, amount, open_amount FROM open_item
                    WHERE open_amount = ? AND open_amount > 0 LIMIT ?
                    """), arguments: [amount.amount, limit]
        ).map { row in
            (try Stored.customerID(row, "customer_id", table: "open_item"), try ReceivablesStore.openItem(row))
        }
    }
}
