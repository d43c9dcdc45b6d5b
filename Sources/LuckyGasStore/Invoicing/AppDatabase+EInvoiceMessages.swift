import Foundation
import GRDB
import LuckyGasCore
import LuckyGasFormats

extension AppDatabase {
    /// Messages not yet handed to Turnkey, in the order they must be uploaded.
    public func pendingMessages() throws -> [EInvoiceMessage] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM einvoice_message WHERE status = 'PENDING' ORDER BY id").map(
                InvoiceStore.message)
        }
    }

    /// All messages with a given status (or all), newest first.
    public func messages(status: UploadStatus? = nil, limit: Int = 1000) throws -> [EInvoiceMessage] {
        try read { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT * FROM einvoice_message \(status == nil ? "" : "WHERE status = ?") ORDER BY id DESC LIMIT ?",
                arguments: status.map { [$0.rawValue, limit] } ?? [limit]
            ).map(InvoiceStore.message)
        }
    }

    /// How many messages of each kind are in each state (the upload board), without loading the XML.
    public func messageCounts() throws -> [String: [UploadStatus: Int]] {
        try read { db in
            var counts: [String: [UploadStatus: Int]] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT message_type, status, COUNT(*) AS n, MIN(id) AS id FROM einvoice_message
                    GROUP BY message_type, status
                    """)
            {
                // A status that does not parse names the first message holding it, not a missing count.
                let status = try Stored.value(UploadStatus.self, row, "status", table: "einvoice_message")
                counts[row["message_type"], default: [:]][status] = row["n"]
            }
            return counts
        }
    }

    /// Marks messages as written into the Turnkey folders.
    public func markExported(_ files: [(id: Int64, fileName: String)], by session: UserSession) throws {
        try intent(session, .invoices) { intent in
            let (db, now) = (intent.db, intent.now)
            for file in files {
                try db.cachedStatement(
                    sql: """
                        UPDATE einvoice_message SET status = 'EXPORTED', file_name = ?, exported_at = ?
                        WHERE id = ? AND status = 'PENDING'
                        """
                ).execute(arguments: [file.fileName, now.iso, file.id])
            }
            try intent.audit(
                "einvoice.export", "einvoice_message", files.first?.fileName ?? "-",
                after: ["messages": files.count])
        }
    }

    /// A platform result for one message.
    public struct UploadResult: Sendable, Hashable {
        /// F0401 ...
        public var type: String
        /// Invoice or allowance number (or the file name for a Turnkey ERR file).
        public var reference: String
        /// Accepted or not.
        public var accepted: Bool
        /// Why not.
        public var reason: String?

        /// Creates a result.
        public init(type: String, reference: String, accepted: Bool, reason: String?) {
            self.type = type
            self.reference = reference
            self.accepted = accepted
            self.reason = reason
        }
    }

    /// Applies results to the newest exported message of each (type, reference); results for
    /// messages already settled the same way change nothing. Returns (accepted, rejected, unknown).
    public func applyUploadResults(_ results: [UploadResult], by session: UserSession) throws -> (Int, Int, Int) {
        try intent(session, .invoices) { intent in
            let (db, now) = (intent.db, intent.now)
            var counts = (0, 0, 0)
            for result in results {
                guard
                    let id = try Int64.fetchOne(
                        db,
                        sql: """
                            SELECT id FROM einvoice_message WHERE message_type = ? AND (reference = ? OR file_name = ?)
                              AND status IN ('EXPORTED', 'ACCEPTED', 'REJECTED') ORDER BY id DESC LIMIT 1
                            """, arguments: [result.type, result.reference, result.reference])
                else {
                    counts.2 += 1
                    continue
                }
                try db.execute(
                    sql: "UPDATE einvoice_message SET status = ?, result_at = ?, result_reason = ? WHERE id = ?",
                    arguments: [result.accepted ? "ACCEPTED" : "REJECTED", now.iso, result.reason, id])
                if result.accepted { counts.0 += 1 } else { counts.1 += 1 }
            }
            try intent.audit(
                "einvoice.results", "einvoice_message", results.first?.reference ?? "-",
                after: ["accepted": counts.0, "rejected": counts.1, "unknown": counts.2])
            return counts
        }
    }

    /// Messages due by tomorrow that the platform has not accepted, and ended periods whose blank
    /// numbers are not reported yet: the warning list.
    public func uploadWarnings() throws -> [UploadWarning] {
        let today = clock.now().date
        return try read { db in
            var warnings = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, message_type, reference, due_date, status FROM einvoice_message
                    WHERE status != 'ACCEPTED' AND due_date <= ? ORDER BY due_date, id
                    """, arguments: [today.adding(days: 1).iso]
            ).map { row in
                let due = try Stored.date(row, "due_date", table: "einvoice_message")
                return UploadWarning(
                    type: row["message_type"], reference: row["reference"], dueDate: due,
                    status: try Stored.value(UploadStatus.self, row, "status", table: "einvoice_message"),
                    overdue: due < today)
            }
            for period in try String.fetchAll(
                db, sql: "SELECT DISTINCT period FROM invoice_track WHERE blank_reported_at IS NULL ORDER BY period")
            {
                let value = try InvoicePeriod(period)
                guard value.end < today else { continue }
                warnings.append(
                    UploadWarning(
                        type: "E0402", reference: value.code, dueDate: value.blankReportDeadline, status: .pending,
                        overdue: value.blankReportDeadline < today))
            }
            return warnings
        }
    }

    /// The 401 media file records of a period: invoices (format 35; cancelled as `F` with zero
    /// amounts) and allowances dated in it (33 for B2B, 34 for B2C).
    public func mediaRecords(period: InvoicePeriod) throws -> (taxRegistrationNumber: String, records: [VATMediaRecord])
    {
        try read { db in
            let company = try InvoiceStore.company(db)
            var records = try Row.fetchAll(
                db,
                sql: "SELECT * FROM invoice WHERE period = ? ORDER BY number", arguments: [period.code]
            ).map { row in
                let issued = try LocalDateTime(row["issued_at"] as String)
                let business: Bool = row["is_business"]
                let cancelled = row["status"] as String == "CANCELLED"
                let net = Money(row["net"])
                let tax = Money(row["tax"])
                return VATMediaRecord(
                    formatCode: "35", rocYear: issued.date.rocYear, month: issued.date.month,
                    buyerUBN: business ? row["buyer_identifier"] : nil, sellerUBN: company.ubn,
                    invoiceNumber: row["number"],
                    amount: cancelled ? 0 : business ? net.amount : (net + tax).amount,
                    taxType: cancelled ? "F" : "1", tax: cancelled || !business ? 0 : tax.amount)
            }
            records += try Row.fetchAll(
                db,
                sql: """
                    SELECT a.*, i.is_business, i.buyer_identifier FROM allowance a JOIN invoice i ON i.number = a.invoice_number
                    WHERE a.status = 'ISSUED' AND a.issued_at >= ? AND a.issued_at < ? ORDER BY a.number
                    """, arguments: [period.start.iso, period.end.adding(days: 1).iso]
            ).map { row in
                let issued = try LocalDateTime(row["issued_at"] as String)
                let business: Bool = row["is_business"]
                return VATMediaRecord(
                    formatCode: business ? "33" : "34", rocYear: issued.date.rocYear, month: issued.date.month,
                    buyerUBN: business ? row["buyer_identifier"] : nil, sellerUBN: company.ubn,
                    invoiceNumber: row["invoice_number"], amount: row["net"], taxType: "1", tax: row["tax"])
            }
            return (company.taxRegistrationNumber, records)
        }
    }
}
