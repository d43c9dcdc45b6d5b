import Foundation
import GRDB
import LuckyGasCore
import LuckyGasFormats

/// The invoicing steps shared by delivery, cancels, voids and allowances. Every function runs
/// inside the caller's write transaction.
enum InvoiceStore {
    /// The seller settings; issuing stops with a clear message while any is missing. A set
    /// `einvoice.allowance_supervisor_above` that is not a whole number is an error naming it.
    static func company(_ db: Database) throws -> CompanySettings {
        func value(_ key: String) throws -> String { try Parameters.value(db, key)?.trimmingSpaces ?? "" }
        let supervisorKey = "einvoice.allowance_supervisor_above"
        let supervisorText = try value(supervisorKey)
        var supervisorAbove: Int64 = 10_000
        if !supervisorText.isEmpty {
            guard let amount = Int64(supervisorText), amount >= 0 else {
                throw StoreError.badParameter(key: supervisorKey, value: supervisorText, expected: "0 or more")
            }
            supervisorAbove = amount
        }
        let settings = CompanySettings(
            ubn: try value("company.ubn"), name: try value("company.name"), address: try value("company.address"),
            taxRegistrationNumber: try value("company.tax_registration_no"), qrKey: try value("einvoice.qr_key"),
            qrKeyIsTest: try value("einvoice.qr_key_is_test") == "1",
            allowanceSupervisorAbove: Money(supervisorAbove))
        guard TaxID.isValid(settings.ubn) else { throw InvoicingError.companyNotSet("company.ubn") }
        guard !settings.name.isEmpty else { throw InvoicingError.companyNotSet("company.name") }
        guard !settings.address.isEmpty else { throw InvoicingError.companyNotSet("company.address") }
        guard QRCheckCode.isValidKey(settings.qrKey) else { throw InvoicingError.companyNotSet("einvoice.qr_key") }
        return settings
    }

    static func seller(_ company: CompanySettings) -> MIGSeller {
        MIGSeller(ubn: company.ubn, name: company.name, address: company.address)
    }

    /// Takes the next number of the period of `now`, inside the issuing transaction: lowest track
    /// and range first, never repeated or skipped (SQLite serialises writers, so two processes
    /// cannot take the same number), and never dated before the last invoice.
    static func takeNumber(_ db: Database, at now: LocalDateTime) throws -> (InvoiceNumber, Int64, InvoicePeriod) {
        let period = InvoicePeriod(containing: now.date)
        if let last = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT number, issued_at FROM invoice ORDER BY issued_at DESC LIMIT 1")),
            let lastMoment = try Stored.moment(last, "issued_at", table: "invoice"), lastMoment > now
        {
            throw InvoicingError.clockBehindLastInvoice(last: lastMoment)
        }
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT id, track, next_no FROM invoice_track
                        WHERE period = ? AND next_no <= end_no AND blank_reported_at IS NULL
                        ORDER BY track, begin_no LIMIT 1
                        """), arguments: [period.code])
        else { throw InvoicingError.noNumbers(period: period) }
        let id: Int64 = row["id"]
        let next: Int = row["next_no"]
        try db.cachedStatement(sql: "UPDATE invoice_track SET next_no = next_no + 1 WHERE id = ? AND next_no = ?")
            .execute(arguments: [id, next])
        guard db.changesCount == 1 else { throw StoreError.database("invoice number \(next) was taken twice") }
        return (InvoiceNumber(track: row["track"], sequence: next), id, period)
    }

    /// Queues a message for the platform.
    static func enqueue(
        _ db: Database, _ type: MIGMessageType, reference: String, documentDate: LocalDate, due: LocalDate, xml: String,
        at now: LocalDateTime
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO einvoice_message (message_type, reference, document_date, created_at, due_date, xml)
                VALUES (?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [type.rawValue, reference, documentDate.iso, now.iso, due.iso, xml])
    }

    /// Posts a journal entry; an unbalanced entry is a program error and aborts the transaction.
    static func post(_ db: Database, _ entry: JournalEntry, at now: LocalDateTime, by user: String) throws {
        guard entry.isBalanced else { throw StoreError.database("unbalanced journal entry \(entry.reference)") }
        try db.cachedStatement(
            sql: """
                INSERT INTO journal_entry (date, source, reference, description, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            entry.date.iso, entry.source.rawValue, entry.reference, entry.description, now.iso, user,
        ])
        let id = db.lastInsertedRowID
        for (index, line) in entry.lines.enumerated() {
            try db.cachedStatement(
                sql: """
                    INSERT INTO journal_line (entry_id, line_no, account, customer_id, debit, credit)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                id, index + 1, line.account.rawValue, line.customer?.rawValue, line.debit.amount, line.credit.amount,
            ])
        }
    }

    /// Writes an invoice just issued (with its lines).
    static func insertIssued(
        _ db: Database, _ number: InvoiceNumber, period: InvoicePeriod, track: Int64, order: OrderNumber?,
        customer: CustomerID, draft: InvoiceDraft, randomNumber: String, at now: LocalDateTime, by user: String
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO invoice (number, period, track_id, order_number, customer_id, issued_at, issued_by, buyer,
                  buyer_identifier, is_business, random_number, net, tax, total, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ISSUED')
                """
        ).execute(
            arguments: [
                number.rawValue, period.code, track, order?.rawValue, customer.rawValue, now.iso, user,
                try encode(draft.buyer), draft.buyer.identifier, draft.buyer.isBusiness, randomNumber,
                draft.split.net.amount, draft.split.tax.amount, draft.total.amount,
            ])
        try writeLines(db, number: number, lines: draft.lines)
    }

