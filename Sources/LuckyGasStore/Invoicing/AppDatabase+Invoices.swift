import Foundation
import GRDB
import LuckyGasCore
import LuckyGasFormats
import LuckyGasWire

/// Which invoices to list.
public struct InvoiceFilter: Sendable, Hashable {
    /// Only this period.
    public var period: InvoicePeriod?
    /// Only this status.
    public var status: InvoiceStatus?
    /// Only this customer.
    public var customer: CustomerID?
    /// Only invoices whose newest message has this upload state.
    public var upload: UploadStatus?
    /// At most this many, newest first.
    public var limit: Int

    /// Creates a filter.
    public init(
        period: InvoicePeriod? = nil, status: InvoiceStatus? = nil, customer: CustomerID? = nil,
        upload: UploadStatus? = nil, limit: Int = 500
    ) {
        self.period = period
        self.status = status
        self.customer = customer
        self.upload = upload
        self.limit = limit
    }
}

extension AppDatabase {
    /// The seller settings, or the message saying which is missing.
    public func companySettings() throws -> CompanySettings { try read { try InvoiceStore.company($0) } }

    /// One invoice with its lines, allowances, messages and proof texts.
    /// The invoice issued for a delivered order, if any.
    public func invoice(forOrder order: OrderNumber) throws -> InvoiceNumber? {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT number FROM invoice WHERE order_number = ? ORDER BY issued_at DESC LIMIT 1",
                    arguments: [order.rawValue])
            else { return nil }
            return try Stored.parsed(row, "number", table: "invoice", id: order.rawValue) { try InvoiceNumber($0) }
        }
    }

    public func invoice(_ number: InvoiceNumber) throws -> InvoiceRecord? {
        let today = clock.now().date
        return try read { db in
            guard var record = try InvoiceStore.record(db, number: number) else { return nil }
            if record.status == .issued, let due = record.dueDate {
                record.paymentStatus = PaymentStatus(
                    amount: record.draft.total, open: record.open, due: due, asOf: today)
            }
            record.payments = try Row.fetchAll(
                db,
                sql: """
                    SELECT a.payment_number, a.allocated_on, a.amount FROM allocation a
                    JOIN open_item o ON o.id = a.open_item_id
                    WHERE o.kind = 'INVOICE' AND o.reference = ? AND a.reversed_on IS NULL ORDER BY a.id
                    """, arguments: [number.rawValue]
            ).map { row in
                PaymentShare(
                    receipt: try Stored.parsed(row, "payment_number", table: "allocation", ReceiptNumber.init),
                    date: try Stored.date(row, "allocated_on", table: "allocation"),
                    amount: Money(row["amount"] as Int64))
            }
            return record
        }
    }

    /// The invoice list, newest first.
    public func invoices(_ filter: InvoiceFilter = InvoiceFilter()) throws -> [InvoiceSummary] {
        try read { db in
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let period = filter.period {
                conditions.append("i.period = ?")
                arguments.append(period.code)
            }
            if let status = filter.status {
                conditions.append("i.status = ?")
                arguments.append(status.rawValue)
            }
            if let customer = filter.customer {
                conditions.append("i.customer_id = ?")
                arguments.append(customer.rawValue)
            }
            if let upload = filter.upload {
                conditions.append("m.status = ?")
                arguments.append(upload.rawValue)
            }
            arguments.append(filter.limit)
            let sql = """
                SELECT i.number, i.period, i.issued_at, i.customer_id, c.name, i.buyer, i.total, i.status,
                  m.id AS message_id, m.status AS upload, m.due_date
                FROM invoice i JOIN customer c ON c.id = i.customer_id
                LEFT JOIN einvoice_message m ON m.id =
                  (SELECT MAX(id) FROM einvoice_message WHERE reference = i.number)
                \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
                ORDER BY i.issued_at DESC, i.number DESC LIMIT ?
                """
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                InvoiceSummary(
                    number: try InvoiceNumber(row["number"] as String),
                    period: try InvoicePeriod(row["period"] as String),
                    issuedAt: try LocalDateTime(row["issued_at"] as String),
                    customer: try CustomerID(row["customer_id"] as String), customerName: row["name"],
                    buyer: try InvoiceStore.decodeBuyer(row["buyer"]), total: Money(row["total"]),
                    status: try Stored.value(InvoiceStatus.self, row, "status", table: "invoice"),
                    upload: try Stored.optional(
                        UploadStatus.self, row, "upload", table: "einvoice_message",
                        id: (row["message_id"] as Int64?).map { "\($0)" }),
                    uploadDue: try (row["due_date"] as String?).map { try LocalDate($0) })
            }
        }
    }

    /// Cancels (作廢) an invoice with a reason while its period is open for filing (until the 15th
    /// after it ends); afterwards only an allowance is possible. Invoices issued before today need
    /// a supervisor. Restores the customer's credit (the receivable closes) and reverses the ledger.
    public func cancelInvoice(
        _ number: InvoiceNumber, reason: String, by session: UserSession, approval: OverrideApproval? = nil
    ) throws {
        try session.require(.invoices)
        let reason = try InvoiceStore.reason(reason)
        let approver = try approval.map { try checkOverride($0, actingAs: session) }
        try intent(session, .invoices) { intent in
            let (db, now) = (intent.db, intent.now)
            let invoice = try InvoiceStore.correctable(db, number: number, on: now.date)
            if invoice.issuedAt.date < now.date && approver == nil {
                throw InvoicingError.supervisorRequired(
                    OperatorMessage(
                        zh: "作廢 \(invoice.issuedAt.date.iso) 開立的發票",
                        en: "cancelling an invoice issued on \(invoice.issuedAt.date.iso)"))
            }
            guard !invoice.allowances.contains(where: { $0.status == .issued }) else {
                throw InvoicingError.invoiceHasAllowances(number)
            }
            guard invoice.open == invoice.draft.total else {
                throw InvoicingError.invoicePartlyPaid(number, open: invoice.open, total: invoice.draft.total)
            }
            let company = try InvoiceStore.company(db)
            try db.execute(
                sql: """
                    UPDATE invoice SET status = 'CANCELLED', cancelled_at = ?, cancelled_by = ?, cancel_reason = ?,
                      approved_by = ? WHERE number = ?
                    """,
                arguments: [now.iso, session.name, reason, approver?.name, number.rawValue])
            try OpenItems.closeCancelled(db, number, open: invoice.open, on: now.date)
            try InvoiceStore.post(
                db, .invoiceCancelled(number, customer: invoice.customer, split: invoice.draft.split, date: now.date),
                at: now, by: session.name)
            try InvoiceStore.enqueue(
                db, .cancel, reference: number.rawValue, documentDate: now.date,
                due: UploadDeadline.due(isBusiness: invoice.draft.buyer.isBusiness, documentDate: now.date),
                xml: MIGWriter.cancelOrVoid(
                    .cancel, number: number, invoiceDate: invoice.issuedAt.date,
                    buyerIdentifier: invoice.draft.buyer.identifier, sellerUBN: company.ubn, at: now, reason: reason),
                at: now)
            intent.audit(
                "invoice.cancel", "invoice", number.rawValue, beforeJSON: #"{"status":"ISSUED"}"#,
                afterJSON: try AuditLog.json([
                    "status": "CANCELLED", "reason": reason, "approvedBy": approver?.name ?? "",
                ]))
            try intent.emit(
                InvoiceCancelled(
                    number: number.rawValue, reason: reason, approvedBy: approver?.name, cancelledAt: now.iso,
                    cancelledBy: session.name), .changed)
        }
    }

    /// Voids (註銷, F0701) an invoice and re-issues it under the same number (F0401) with corrected
    /// buyer data. Amounts, random number and ledger stay; the lines are shown again for the new
    /// buyer kind (tax-inclusive for B2C). Only while the period is open for filing.
    public func voidAndReissue(_ number: InvoiceNumber, buyer: InvoiceBuyer, reason: String, by session: UserSession)
        throws
    {
        try session.require(.invoices)
        let reason = try InvoiceStore.reason(reason)
        _ = try inputText(buyer.name, field: "買方名稱 buyer name", limit: FreeText.Limit.name)
        try intent(session, .invoices) { intent in
            let (db, now) = (intent.db, intent.now)
            let invoice = try InvoiceStore.correctable(db, number: number, on: now.date)
            guard buyer != invoice.draft.buyer else { throw InvoicingError.nothingToChange }
            guard !invoice.allowances.contains(where: { $0.status == .issued }) else {
                throw InvoicingError.invoiceHasAllowances(number)
            }
            let company = try InvoiceStore.company(db)
            let nets = invoice.draft.lines.map(\.net)
            let amounts =
                buyer.isBusiness
                ? nets : InvoiceDraft.taxInclusive(nets, total: invoice.draft.total, ratePercent: TaxSplit.ratePercent)
            var draft = invoice.draft
            draft.buyer = buyer
            for index in draft.lines.indices { draft.lines[index].amount = amounts[index] }
            try db.execute(
                sql: """
                    UPDATE invoice SET buyer = ?, buyer_identifier = ?, is_business = ?, voids = voids + 1
                    WHERE number = ?
                    """,
                arguments: [try InvoiceStore.encode(buyer), buyer.identifier, buyer.isBusiness, number.rawValue])
            try InvoiceStore.writeLines(db, number: number, lines: draft.lines)
            let due = UploadDeadline.due(isBusiness: buyer.isBusiness, documentDate: now.date)
            try InvoiceStore.enqueue(
                db, .void, reference: number.rawValue, documentDate: now.date, due: due,
                xml: MIGWriter.cancelOrVoid(
                    .void, number: number, invoiceDate: invoice.issuedAt.date,
                    buyerIdentifier: invoice.draft.buyer.identifier, sellerUBN: company.ubn, at: now, reason: reason),
                at: now)
            try InvoiceStore.enqueue(
                db, .invoice, reference: number.rawValue, documentDate: invoice.issuedAt.date, due: due,
                xml: MIGWriter.invoice(
                    number: number, issuedAt: invoice.issuedAt, seller: InvoiceStore.seller(company), draft: draft,
                    randomNumber: invoice.randomNumber, relateNumber: invoice.order?.rawValue),
                at: now)
            intent.audit(
                "invoice.void_reissue", "invoice", number.rawValue,
                beforeJSON: try InvoiceStore.encode(invoice.draft.buyer), afterJSON: try InvoiceStore.encode(buyer))
            try intent.emit(
                InvoiceVoidedAndReissued(
                    number: number.rawValue, reason: reason, previousBuyer: WireBuyer(invoice.draft.buyer),
                    buyer: WireBuyer(buyer), at: now.iso, by: session.name), .changed)
        }
    }

    /// Records a printed proof and tells whether it is a reprint (補印). Only one original exists.
    public func recordProofPrint(_ number: InvoiceNumber, by session: UserSession) throws -> Bool {
        return try intent(session, .invoices) { intent in
            let db = intent.db
            guard
                let prints = try Int.fetchOne(
                    db, sql: "SELECT prints FROM invoice WHERE number = ?", arguments: [number.rawValue])
            else { throw StoreError.invoiceNotFound(number.rawValue) }
            try db.execute(sql: "UPDATE invoice SET prints = prints + 1 WHERE number = ?", arguments: [number.rawValue])
            intent.audit(
                prints == 0 ? "invoice.print" : "invoice.reprint", "invoice", number.rawValue,
                afterJSON: #"{"prints":\#(prints + 1)}"#)
            return prints > 0
        }
    }
}
