import Foundation
import GRDB
import LuckyGasCore
import LuckyGasFormats

extension AppDatabase {
    /// Imports allocated number ranges (the platform CSV or E0501, parsed by `TrackAllocationImport`).
    /// Ranges must be ours, whole booklets, and not overlap others of the same track and period; a
    /// range already imported is skipped, so importing the same file twice changes nothing.
    @discardableResult
    public func importTracks(_ allocations: [TrackAllocation], source: String, by session: UserSession) throws
        -> TrackImportSummary
    {
        guard session.role.allows(.invoices) || session.role.allows(.administer) else {
            throw StoreError.notPermitted(user: session.name, role: session.role, permission: .invoices)
        }
        return try intent(session, .invoices, .administer) { intent in
            let (db, now) = (intent.db, intent.now)
            let company = try InvoiceStore.company(db)
            var summary = TrackImportSummary(added: 0, alreadyPresent: 0, numbers: 0)
            for allocation in allocations {
                guard allocation.sellerUBN == company.ubn else {
                    throw InvoicingError.wrongSeller(expected: company.ubn, found: allocation.sellerUBN)
                }
                let period = try InvoicePeriod(allocation.period)
                let label = "\(period.code) \(allocation.track) \(allocation.begin)-\(allocation.end)"
                guard allocation.begin % 50 == 0, (allocation.end + 1) % 50 == 0, allocation.end >= allocation.begin,
                    allocation.end <= 99_999_999
                else { throw InvoicingError.trackRange(label) }
                if try Int.fetchOne(
                    db,
                    sql: "SELECT 1 FROM invoice_track WHERE period = ? AND track = ? AND begin_no = ? AND end_no = ?",
                    arguments: [period.code, allocation.track, allocation.begin, allocation.end]) != nil
                {
                    summary.alreadyPresent += 1
                    continue
                }
                if try Int.fetchOne(
                    db,
                    sql: """
                        SELECT 1 FROM invoice_track WHERE period = ? AND track = ? AND begin_no <= ? AND end_no >= ?
                        """, arguments: [period.code, allocation.track, allocation.end, allocation.begin]) != nil
                {
                    throw InvoicingError.trackOverlap(label)
                }
                try db.execute(
                    sql: """
                        INSERT INTO invoice_track (period, invoice_type, track, begin_no, end_no, next_no, imported_at,
                          imported_by, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        period.code, allocation.invoiceType, allocation.track, allocation.begin, allocation.end,
                        allocation.begin, now.iso, session.name, source,
                    ])
                summary.added += 1
                summary.numbers += allocation.end - allocation.begin + 1
                try intent.audit("einvoice.track_import", "invoice_track", label, after: allocation)
            }
            return summary
        }
    }

    /// Allocated ranges with their use, by period (all periods when nil).
    public func trackUsage(period: InvoicePeriod? = nil) throws -> [TrackUsage] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM invoice_track \(period == nil ? "" : "WHERE period = ?")
                    ORDER BY period, track, begin_no
                    """, arguments: period.map { [$0.code] } ?? []
            ).map { row in
                TrackUsage(
                    id: row["id"], period: try InvoicePeriod(row["period"] as String), track: row["track"],
                    begin: row["begin_no"], end: row["end_no"], next: row["next_no"],
                    blankReportedAt: try (row["blank_reported_at"] as String?).map(LocalDateTime.init))
            }
        }
    }

    /// Reports the unused numbers of an ended period as E0402 messages, one per track; the ranges
    /// are closed for issuing. Returns how many messages were queued (0 when already reported).
    @discardableResult
    public func reportBlankNumbers(period: InvoicePeriod, by session: UserSession) throws -> Int {
        return try intent(session, .invoices) { intent in
            let (db, now) = (intent.db, intent.now)
            guard now.date > period.end else { throw InvoicingError.periodNotOver(period) }
            let company = try InvoiceStore.company(db)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, track, next_no, end_no FROM invoice_track
                    WHERE period = ? AND blank_reported_at IS NULL ORDER BY track, begin_no
                    """, arguments: [period.code])
            var ranges: [String: [ClosedRange<Int>]] = [:]
            for row in rows {
                let next: Int = row["next_no"]
                let end: Int = row["end_no"]
                if next <= end { ranges[row["track"], default: []].append(next...end) }
                try db.execute(
                    sql: "UPDATE invoice_track SET blank_reported_at = ? WHERE id = ?",
                    arguments: [now.iso, row["id"] as Int64])
            }
            for (track, list) in ranges.sorted(by: { $0.key < $1.key }) {
                try InvoiceStore.enqueue(
                    db, .blank, reference: "\(period.code)-\(track)", documentDate: now.date,
                    due: period.blankReportDeadline,
                    xml: MIGWriter.blank(sellerUBN: company.ubn, period: period, track: track, ranges: list), at: now)
            }
            if !rows.isEmpty {
                try intent.audit(
                    "einvoice.blank", "invoice_track", period.code,
                    after: ranges.mapValues { $0.map { "\($0.lowerBound)-\($0.upperBound)" } })
            }
            return ranges.count
        }
    }
}

/// The public test QR key (documented by ho600; the vectors in `test-vectors.json` use it).
public let publicTestQRKey = "FE05F029154F6AA67A78B338ED2F6601"

extension AppDatabase {
    /// Sets the seller and e-invoice settings (administrator). The QR key is checked here.
    public func setCompany(
        ubn: String, name: String, address: String, taxRegistrationNumber: String, qrKey: String,
        by session: UserSession
    ) throws {
        try session.require(.administer)
        guard TaxID.isValid(ubn) else { throw StoreError.invalid(.taxID(ubn)) }
        _ = try inputText(name, field: "公司名稱 company name", limit: FreeText.Limit.name)
        _ = try inputText(address, field: "公司地址 company address", limit: FreeText.Limit.address)
        guard QRCheckCode.isValidKey(qrKey) else {
            throw StoreError.invalid(.unknownValue(field: "QR key", value: "…", allowed: ["32 hex"]))
        }
        try setParameter("company.ubn", value: ubn, by: session)
        try setParameter("company.name", value: name, by: session)
        try setParameter("company.address", value: address, by: session)
        try setParameter("company.tax_registration_no", value: taxRegistrationNumber, by: session)
        try setParameter("einvoice.qr_key", value: qrKey.uppercased(), by: session)
        try setParameter(
            "einvoice.qr_key_is_test", value: qrKey.uppercased() == publicTestQRKey ? "1" : "0", by: session)
    }
}
