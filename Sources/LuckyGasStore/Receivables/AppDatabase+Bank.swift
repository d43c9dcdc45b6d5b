import Crypto
import Foundation
import GRDB
import LuckyGasCore
import LuckyGasFormats

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
        let now = clock.now()
        let ids = ids
        let counted = result
        return try write { db in
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
                    let status = isMoneyIn || (line.isReversal && line.cents < 0) ? "OPEN" : "IGNORED"
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
                        line.payerAccount, status, status == "IGNORED" ? MatchRule.notReceipt.rawValue : nil,
                    ])
                    guard db.changesCount == 1 else {
                        result.duplicates += 1
                        continue
                    }
                    result.new += 1
                    if status == "OPEN" {
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
            let counts = try Self.match(
                db, lines: newLines, prefix: prefix, autoAccept: autoAccept, at: now, by: session.name, ids: ids)
            result.matched = counts.matched
            result.suggested = counts.suggested
            result.exceptions = counts.exceptions
            try Change(
                action: "bank.import", entity: "bank_statement", entityID: fileName, before: nil,
                after: AuditLog.json(result), version: 1, event: nil
            ).record(db, user: session.name, at: now, ids: ids)
            return result
        }
    }

    /// Runs the matching cascade again over every open line (new invoices, learned payers), and
    /// posts the confident ones when `autoAccept`.
    public func matchBankLines(autoAccept: Bool, by session: UserSession) throws -> (
        matched: Int, suggested: Int, exceptions: Int
    ) {
        try session.require(.payments)
        let now = clock.now()
        let ids = ids
        return try write { db in
            let open = try Row.fetchAll(db, sql: "SELECT * FROM bank_line WHERE status = 'OPEN' ORDER BY id")
                .map(Self.bankLine)
            return try Self.match(
                db, lines: open, prefix: try Parameters.virtualAccountPrefix(db), autoAccept: autoAccept, at: now,
                by: session.name, ids: ids)
        }
    }

    /// Statement lines by status (all when nil), oldest first.
    public func bankLines(status: String? = "OPEN", limit: Int = 500) throws -> [BankLineRecord] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM bank_line WHERE (? IS NULL OR status = ?) ORDER BY id LIMIT ?",
                arguments: [status, status, limit]
            ).map(Self.bankLine)
        }
    }

    /// One statement line.
    public func bankLine(_ id: Int64) throws -> BankLineRecord {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM bank_line WHERE id = ?", arguments: [id]) else {
                throw StoreError.bankLineNotFound(id)
            }
            return Self.bankLine(row)
        }
    }

    /// A person accepts a line: as suggested, or for another customer and/or other items. The line
    /// becomes a receipt (bank transfer, dated the value date) and the payer's account is learned.
    @discardableResult
    public func acceptBankLine(
        _ id: Int64, customer: CustomerID? = nil, shares: [(reference: String, amount: Money)]? = nil,
        by session: UserSession
    ) throws -> PaymentRecord {
        try session.require(.payments)
        let now = clock.now()
        let ids = ids
        return try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM bank_line WHERE id = ?", arguments: [id]) else {
                throw StoreError.bankLineNotFound(id)
            }
            let line = Self.bankLine(row)
            guard line.status == "OPEN" else { throw ReceivablesError.bankLineNotOpen(id, status: line.status) }
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
            let number = try Self.post(
                db, line: line, customer: payer, request: request, rule: rule, at: now, by: session.name, ids: ids)
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
        let now = clock.now()
        let ids = ids
        try write { db in
            let line = try Row.fetchOne(db, sql: "SELECT status FROM bank_line WHERE id = ?", arguments: [id])
            guard let status = line?["status"] as String? else { throw StoreError.bankLineNotFound(id) }
            guard status == "OPEN" else { throw ReceivablesError.bankLineNotOpen(id, status: status) }
            try db.execute(
                sql: "UPDATE bank_line SET status = 'REJECTED', decided_at = ?, decided_by = ?, note = ? WHERE id = ?",
                arguments: [now.iso, session.name, reason, id])
            try Change(
                action: "bank.reject", entity: "bank_line", entityID: "\(id)", before: nil,
                after: AuditLog.json(["reason": reason]), version: 1, event: nil
            ).record(db, user: session.name, at: now, ids: ids)
        }
    }

    // MARK: - Inside the transaction

    static func match(
        _ db: Database, lines: [BankLineRecord], prefix: String, autoAccept: Bool, at now: LocalDateTime,
        by user: String,
        ids: IDGenerator
    ) throws -> (matched: Int, suggested: Int, exceptions: Int) {
        var counts = (matched: 0, suggested: 0, exceptions: 0)
        var posted: [BankReceiptAudit] = []
        let lookup = DatabaseMatchLookup(db: db)
        // Read once for the whole statement: a line above the document bound or dated outside
        // the posting window is never posted without a person (it stays open).
        let bounds = try Parameters.bounds(db)
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
                let number = try post(
                    db, line: line, customer: customer, request: .none, validated: suggestion.shares,
                    suggestion: String(decoding: try encoder.encode(suggestion), as: UTF8.self),
                    rule: suggestion.rule.rawValue, at: now, by: user, ids: ids, audit: false)
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
            try Change(
                action: "bank.post", entity: "bank_line", entityID: "\(posted.count) receipts", before: nil,
                after: AuditLog.json(posted), version: 1, event: "BankReceiptsPosted"
            ).record(db, user: user, at: now, ids: ids)
        }
        return counts
    }

    /// Turns a line into a receipt for `customer`, allocated as asked, and marks it matched.
    static func post(
        _ db: Database, line: BankLineRecord, customer: CustomerID, request: AllocationRequest,
        validated: [AllocationShare]? = nil, suggestion: String? = nil, rule: String, at now: LocalDateTime,
        by user: String, ids: IDGenerator, audit: Bool = true
    ) throws -> ReceiptNumber {
        let input = PaymentInput(
            customer: customer, amount: line.amount, method: .bankTransfer, receivedOn: line.valueDate,
            reference: FreeText.printable(String(line.text.prefix(200))))
        let number = try ReceivablesStore.insertPayment(db, input, source: .bank, bankLine: line.id, at: now, by: user)
        let shares =
            try validated
            ?? ReceivablesStore.shares(
                db, request, customer: customer, reference: input.reference, unapplied: line.amount)
        try ReceivablesStore.apply(
            db, payment: number, customer: customer, shares: shares, rule: rule, at: now, by: user)
        try db.cachedStatement(
            sql: """
                UPDATE bank_line SET status = 'MATCHED', payment_number = ?, customer_id = ?, decided_at = ?,
                  decided_by = ?, suggestion = COALESCE(?, suggestion), rule = COALESCE(?, rule)
                WHERE id = ?
                """
        ).execute(arguments: [
            number.rawValue, customer.rawValue, now.iso, user, suggestion, suggestion == nil ? nil : rule, line.id,
        ])
        if audit {
            try Change(
                action: "payment.record", entity: "payment", entityID: number.rawValue, before: nil,
                after: AuditLog.json(
                    BankReceiptAudit(
                        line: line.id, receipt: number, customer: customer, amount: line.amount, rule: rule,
                        shares: shares)),
                version: 1, event: "PaymentRecorded"
            ).record(db, user: user, at: now, ids: ids)
        }
        return number
    }

    static func bankLine(_ row: Row) -> BankLineRecord {
        let suggestion = (row["suggestion"] as String?).flatMap {
            try? JSONDecoder().decode(MatchSuggestion.self, from: Data($0.utf8))
        }
        let cents: Int64 = row["amount_cents"]
        return BankLineRecord(
            id: row["id"], valueDate: LocalDate.parsing(row["value_date"]), mark: row["mark"],
            amount: Money(cents / 100), text: row["text"], virtualAccount: row["virtual_account"],
            payerName: row["payer_name"], payerAccount: row["payer_account"], status: row["status"],
            suggestion: suggestion, payment: (row["payment_number"] as String?).flatMap { try? ReceiptNumber($0) },
            note: row["note"])
    }

    static func key(_ parts: [String]) -> String {
        SHA256.hash(data: Array(parts.joined(separator: "\u{1F}").utf8)).map { String(format: "%02x", $0) }.joined()
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

    func customer(payerAccount: String) throws -> CustomerID? {
        try String.fetchOne(
            db.cachedStatement(sql: "SELECT customer_id FROM bank_payer WHERE payer_account = ?"),
            arguments: [payerAccount]
        ).flatMap { try? CustomerID($0) }
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
        ).map { row in ((try CustomerID(row["customer_id"])), ReceivablesStore.openItem(row)) }
    }
}
