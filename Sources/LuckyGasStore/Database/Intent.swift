import GRDB
import LuckyGasCore
import LuckyGasWire

/// One business write in progress, handed to the body of `AppDatabase.intent`: the open
/// transaction, who acts, when, fresh ids, and what the change records. The door writes the
/// audit entries and the outbox events after the body, in the same transaction.
final class Intent {
    /// The write transaction.
    let db: Database
    /// The moment of the change (one per intent).
    let now: LocalDateTime
    /// Who acts.
    let session: UserSession
    /// Where new UUIDs come from.
    let ids: IDGenerator
    /// The catalogue, price rules, calendar and bounds (read once per change).
    let reference: ReferenceCache

    private var audits: [(action: String, entity: String, id: String, before: String?, after: String?, user: String)] =
        []
    private var events: [(Database) throws -> Void] = []

    init(db: Database, now: LocalDateTime, session: UserSession, ids: IDGenerator, reference: ReferenceCache) {
        self.db = db
        self.reference = reference
        self.now = now
        self.session = session
        self.ids = ids
    }

    /// The acting user's name.
    var user: String { session.name }

    /// Records the audit entry of the change (before/after as canonical JSON). `user` is the
    /// acting user unless someone else decided (a supervisor's override).
    func audit(
        _ action: String, _ entity: String, _ id: String, beforeJSON before: String? = nil,
        afterJSON after: String? = nil, by user: String? = nil
    ) {
        audits.append((action, entity, id, before, after, user ?? session.name))
    }

    /// `audit` with values encoded as canonical JSON.
    func audit(
        _ action: String, _ entity: String, _ id: String, before: (some Encodable)? = String?.none,
        after: some Encodable, by user: String? = nil
    ) throws {
        audit(
            action, entity, id, beforeJSON: try before.map(AuditLog.json), afterJSON: try AuditLog.json(after),
            by: user)
    }

    /// Queues a typed outbox event and moves its aggregate's version (`created`: the row just
    /// inserted is version 1; `changed`: +1). Returns the version the event carries.
    @discardableResult
    func emit<Event: WireEvent>(_ event: Event, _ step: Aggregates.Step) throws -> Int {
        try emit(event, step, payload: nil)
    }

    /// Records the audit entry whose `after` is `event` itself and queues the event, encoding it
    /// once: the audit's canonical JSON and the wire payload are the same bytes (both sorted
    /// keys, unescaped slashes), and encoding was a tenth of placing an order.
    @discardableResult
    func record<Event: WireEvent>(
        _ action: String, _ entity: String, _ id: String, _ event: Event, _ step: Aggregates.Step
    ) throws -> Int {
        let payload = try WireJSON.encode(event)
        audit(action, entity, id, afterJSON: payload)
        return try emit(event, step, payload: payload)
    }

    private func emit<Event: WireEvent>(_ event: Event, _ step: Aggregates.Step, payload: String?) throws -> Int {
        let version = try Aggregates.version(db, type: Event.aggregateType, id: event.aggregateID, step: step)
        let eventID = ids.uuid()
        let now = now
        events.append { db in
            try Outbox.enqueue(
                db, Event.self, aggregateID: event.aggregateID, payload: payload ?? WireJSON.encode(event),
                version: version, eventID: eventID, at: now)
        }
        return version
    }

    /// Writes the audit entries, then the events. An intent that changed nothing (an import of
    /// what is already there) records nothing; one that changed rows without an audit entry is
    /// a bug and rolls back.
    fileprivate func finish(changes: Int) throws {
        if audits.isEmpty {
            guard changes == 0, events.isEmpty else {
                throw StoreError.database("an intent changed \(changes) rows without an audit entry")
            }
            return
        }
        for entry in audits {
            try AuditLog.append(
                db, at: now, user: entry.user, action: entry.action, entity: entry.entity, entityID: entry.id,
                before: entry.before, after: entry.after)
        }
        for write in events { try write(db) }
    }
}

extension AppDatabase {
    /// The one door every business write goes through (ARCHITECTURE "Store"): checks that the
    /// session's role grants one of `permissions`, opens the write transaction, takes `now`,
    /// runs `body` (the business rows), then writes the audit entry and the typed outbox events
    /// whose versions `body` moved. Everything commits or nothing does.
    func intent<T: Sendable>(
        _ session: UserSession, _ permissions: Permission..., at moment: LocalDateTime? = nil,
        _ body: @Sendable (Intent) throws -> T
    ) throws -> T {
        try intent(session, permissions, at: moment, body)
    }

    /// `intent` with the permissions as an array (empty: any signed-in user, for their own things).
    func intent<T: Sendable>(
        _ session: UserSession, _ permissions: [Permission], at moment: LocalDateTime? = nil,
        _ body: @Sendable (Intent) throws -> T
    ) throws -> T {
        if let first = permissions.first, !permissions.contains(where: session.role.allows) {
            throw StoreError.notPermitted(user: session.name, role: session.role, permission: first)
        }
        let now = moment ?? clock.now()
        let (ids, reference) = (ids, reference)
        return try write { db in
            let intent = Intent(db: db, now: now, session: session, ids: ids, reference: reference)
            let before = db.totalChangesCount
            let result = try body(intent)
            try intent.finish(changes: db.totalChangesCount - before)
            return result
        }
    }
}