    /// Writes the invoice's lines (replacing earlier ones after a void).
    static func writeLines(_ db: Database, number: InvoiceNumber, lines: [InvoiceLine]) throws {
        try db.cachedStatement(sql: "DELETE FROM invoice_line WHERE invoice_number = ?").execute(arguments: [
            number.rawValue
        ])
        for line in lines {
            try db.cachedStatement(
                sql: """
                    INSERT INTO invoice_line (invoice_number, sequence, product_code, description, quantity, unit,
                      amount, net) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                number.rawValue, line.sequence, line.product?.rawValue, line.description, line.quantity, line.unit,
                line.amount.amount, line.net.amount,
            ])
        }
    }

    /// An issued invoice whose period is still open for filing (cancel and void need both).
    static func correctable(_ db: Database, number: InvoiceNumber, on today: LocalDate) throws -> InvoiceRecord {
        guard let invoice = try record(db, number: number) else { throw StoreError.invoiceNotFound(number.rawValue) }
        guard invoice.status == .issued else { throw InvoicingError.notIssued(number, status: invoice.status.chinese) }
        guard today <= invoice.period.cancelDeadline else {
            throw InvoicingError.cancelPeriodClosed(invoice.period, deadline: invoice.period.cancelDeadline)
        }
        return invoice
    }

    /// A reason as the MIG takes it: 1 to 20 characters.
    static func reason(_ text: String) throws -> String {
        let reason = try inputText(text, field: "原因 reason")
        guard !reason.isEmpty else { throw StoreError.reasonRequired }
        guard reason.count <= 20 else { throw InvoicingError.reasonTooLong(reason.count) }
        return reason
    }

    static func encode(_ buyer: InvoiceBuyer) throws -> String { try AuditLog.json(buyer) }

    static func decodeBuyer(_ text: String) throws -> InvoiceBuyer {
        try JSONDecoder().decode(InvoiceBuyer.self, from: Data(text.utf8))
    }

    /// One invoice with lines, allowances, messages and proof texts.
    static func record(_ db: Database, number: InvoiceNumber) throws -> InvoiceRecord? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT i.*, c.name AS customer_name,
                      (SELECT SUM(open_amount) FROM open_item o WHERE o.kind = 'INVOICE' AND o.reference = i.number)
                        AS open_amount,
                      (SELECT MIN(due_date) FROM open_item o WHERE o.kind = 'INVOICE' AND o.reference = i.number)
                        AS due_date
                    FROM invoice i JOIN customer c ON c.id = i.customer_id WHERE i.number = ?
                    """, arguments: [number.rawValue])
        else { return nil }
        let lines = try Row.fetchAll(
            db, sql: "SELECT * FROM invoice_line WHERE invoice_number = ? ORDER BY sequence",
            arguments: [number.rawValue]
        ).map { line in
            let sequence: Int = line["sequence"]
            return InvoiceLine(
                sequence: sequence,
                product: line["product_code"] as String? == nil
                    ? nil
                    : try Stored.parsed(
                        line, "product_code", table: "invoice_line", id: "\(number.rawValue)/\(sequence)",
                        ProductCode.init),
                description: line["description"], quantity: line["quantity"], unit: line["unit"],
                amount: Money(line["amount"]), net: Money(line["net"]))
        }
        let buyer = try decodeBuyer(row["buyer"])
        let draft = InvoiceDraft(
            buyer: buyer, lines: lines, split: TaxSplit(net: Money(row["net"]), tax: Money(row["tax"])))
        let issuedAt = try Stored.parsed(row, "issued_at", table: "invoice", LocalDateTime.init)
        let period = try Stored.parsed(row, "period", table: "invoice", InvoicePeriod.init)
        let random: String = row["random_number"]
        // Seller settings that are not set yet only blank the proofs; any other failure propagates.
        let company: CompanySettings?
        do { company = try Self.company(db) } catch InvoicingError.companyNotSet { company = nil }
        let sellerUBN = company?.ubn ?? ""
        let head = InvoiceProof.leftHead(
            number: number, date: issuedAt.date, randomNumber: random, net: draft.split.net, total: draft.total,
            buyerUBN: buyer.ubn, sellerUBN: sellerUBN)
        let check =
            (try? QRCheckCode.compute(
                keyHex: company?.qrKey ?? "",
                plaintext: InvoiceProof.checkPlaintext(number: number, randomNumber: random)))
            ?? String(repeating: "*", count: 24)
        let items = lines.map {
            InvoiceProof.Item(name: $0.description, quantity: $0.quantity, unitPrice: $0.unitPrice)
        }
        return InvoiceRecord(
            number: number, period: period,
            order: row["order_number"] as String? == nil
                ? nil : try Stored.parsed(row, "order_number", table: "invoice", OrderNumber.init),
            customer: try Stored.customerID(row, "customer_id", table: "invoice"), customerName: row["customer_name"],
            issuedAt: issuedAt, issuedBy: row["issued_by"], draft: draft, randomNumber: random,
            status: try Stored.value(InvoiceStatus.self, row, "status", table: "invoice"),
            cancelledAt: try Stored.moment(row, "cancelled_at", table: "invoice"), cancelledBy: row["cancelled_by"],
            cancelReason: row["cancel_reason"], voids: row["voids"], prints: row["prints"],
            open: Money((row["open_amount"] as Int64?) ?? 0),
            dueDate: try Stored.optionalDate(row, "due_date", table: "open_item", id: number.rawValue),
            allowances: try allowances(db, invoice: number), messages: try messages(db, invoice: number.rawValue),
            barcode: InvoiceProof.barcode(period: period, number: number, randomNumber: random),
            qrLeft: InvoiceProof.left(head: head, checkCode: check, items: items),
            qrRight: InvoiceProof.right(items: items), sellerUBN: sellerUBN, sellerName: company?.name ?? "")
    }

    static func allowances(_ db: Database, invoice: InvoiceNumber) throws -> [AllowanceRecord] {
        try Row.fetchAll(
            db, sql: "SELECT * FROM allowance WHERE invoice_number = ? ORDER BY number", arguments: [invoice.rawValue]
        ).map { row in
            let number: String = row["number"]
            let lines = try Row.fetchAll(
                db, sql: "SELECT * FROM allowance_line WHERE allowance_number = ? ORDER BY line_no",
                arguments: [number]
            ).map {
                AllowanceLine(
                    invoiceSequence: $0["invoice_sequence"], description: $0["description"], net: Money($0["net"]),
                    tax: Money($0["tax"]))
            }
            return AllowanceRecord(
                number: number, invoice: invoice,
                issuedAt: try Stored.parsed(row, "issued_at", table: "allowance", LocalDateTime.init),
                issuedBy: row["issued_by"], draft: AllowanceDraft(lines: lines), reason: row["reason"],
                approvedBy: row["approved_by"],
                status: try Stored.value(InvoiceStatus.self, row, "status", table: "allowance"))
        }
    }

    /// The invoice's messages and those of its allowances, oldest first.
    static func messages(_ db: Database, invoice: String) throws -> [EInvoiceMessage] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM einvoice_message WHERE reference = ?
                  OR reference IN (SELECT number FROM allowance WHERE invoice_number = ?) ORDER BY id
                """, arguments: [invoice, invoice]
        ).map { try message($0) }
    }

    /// A stored message; a date or status that does not parse is an error naming the row.
    static func message(_ row: Row) throws -> EInvoiceMessage {
        EInvoiceMessage(
            id: row["id"], type: row["message_type"], reference: row["reference"],
            documentDate: try Stored.date(row, "document_date", table: "einvoice_message"),
            dueDate: try Stored.date(row, "due_date", table: "einvoice_message"),
            status: try Stored.value(UploadStatus.self, row, "status", table: "einvoice_message"),
            fileName: row["file_name"],
            resultReason: row["result_reason"], xml: row["xml"])
    }
}
