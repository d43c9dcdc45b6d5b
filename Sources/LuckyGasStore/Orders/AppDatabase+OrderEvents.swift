import GRDB
import LuckyGasCore

extension AppDatabase {
    /// Moves an order along its life cycle (assign, depart, deliver, fail, reschedule) through the
    /// Core state machine, in one transaction with audit and outbox.
    ///
    /// Delivery goes through `deliverOrder` (everything delivered, every empty returned), which
    /// issues the invoice. Cancelling goes through `cancelOrder`, which needs a reason.
    public func recordOrderEvent(
        _ event: OrderEvent, for number: OrderNumber, note: String = "", by session: UserSession
    )
        throws
    {
        guard event != .cancel else { throw StoreError.reasonRequired }
        if event == .deliver {
            try deliverOrder(number, by: session)
            return
        }
        try session.require(.dispatch)
        let now = clock.now()
        let ids = ids
        try write { db in
            guard let before = try Self.orderRecord(db, number: number) else {
                throw StoreError.orderNotFound(number.rawValue)
            }
            let status = try before.status.applying(event)
            let note = try inputText(note, field: "備註 note")
            if event == .fail && note.isEmpty { throw StoreError.reasonRequired }
            try db.execute(
                sql: "UPDATE sales_order SET status = ?, version = version + 1 WHERE number = ?",
                arguments: [status.rawValue, number.rawValue])
            guard let after = try Self.orderRecord(db, number: number) else {
                throw StoreError.orderNotFound(number.rawValue)
            }
            let payload = try AuditLog.json([
                "number": number.rawValue, "uuid": before.uuid, "event": event.rawValue, "status": status.rawValue,
                "note": note, "at": now.iso, "by": session.name,
            ])
            try Change(
                action: "order.\(event.rawValue.lowercased())", entity: "order", entityID: number.rawValue,
                before: AuditLog.json(OrderState(before)), after: AuditLog.json(OrderState(after)),
                version: after.version,
                event: "Order\(status.rawValue.capitalized.replacingOccurrences(of: "_", with: ""))", payload: payload
            ).record(db, user: session.name, at: now, ids: ids)
        }
    }
}
