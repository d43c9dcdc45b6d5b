import GRDB
import LuckyGasCore
import LuckyGasWire

extension AppDatabase {
    /// Prices an order without writing anything (the live breakdown of the order screen).
    public func quote(_ input: OrderInput) throws -> Quote {
        try read { db in try price(db, input).quote }
    }

    /// Why the calendar refuses a delivery on `date` in `slot` now (Sunday, a holiday without
    /// service, a slot already past), or nil: the check `placeOrder` makes, for a quote to show.
    public func deliveryRefusal(date: LocalDate, slot: DeliverySlot) throws -> CalendarError? {
        let now = clock.now()
        return try read { db in
            let calendar = try reference.calendar(db)
            do throws(CalendarError) {
                try calendar.checkDelivery(date: date, slot: slot, at: now)
                return nil
            } catch { return error }
        }
    }

    /// Loads what pricing needs of the customer (the address, special prices, phones for the
    /// confirmation text), the catalogue and rules, and prices `input`. Only those parts are
    /// read: the whole customer record (dates, invoice preference, tax id) was a quarter of an
    /// order's instructions (Docs/performance.md).
    private func price(_ db: Database, _ input: OrderInput) throws -> (
        quote: Quote, address: Address, calendar: BusinessCalendar, phones: [PhoneNumber]
    ) {
        let id = input.customer
        guard
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM customer WHERE id = ?"), arguments: [id.rawValue])
                != nil
        else { throw StoreError.customerNotFound(id.rawValue) }
        let addresses = try Self.addresses(db, of: id)
        let address: Address
        if let wanted = input.addressID {
            guard let found = addresses.first(where: { $0.id == wanted }) else {
                throw StoreError.addressNotFound(customer: id, address: wanted)
            }
            address = found
        } else {
            guard let found = Customer.defaultAddress(of: addresses) else {
                throw StoreError.invalid(.empty(field: "地址 address"))
            }
            address = found
        }
        let calendar = try reference.calendar(db)
        let request = QuoteRequest(items: input.items, zone: address.zone, date: input.date, slot: input.slot)
        let quote = try Pricing.quote(
            request, products: reference.products(db), specialPrices: Self.specialPrices(db, of: id),
            rules: reference.pricing(db), isHolidayService: calendar.isHolidayService(input.date))
        return (quote, address, calendar, try Self.phones(db, of: id))
    }

