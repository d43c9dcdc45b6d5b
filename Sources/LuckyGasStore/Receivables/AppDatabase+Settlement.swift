import Foundation
import GRDB
import LuckyGasCore
import LuckyGasWire

extension AppDatabase {
    /// Every collector (driver, or counter user for walk-in sales) with cash or checks collected
    /// at deliveries on `day`, with what was recorded, counted and approved.
    public func settlements(on day: LocalDate) throws -> [SettlementRecord] {
        try read { db in
            let collectors = try String.fetchAll(
                db,
                sql: """
                    SELECT collector FROM payment WHERE source = 'DELIVERY' AND received_on = ?1
                      AND method IN ('CASH', 'CHECK')
                    UNION SELECT collector FROM driver_settlement WHERE day = ?1 ORDER BY 1
                    """, arguments: [day.iso])
            return try collectors.map { try Self.settlement(db, collector: $0, day: day) }
        }
    }

    /// One collector's day.
    public func settlement(collector: String, day: LocalDate) throws -> SettlementRecord {
        try read { db in try Self.settlement(db, collector: collector, day: day) }
    }

    static func settlement(_ db: Database, collector: String, day: LocalDate) throws -> SettlementRecord {
        let expected = try Row.fetchOne(
            db,
            sql: """
                SELECT COUNT(*) AS deliveries,
                  COALESCE(SUM(CASE method WHEN 'CASH' THEN amount ELSE 0 END), 0) AS cash,
                  COALESCE(SUM(CASE method WHEN 'CHECK' THEN amount ELSE 0 END), 0) AS checks
                FROM payment WHERE source = 'DELIVERY' AND collector = ? AND received_on = ?
                  AND method IN ('CASH', 'CHECK')
                """, arguments: [collector, day.iso])
        let cash = Money(expected?["cash"] as Int64? ?? 0)
        let checks = Money(expected?["checks"] as Int64? ?? 0)
        var record = SettlementRecord(
            collector: collector, day: day, deliveries: expected?["deliveries"] ?? 0,
            count: SettlementCount(
                expectedCash: cash, expectedChecks: checks, countedCash: .zero, countedChecks: .zero),
            status: .open, reason: "")
        if let row = try Row.fetchOne(
            db, sql: "SELECT * FROM driver_settlement WHERE collector = ? AND day = ?", arguments: [collector, day.iso])
        {
            record.count = SettlementCount(
                expectedCash: Money(row["expected_cash"] as Int64),
                expectedChecks: Money(row["expected_checks"] as Int64),
                countedCash: Money(row["counted_cash"] as Int64), countedChecks: Money(row["counted_checks"] as Int64))
            record.status = try Stored.value(
                SettlementStatus.self, row, "status", table: "driver_settlement", id: "\(collector)/\(day.iso)")
            record.reason = row["reason"]
            record.submittedBy = row["submitted_by"]
            record.approvedBy = row["approved_by"]
        }
        return record
    }

    /// Records what a collector handed in for `day`: a variance needs a reason; checks must agree.
    @discardableResult
    public func submitSettlement(
        collector: String, day: LocalDate, countedCash: Money, countedChecks: Money, reason: String,
        by session: UserSession
    ) throws -> SettlementRecord {
        try session.require(.payments)
        let reason = try inputText(reason, field: "原因 reason")
        return try intent(session, .payments) { intent in
            let (db, now) = (intent.db, intent.now)
            var record = try Self.settlement(db, collector: collector, day: day)
            guard record.status == .open else {
                throw ReceivablesError.settlementExists(collector: collector, date: day, status: record.status.rawValue)
            }
            guard record.deliveries > 0 else { throw ReceivablesError.nothingToSettle(collector: collector, date: day) }
            do {
                let bounds = try Parameters.bounds(db)
                try bounds.checkAmount(countedCash, field: "點收現金 cash counted")
                try bounds.checkAmount(countedChecks, field: "點收支票 checks counted")
            } catch let error as ValidationError { throw StoreError.invalid(error) }
            record.count.countedCash = countedCash
            record.count.countedChecks = countedChecks
            try record.count.validate(reason: reason)
            try db.execute(
                sql: """
                    INSERT INTO driver_settlement (collector, day, expected_cash, expected_checks, counted_cash,
                      counted_checks, reason, status, submitted_at, submitted_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?)
                    """,
                arguments: [
                    collector, day.iso, record.count.expectedCash.amount, record.count.expectedChecks.amount,
                    countedCash.amount, countedChecks.amount, reason, now.iso, session.name,
                ])
            let after = try Self.settlement(db, collector: collector, day: day)
            try intent.audit("settlement.submit", "settlement", "\(collector)/\(day.iso)", after: after)
            try intent.emit(
                SettlementSubmitted(
                    key: "\(collector)/\(day.iso)", collector: collector, day: day.iso,
                    expectedCash: after.count.expectedCash.amount, expectedChecks: after.count.expectedChecks.amount,
                    countedCash: countedCash.amount, countedChecks: countedChecks.amount, reason: reason, at: now.iso,
                    by: session.name), .created)
            return after
        }
    }

    /// A supervisor approves a counted day: the cash goes to the bank as one journal entry
    /// (Dr 1103 counted, Cr 1101 recorded, the variance to 7885). Checks stay in 1130 until the
    /// bank collects them (`clearCheck`).
    @discardableResult
    public func approveSettlement(collector: String, day: LocalDate, by session: UserSession) throws
        -> SettlementRecord
    {
        try session.require(.approve)
        return try intent(session, .approve) { intent in
            let (db, now) = (intent.db, intent.now)
            let before = try Self.settlement(db, collector: collector, day: day)
            guard before.status == .submitted else {
                throw ReceivablesError.settlementNotPending(before.status.rawValue)
            }
            guard before.submittedBy != session.name else { throw ReceivablesError.selfApproval }
            try db.execute(
                sql: """
                    UPDATE driver_settlement SET status = 'APPROVED', approved_at = ?, approved_by = ?
                    WHERE collector = ? AND day = ?
                    """, arguments: [now.iso, session.name, collector, day.iso])
            let cash = before.count
            if cash.expectedCash != .zero || cash.countedCash != .zero {
                try InvoiceStore.post(
                    db,
                    .settlement(
                        reference: "SET-\(collector)-\(day.compact)", collector: collector,
                        expected: cash.expectedCash, counted: cash.countedCash, date: day),
                    at: now, by: session.name)
            }
            let after = try Self.settlement(db, collector: collector, day: day)
            try intent.audit(
                "settlement.approve", "settlement", "\(collector)/\(day.iso)", before: before, after: after)
            try intent.emit(
                SettlementApproved(
                    key: "\(collector)/\(day.iso)", collector: collector, day: day.iso,
                    countedCash: after.count.countedCash.amount, countedChecks: after.count.countedChecks.amount,
                    at: now.iso, by: session.name), .changed)
            return after
        }
    }
}
