import Foundation
import GRDB
import LuckyGasCore
import LuckyGasFormats
import LuckyGasWire

extension AppDatabase {
    /// Issues an allowance (折讓, G0401) against part of an invoice, per line, net and tax apart.
    /// Allowances above the parameter (NT$10,000) need a supervisor. The receivable goes down by the
    /// allowance total; the journal posts Dr 4190 + Dr 2141 / Cr 1140.
    @discardableResult
    public func issueAllowance(
        on number: InvoiceNumber, lines requests: [Int: Money], reason: String, by session: UserSession,
        approval: OverrideApproval? = nil
    ) throws -> AllowanceRecord {
        try session.require(.invoices)
        let reason = try InvoiceStore.reason(reason)
        let approver = try approval.map { try checkOverride($0, actingAs: session) }
        return try intent(session, .invoices) { intent in
            let (db, now) = (intent.db, intent.now)
            guard let invoice = try InvoiceStore.record(db, number: number) else {
                throw StoreError.invoiceNotFound(number.rawValue)
            }
            guard invoice.status == .issued else {
                throw InvoicingError.notIssued(number, status: invoice.status.chinese)
            }
            let company = try InvoiceStore.company(db)
            let draft = try invoice.allowanceDraft(requests)
            if draft.total > company.allowanceSupervisorAbove && approver == nil {
                throw InvoicingError.supervisorRequired(
                    OperatorMessage(
                        zh: "折讓 \(draft.total.grouped) 元超過 \(company.allowanceSupervisorAbove.grouped) 元",
                        en:
                            "an allowance of NT$\(draft.total.grouped) is above NT$\(company.allowanceSupervisorAbove.grouped)"
                    ))
            }
            guard draft.total <= invoice.open else {
                throw InvoicingError.allowanceAboveOpen(number, open: invoice.open)
            }
            let sequence =
                (try Int.fetchOne(
                    db, sql: "SELECT last FROM allowance_sequence WHERE day = ?", arguments: [now.date.compact]) ?? 0)
                + 1
            try db.execute(
                sql:
                    "INSERT INTO allowance_sequence (day, last) VALUES (?, ?) ON CONFLICT(day) DO UPDATE SET last = excluded.last",
                arguments: [now.date.compact, sequence])
            let allowance =
                "AL" + now.date.compact + String(repeating: "0", count: max(0, 6 - String(sequence).count))
                + String(sequence)
            try db.execute(
                sql: """
                    INSERT INTO allowance (number, invoice_number, customer_id, issued_at, issued_by, net, tax, reason,
                      approved_by, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ISSUED')
                    """,
                arguments: [
                    allowance, number.rawValue, invoice.customer.rawValue, now.iso, session.name, draft.net.amount,
                    draft.tax.amount, reason, approver?.name,
                ])
            for (index, line) in draft.lines.enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO allowance_line (allowance_number, line_no, invoice_sequence, description, net, tax)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        allowance, index + 1, line.invoiceSequence, line.description, line.net.amount, line.tax.amount,
                    ])
            }
            try OpenItems.adjustInvoice(
                db, number, by: -draft.total, on: now.date, cause: "ALLOWANCE", document: allowance)
            try InvoiceStore.post(
                db,
                .allowance(
                    allowance, invoice: number, customer: invoice.customer, net: draft.net, tax: draft.tax,
                    date: now.date),
                at: now, by: session.name)
            try InvoiceStore.enqueue(
                db, .allowance, reference: allowance, documentDate: now.date,
                due: UploadDeadline.due(isBusiness: invoice.draft.buyer.isBusiness, documentDate: now.date),
                xml: MIGWriter.allowance(
                    number: allowance, date: now.date, seller: InvoiceStore.seller(company),
                    buyerIdentifier: invoice.draft.buyer.identifier, buyerName: invoice.draft.buyer.name,
                    invoice: number, invoiceDate: invoice.issuedAt.date, draft: draft),
                at: now)
            let record = AllowanceRecord(
                number: allowance, invoice: number, issuedAt: now, issuedBy: session.name, draft: draft, reason: reason,
                approvedBy: approver?.name, status: .issued)
            try intent.audit("allowance.issue", "allowance", allowance, after: record)
            try intent.emit(
                AllowanceIssued(
                    number: allowance, invoiceNumber: number.rawValue, customerID: invoice.customer.rawValue,
                    net: draft.net.amount, tax: draft.tax.amount, total: draft.total.amount, reason: reason,
                    approvedBy: approver?.name, issuedAt: now.iso, issuedBy: session.name), .created)
            return record
        }
    }

    /// Cancels an allowance (G0501): the receivable and the ledger are restored.
    public func cancelAllowance(_ number: String, reason: String, by session: UserSession) throws {
        try session.require(.invoices)
        let reason = try InvoiceStore.reason(reason)
        try intent(session, .invoices) { intent in
            let (db, now) = (intent.db, intent.now)
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM allowance WHERE number = ?", arguments: [number])
            else {
                throw StoreError.allowanceNotFound(number)
            }
            guard row["status"] as String == "ISSUED" else { throw InvoicingError.allowanceNotIssued(number) }
            let invoiceNumber = try InvoiceNumber(row["invoice_number"] as String)
            guard let invoice = try InvoiceStore.record(db, number: invoiceNumber) else {
                throw StoreError.invoiceNotFound(invoiceNumber.rawValue)
            }
            let company = try InvoiceStore.company(db)
            let net = Money(row["net"])
            let tax = Money(row["tax"])
            let issuedAt = try LocalDateTime(row["issued_at"] as String)
            try db.execute(
                sql: """
                    UPDATE allowance SET status = 'CANCELLED', cancelled_at = ?, cancelled_by = ?, cancel_reason = ?
                    WHERE number = ?
                    """, arguments: [now.iso, session.name, reason, number])
            try OpenItems.adjustInvoice(
                db, invoiceNumber, by: net + tax, on: now.date, cause: "ALLOWANCE_CANCEL", document: number)
            try InvoiceStore.post(
                db,
                .allowanceCancelled(
                    number, invoice: invoiceNumber, customer: invoice.customer, net: net, tax: tax, date: now.date),
                at: now, by: session.name)
            try InvoiceStore.enqueue(
                db, .allowanceCancel, reference: number, documentDate: now.date,
                due: UploadDeadline.due(isBusiness: invoice.draft.buyer.isBusiness, documentDate: now.date),
                xml: MIGWriter.allowanceCancel(
                    number: number, allowanceDate: issuedAt.date, buyerIdentifier: invoice.draft.buyer.identifier,
                    sellerUBN: company.ubn, at: now, reason: reason),
                at: now)
            intent.audit(
                "allowance.cancel", "allowance", number, beforeJSON: #"{"status":"ISSUED"}"#,
                afterJSON: try AuditLog.json(["status": "CANCELLED", "reason": reason]))
            try intent.emit(
                AllowanceCancelled(
                    number: number, invoiceNumber: invoiceNumber.rawValue, reason: reason, cancelledAt: now.iso,
                    cancelledBy: session.name), .changed)
        }
    }
}