    /// Places an order. Inside one write transaction: checks the calendar, prices it, decides
    /// credit against the reservations of every other process, takes the next daily number,
    /// reserves credit, and records audit + `OrderPlaced` outbox event, plus the confirmation
    /// text message (`SmsRequested`) when the customer has a mobile phone.
    ///
    /// A refused credit check throws `creditRefused` unless `override` carries a supervisor's
    /// valid credentials and a reason; the override is written on the order and audited.
    public func placeOrder(_ input: OrderInput, by session: UserSession, override: OverrideApproval? = nil) throws
        -> PlacedOrder
    {
        try session.require(.placeOrders)
        let approver = try override.map { try checkOverride($0, actingAs: session) }
        return try intent(session, .placeOrders) { intent in
            let db = intent.db
            let now = intent.now
            let (quote, address, calendar, phones) = try price(db, input)
            try calendar.checkDelivery(date: input.date, slot: input.slot, at: now)
            guard let position = try Self.creditPosition(db, customer: input.customer, today: now.date) else {
                throw StoreError.customerNotFound(input.customer.rawValue)
            }
            let decision = CreditPolicy.decide(
                amount: quote.total, position: position, rules: try intent.reference.credit(db))
            var reserve = Money.zero
            var overriddenBy: String?
            switch decision {
            case .approved(let amount): reserve = amount
            case .refused(let refusal):
                guard let approver, let override else { throw StoreError.creditRefused(refusal, position: position) }
                guard refusal.isOverridable else { throw StoreError.overrideNotAllowed(refusal) }
                reserve = position.terms.usesCredit ? quote.total : .zero
                overriddenBy = approver.name
                try intent.audit(
                    "credit.override", "customer", input.customer.rawValue,
                    after: [
                        "supervisor": approver.name, "reason": override.reason, "refusal": refusal.operatorMessage.en,
                    ], by: approver.name)
            }
            guard
                let sequence = try Int.fetchOne(
                    db.cachedStatement(
                        sql: """
                            INSERT INTO order_sequence (day, last) VALUES (?, 1)
                            ON CONFLICT(day) DO UPDATE SET last = last + 1 RETURNING last
                            """), arguments: [now.date.iso])
            else { throw StoreError.database("order_sequence returned no number") }
            let number = OrderNumber(day: now.date, sequence: sequence)
            let uuid = intent.ids.uuid()
            try db.cachedStatement(
                sql: """
                    INSERT INTO sales_order (number, uuid, customer_id, address_id, delivery_date, slot, status,
                      goods_gross, discount, goods_net, delivery_fee, net, tax, total, deposit_at_risk, cylinders,
                      discount_percent, fee_factor_permille, placed_at, placed_by, credit_override_by, credit_override_reason)
                    VALUES (?, ?, ?, ?, ?, ?, 'CONFIRMED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                number.rawValue, uuid, input.customer.rawValue, address.id, input.date.iso, input.slot.rawValue,
                quote.goodsGross.amount, quote.discount.amount, quote.goodsNet.amount, quote.deliveryFee.amount,
                quote.net.amount, quote.tax.amount, quote.total.amount, quote.depositAtRisk.amount, quote.cylinders,
                quote.discountPercent, quote.feeFactorPermille, now.iso, session.name,
                overriddenBy, override?.reason,
            ])
            for (index, line) in quote.lines.enumerated() {
                try db.cachedStatement(
                    sql: """
                        INSERT INTO order_line (order_number, line_no, product_code, name, quantity, unit_price,
                          is_special_price, gross, discount, net) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """
                ).execute(arguments: [
                    number.rawValue, index + 1, line.product.rawValue, line.name, line.quantity, line.unitPrice.amount,
                    line.isSpecialPrice, line.gross.amount, line.discount.amount, line.net.amount,
                ])
            }
            if reserve > .zero {
                try Reservations.record(
                    db, .reserve, customer: input.customer, order: number, amount: reserve, at: now, by: session.name)
            }
            let placed = OrderPlaced(
                number: number.rawValue, uuid: uuid, customerID: input.customer.rawValue, addressID: address.id ?? 0,
                deliveryDate: input.date.iso, slot: input.slot.rawValue, lines: quote.lines.map(WireOrderLine.init),
                goodsGross: quote.goodsGross.amount, discount: quote.discount.amount,
                deliveryFee: quote.deliveryFee.amount, net: quote.net.amount, tax: quote.tax.amount,
                total: quote.total.amount, depositAtRisk: quote.depositAtRisk.amount, reserved: reserve.amount,
                placedAt: now.iso, placedBy: session.name, creditOverrideBy: overriddenBy,
                creditOverrideReason: overriddenBy == nil ? nil : override?.reason)
            try intent.record("order.place", "order", number.rawValue, placed, .created)
            // The confirmation text goes out through the same outbox, so it is sent once the
            // order is known to head office and never for an order that rolled back.
            let sms = OrderConfirmationSMS(
                order: number, date: input.date, slot: input.slot, total: quote.total, phones: phones)
            if let sms {
                try intent.emit(
                    SmsRequested(order: number.rawValue, to: sms.to, sender: sms.sender, message: sms.message),
                    .unchanged)
            }
            return PlacedOrder(
                number: number, quote: quote, reserved: reserve,
                availableAfter: position.terms.usesCredit ? position.available - reserve : nil,
                overriddenBy: overriddenBy, sms: sms)
        }
    }

    /// Cancels an order with a reason and releases its credit reservation, in one transaction.
    /// Past the cancellation window (slot start - 4 h, param) a supervisor's approval is needed.
    public func cancelOrder(
        _ number: OrderNumber, reason: String, by session: UserSession, override: OverrideApproval? = nil
    )
        throws
    {
        try session.require(.cancelOrders)
        let reason = try inputText(reason, field: "原因 reason")
        guard !reason.isEmpty else { throw StoreError.reasonRequired }
        let approver = try override.map { try checkOverride($0, actingAs: session) }
        try intent(session, .cancelOrders) { intent in
            let db = intent.db
            let now = intent.now
            guard let before = try orderRecord(db, number: number) else {
                throw StoreError.orderNotFound(number.rawValue)
            }
            let status = try before.status.applying(.cancel)
            if now > before.cancellationDeadline && approver == nil {
                throw StoreError.cancellationWindowPassed(deadline: before.cancellationDeadline)
            }
            try db.execute(
                sql: """
                    UPDATE sales_order SET status = ?, cancelled_at = ?, cancelled_by = ?, cancel_reason = ?
                    WHERE number = ?
                    """,
                arguments: [status.rawValue, now.iso, session.name, reason, number.rawValue])
            if before.reserved > .zero {
                try Reservations.record(
                    db, .release, customer: before.customer, order: number, amount: before.reserved, at: now,
                    by: session.name)
            }
            try intent.emit(
                OrderCancelled(
                    number: number.rawValue, reason: reason, released: before.reserved.amount, cancelledAt: now.iso,
                    cancelledBy: session.name, approvedBy: approver?.name), .changed)
            guard let after = try orderRecord(db, number: number) else {
                throw StoreError.orderNotFound(number.rawValue)
            }
            try intent.audit(
                "order.cancel", "order", number.rawValue, before: OrderState(before), after: OrderState(after))
        }
    }

    /// One order, or nil.
    public func order(_ number: OrderNumber) throws -> OrderRecord? {
        try read { db in try orderRecord(db, number: number) }
    }

    func orderRecord(_ db: Database, number: OrderNumber) throws -> OrderRecord? {
        let lines = try Stored.all(
            db.cachedStatement(sql: "SELECT * FROM order_line WHERE order_number = ? ORDER BY line_no"),
            arguments: [number.rawValue]
        ) { line -> QuoteLine in
            let code = try Stored.parsed(
                line, "product_code", table: "order_line", id: number.rawValue, ProductCode.init)
            return QuoteLine(
                product: code, name: line["name"], quantity: line["quantity"],
                unitPrice: Money(line["unit_price"] as Int64),
                isSpecialPrice: line["is_special_price"], gross: Money(line["gross"] as Int64),
                discount: Money(line["discount"] as Int64), net: Money(line["net"] as Int64))
        }
        let calendar = try reference.calendar(db)
        return try Stored.first(
            db.cachedStatement(
                sql: """
                    SELECT o.*, c.name AS customer_name, a.text AS address_text, a.zone AS zone,
                      (SELECT COALESCE(SUM(CASE kind WHEN 'RESERVE' THEN amount ELSE -amount END), 0)
                       FROM credit_reservation r WHERE r.order_number = o.number) AS reserved
                    FROM sales_order o JOIN customer c ON c.id = o.customer_id
                    JOIN customer_address a ON a.id = o.address_id WHERE o.number = ?
                    """), arguments: [number.rawValue]
        ) { row in
            let goodsGross = Money(row["goods_gross"] as Int64)
            let fee = Money(row["delivery_fee"] as Int64)
            let quote = Quote(
                lines: lines, cylinders: row["cylinders"], discountPercent: row["discount_percent"],
                goodsGross: goodsGross,
                discount: Money(row["discount"] as Int64), goodsNet: Money(row["goods_net"] as Int64), deliveryFee: fee,
                feeFactorPermille: row["fee_factor_permille"], freeDelivery: fee == .zero,
                net: Money(row["net"] as Int64),
                tax: Money(row["tax"] as Int64),
                total: Money(row["total"] as Int64), depositAtRisk: Money(row["deposit_at_risk"] as Int64))
            let id = number.rawValue
            let date = try Stored.date(row, "delivery_date", table: "sales_order", id: id)
            let slot = try Stored.value(DeliverySlot.self, row, "slot", table: "sales_order", id: id)
            let placedAt = try Stored.parsed(row, "placed_at", table: "sales_order", id: id, LocalDateTime.init)
            return OrderRecord(
                number: number, uuid: row["uuid"],
                customer: try Stored.customerID(row, "customer_id", table: "sales_order", id: id),
                customerName: row["customer_name"], addressID: row["address_id"], address: row["address_text"],
                zone: try Stored.value(
                    Zone.self, row, "zone", table: "customer_address", id: String(row["address_id"] as Int64)),
                date: date,
                slot: slot,
                status: try Stored.value(OrderStatus.self, row, "status", table: "sales_order", id: id), quote: quote,
                placedAt: placedAt,
                placedBy: row["placed_by"], creditOverrideBy: row["credit_override_by"],
                creditOverrideReason: row["credit_override_reason"],
                cancelledAt: try Stored.moment(row, "cancelled_at", table: "sales_order", id: id),
                cancelledBy: row["cancelled_by"], cancelReason: row["cancel_reason"],
                reserved: Money(row["reserved"] as Int64),
                cancellationDeadline: calendar.cancellationDeadline(date: date, slot: slot, placedAt: placedAt),
                version: row["version"])
        }
    }

    /// Orders matching `filter`, newest delivery date first.
    public func orders(_ filter: OrderFilter = OrderFilter()) throws -> [OrderSummary] {
        try read { db in
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let from = filter.from {
                conditions.append("o.delivery_date >= ?")
                arguments.append(from.iso)
            }
            if let to = filter.to {
                conditions.append("o.delivery_date <= ?")
                arguments.append(to.iso)
            }
            if let status = filter.status {
                conditions.append("o.status = ?")
                arguments.append(status.rawValue)
            }
            if let customer = filter.customer {
                conditions.append("o.customer_id = ?")
                arguments.append(customer.rawValue)
            }
            arguments.append(filter.limit)
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT o.number, o.customer_id, c.name, o.delivery_date, o.slot, o.status, o.total
                    FROM sales_order o JOIN customer c ON c.id = o.customer_id \(whereClause)
                    ORDER BY o.delivery_date DESC, o.number DESC LIMIT ?
                    """, arguments: StatementArguments(arguments)
            ).map { row in
                let number = try Stored.parsed(row, "number", table: "sales_order", OrderNumber.init)
                let id = number.rawValue
                return OrderSummary(
                    number: number, customer: try Stored.customerID(row, "customer_id", table: "sales_order", id: id),
                    customerName: row["name"],
                    date: try Stored.date(row, "delivery_date", table: "sales_order", id: id),
                    slot: try Stored.value(DeliverySlot.self, row, "slot", table: "sales_order", id: id),
                    status: try Stored.value(OrderStatus.self, row, "status", table: "sales_order", id: id),
                    total: Money(row["total"] as Int64))
            }
        }
    }
}

/// The changing part of an order, for audit before/after values (the full order is audited once, when placed).
struct OrderState: Codable {
    var status: OrderStatus
    var version: Int
    var reserved: Money
    var cancelReason: String?
    var cancelledBy: String?

    init(_ record: OrderRecord) {
        status = record.status
        version = record.version
        reserved = record.reserved
        cancelReason = record.cancelReason
        cancelledBy = record.cancelledBy
    }
}
