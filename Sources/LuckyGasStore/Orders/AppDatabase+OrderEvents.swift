import GRDB
import LuckyGasCore
import LuckyGasWire

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
        try intent(session, .dispatch) { intent in
            let db = intent.db
            guard let before = try orderRecord(db, number: number) else {
                throw StoreError.orderNotFound(number.rawValue)
            }
            let status = try before.status.applying(event)
            let note = try inputText(note, field: "備註 note")
            if event == .fail && note.isEmpty { throw StoreError.reasonRequired }
            try db.execute(
                sql: "UPDATE sales_order SET status = ? WHERE number = ?",
                arguments: [status.rawValue, number.rawValue])
            let (id, at, by) = (number.rawValue, intent.now.iso, intent.user)
            let moved = status.rawValue
            switch event {
            case .assign:
                try intent.emit(OrderAssigned(number: id, status: moved, note: note, at: at, by: by), .changed)
            case .unassign:
                try intent.emit(OrderUnassigned(number: id, status: moved, note: note, at: at, by: by), .changed)
            case .depart:
                try intent.emit(OrderDeparted(number: id, status: moved, note: note, at: at, by: by), .changed)
            case .fail: try intent.emit(OrderFailed(number: id, status: moved, note: note, at: at, by: by), .changed)
            case .reschedule:
                try intent.emit(OrderRescheduled(number: id, status: moved, note: note, at: at, by: by), .changed)
            case .deliver, .cancel: throw StoreError.reasonRequired  // handled above, never here
            }
            guard let after = try orderRecord(db, number: number) else {
                throw StoreError.orderNotFound(number.rawValue)
            }
            try intent.audit(
                "order.\(event.rawValue.lowercased())", "order", id, before: OrderState(before),
                after: OrderState(after))
        }
    }
}
