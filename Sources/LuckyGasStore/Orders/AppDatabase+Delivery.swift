import Foundation
import GRDB
import LuckyGasCore
import LuckyGasFormats
import LuckyGasWire

extension AppDatabase {
    /// Delivers an order and issues its e-invoice in one transaction: delivered quantities, empties
    /// (deposit per missing empty as a liability, never on the invoice), money collected, the next
    /// invoice number, the F0401 message, the journal, and the credit reservation turned into a
    /// receivable due by the customer's terms.
    ///
    /// Dispatchers deliver; counter staff may deliver a walk-in sale at once.
    @discardableResult
    public func deliverOrder(_ number: OrderNumber, report: DeliveryReport = DeliveryReport(), by session: UserSession)
        throws -> DeliveryReceipt
    {
        guard session.role.allows(.dispatch) || session.role.allows(.placeOrders) else {
            throw StoreError.notPermitted(user: session.name, role: session.role, permission: .dispatch)
        }
        var stated: PaymentMethod?
        if let text = report.method {
            do { stated = try PaymentMethod(text) } catch { throw StoreError.invalid(error) }
        }
        // Money collected without a method is cash.
        let method = report.collected > .zero ? (stated ?? .cash) : stated
        guard report.collected >= .zero else {
            throw StoreError.invalid(.notPositive(field: "collected", value: report.collected.amount))
        }
        let random = random.fourDigits()
        return try intent(session, .dispatch, .placeOrders) { intent in
            let (db, now) = (intent.db, intent.now)
            if let driver = report.driver {
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM driver WHERE id = ?", arguments: [driver]) != nil else {
                    let known = try String.fetchAll(db, sql: "SELECT id FROM driver WHERE active = 1 ORDER BY id")
                    throw StoreError.invalid(.unknownValue(field: "司機 driver", value: driver, allowed: known))
                }
            }
            guard let before = try orderRecord(db, number: number) else {
                throw StoreError.orderNotFound(number.rawValue)
            }
            let status = try before.status.applying(.deliver)
            guard
                let customer = try Row.fetchOne(
                    db.cachedStatement(
                        sql:
                            "SELECT name, tax_id, terms, invoice_kind, invoice_value, cylinder_balance FROM customer WHERE id = ?"
                    ),
                    arguments: [before.customer.rawValue])
            else { throw StoreError.customerNotFound(before.customer.rawValue) }
            let id = before.customer.rawValue
            let preference = try Stored.parsed(customer, "invoice_kind", table: "customer", id: id) { kind in
                try InvoicePreference(kind: kind, value: customer["invoice_value"])
            }
            let taxID: TaxID? =
                customer["tax_id"] as String? == nil
                ? nil : try Stored.parsed(customer, "tax_id", table: "customer", id: id, TaxID.init)
            let buyer = InvoiceBuyer(customerName: customer["name"], taxID: taxID, preference: preference)
            let catalogue = try intent.reference.products(db)
            var products: [ProductCode: Product] = [:]
            for line in before.quote.lines { products[line.product] = catalogue[line.product] }
            let taxRate = try intent.reference.pricing(db).taxRatePercent
            let draft = try InvoiceDraft.delivered(
                order: before.quote, delivered: report.quantities, products: products, buyer: buyer,
                taxRatePercent: taxRate)
            let delivered = before.quote.lines.compactMap { line -> (product: Product, quantity: Int)? in
                guard let product = products[line.product] else { return nil }
                return (product, report.quantities[line.product] ?? line.quantity)
            }
            let requiring = delivered.filter { $0.product.requiresEmptyReturn }.reduce(0) { $0 + $1.quantity }
            // Empties come from this delivery's cylinders or from those the customer already holds.
            let held = max(0, customer["cylinder_balance"] as Int? ?? 0)
            if let empties = report.emptiesReturned, empties > requiring + held {
                throw StoreError.emptiesAboveHeld(returned: empties, delivered: requiring, held: held)
            }
            let deposit = try DepositCharge.compute(
                delivered: delivered, emptiesReturned: report.emptiesReturned ?? requiring)
            let company = try intent.reference.company(db)
            let (invoice, trackID, period) = try InvoiceStore.takeNumber(db, at: now)
            let terms = try Stored.value(PaymentTerms.self, customer, "terms", table: "customer", id: id)
            let due = terms.dueDate(invoiceDate: now.date)

            try InvoiceStore.insertIssued(
                db, invoice, period: period, track: trackID, order: number, customer: before.customer, draft: draft,
                randomNumber: random, at: now, by: session.name)
            // Events in the order central can apply them: the invoice, then the money collected
            // against it, then the delivery of the order.
            try intent.emit(
                InvoiceIssued(
                    number: invoice.rawValue, orderNumber: number.rawValue, customerID: before.customer.rawValue,
                    buyer: WireBuyer(buyer), net: draft.split.net.amount, tax: draft.split.tax.amount,
                    total: draft.total.amount, randomNumber: random, issuedAt: now.iso, issuedBy: session.name),
                .created)
            try InvoiceStore.enqueue(
                db, .invoice, reference: invoice.rawValue, documentDate: now.date,
                due: UploadDeadline.due(isBusiness: buyer.isBusiness, documentDate: now.date),
                xml: MIGWriter.invoice(
                    number: invoice, issuedAt: now, seller: InvoiceStore.seller(company), draft: draft,
                    randomNumber: random, relateNumber: number.rawValue),
                at: now)
            try InvoiceStore.post(
                db, .invoiceIssued(invoice, customer: before.customer, split: draft.split, date: now.date), at: now,
                by: session.name)
            var items = [
                try OpenItems.open(
                    db, customer: before.customer, kind: "INVOICE", reference: invoice.rawValue, date: now.date,
                    due: due, amount: draft.total)
            ]
            if deposit.amount > .zero {
                try InvoiceStore.post(
                    db,
                    .deposit(
                        order: number, customer: before.customer, amount: deposit.amount,
                        missingEmpties: deposit.missingEmpties, date: now.date), at: now, by: session.name)
                items.append(
                    try OpenItems.open(
                        db, customer: before.customer, kind: "DEPOSIT", reference: number.rawValue, date: now.date,
                        due: now.date, amount: deposit.amount))
            }
            // More than a few times the amount due is a typing slip, not a collection: the
            // excess is a separate payment entry (luckygas payment record), checked on its own.
            let bounds = try intent.reference.bounds(db)
            let most = try draft.total.adding(deposit.amount).multiplied(by: bounds.collectedDueMultiple)
            guard report.collected <= most else {
                throw StoreError.collectedAboveDue(
                    collected: report.collected, due: try draft.total.adding(deposit.amount),
                    multiple: bounds.collectedDueMultiple)
            }
            let collector = report.driver ?? session.name
            var payment: ReceiptNumber?
            if report.collected > .zero {
                let input = PaymentInput(customer: before.customer, amount: report.collected, method: method ?? .cash)
                let receipt = try ReceivablesStore.insertPayment(
                    db, input, bounds: bounds, source: .delivery, collector: collector, order: number, at: now,
                    by: session.name)
                try ReceivablesStore.recorded(
                    intent, receipt, input, source: .delivery, collector: collector, order: number)
                let shares = AllocationPlan.oldestFirst(items, amount: report.collected)
                try ReceivablesStore.apply(
                    db, payment: receipt, customer: before.customer, shares: shares, rule: "DELIVERY", at: now,
                    by: session.name)
                try ReceivablesStore.allocated(
                    intent, receipt, amount: report.collected, shares: shares, rule: "DELIVERY")
                payment = receipt
            }
            if before.reserved > .zero {
                try Reservations.record(
                    db, .use, customer: before.customer, order: number, amount: before.reserved, at: now,
                    by: session.name)
            }
            try db.cachedStatement(sql: "UPDATE sales_order SET status = ? WHERE number = ?")
                .execute(arguments: [status.rawValue, number.rawValue])
            try db.cachedStatement(
                sql: """
                    INSERT INTO delivery (order_number, delivered_at, delivered_by, empties_returned, missing_empties,
                      deposit, collected, method, invoice_number, driver_id, payment_number)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(
                arguments: [
                    number.rawValue, now.iso, session.name, deposit.emptiesReturned, deposit.missingEmpties,
                    deposit.amount.amount, report.collected.amount,
                    method?.rawValue, invoice.rawValue,
                    report.driver, payment?.rawValue,
                ])
            for line in before.quote.lines {
                try db.execute(
                    sql:
                        "INSERT INTO delivery_line (order_number, product_code, ordered, delivered) VALUES (?, ?, ?, ?)",
                    arguments: [
                        number.rawValue, line.product.rawValue, line.quantity,
                        report.quantities[line.product] ?? line.quantity,
                    ])
            }
            try Self.moveCylinders(
                db, customer: before.customer, by: deposit.cylindersRequiringReturn - deposit.emptiesReturned)
            let receipt = DeliveryReceipt(
                order: number, invoice: invoice, total: draft.total, deposit: deposit, collected: report.collected,
                dueDate: due, payment: payment)
            try intent.emit(
                OrderDelivered(
                    number: number.rawValue, invoiceNumber: invoice.rawValue, total: draft.total.amount,
                    deposit: deposit.amount.amount, emptiesReturned: deposit.emptiesReturned,
                    missingEmpties: deposit.missingEmpties,
                    cylinderBalanceChange: deposit.cylindersRequiringReturn - deposit.emptiesReturned,
                    collected: report.collected.amount,
                    paymentNumber: payment?.rawValue, dueDate: due.iso, driverID: report.driver,
                    deliveredAt: now.iso, deliveredBy: session.name), .changed)
            guard let after = try orderRecord(db, number: number) else {
                throw StoreError.orderNotFound(number.rawValue)
            }
            try intent.audit(
                "order.deliver", "order", number.rawValue, before: OrderState(before), after: OrderState(after))
            try intent.audit(
                "invoice.issue", "invoice", invoice.rawValue,
                after: InvoiceIssuedAudit(
                    number: invoice, order: number, customer: before.customer, buyer: buyer, split: draft.split,
                    randomNumber: random, issuedAt: now))
            return receipt
        }
    }
}

/// The audit entry of an issued invoice.
struct InvoiceIssuedAudit: Codable {
    var number: InvoiceNumber
    var order: OrderNumber?
    var customer: CustomerID
    var buyer: InvoiceBuyer
    var split: TaxSplit
    var randomNumber: String
    var issuedAt: LocalDateTime
}
