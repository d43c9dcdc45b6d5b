import ArgumentParser
import LuckyGasCore
import LuckyGasStore

/// The arguments that describe an order: customer, items, date, slot, address.
struct OrderArguments: ParsableArguments {
    @Option(help: "客戶編號 / Customer id.") var customer: String
    @Option(name: .customLong("item"), help: "品項 CODE=QTY，可重複 / Item CODE=QTY (repeatable).") var items: [String]
    @Option(help: "配送日期 YYYY-MM-DD（預設最早可送日）/ Delivery date (default: the first allowed date).")
    var date: String?
    @Option(help: "morning|afternoon|evening|urgent") var slot: String = "morning"
    @Option(help: "地址編號（預設為預設地址）/ Address id (default: the default address).") var address: Int64?

    func input(_ database: AppDatabase) throws -> OrderInput {
        let slot = try parsed { try DeliverySlot(parsing: self.slot) }
        let customer = try parsed { try CustomerID(self.customer) }
        let items = try items.map { text -> QuoteRequest.Item in
            let parts = text.split(separator: "=")
            guard parts.count == 2, let quantity = Int(parts[1].trimmingCharacters(in: .whitespaces)) else {
                throw CLIError.badItem(text)
            }
            return QuoteRequest.Item(product: try parsed { try ProductCode(String(parts[0])) }, quantity: quantity)
        }
        let date: LocalDate
        if let text = self.date {
            date = try parsed { try LocalDate(text) }
        } else {
            guard let first = try database.calendar().firstAllowedDate(for: slot, at: database.clock.now()) else {
                throw StoreError.calendar(.slotNotOffered(database.clock.now().date, slot, offered: []))
            }
            date = first
        }
        return OrderInput(customer: customer, addressID: address, items: items, date: date, slot: slot)
    }
}

/// `luckygas order quote|place|cancel|show|list|event`.
struct OrderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "order", abstract: "訂單 / Orders.",
        subcommands: [Quote.self, Place.self, Cancel.self, Show.self, List.self, Event.self, Deliver.self])

    static func breakdown(_ quote: LuckyGasCore.Quote) -> [String] {
        var lines = quote.lines.map { line in
            "\(line.product) \(pad(line.name, 16)) \(pad(String(line.quantity), 4, right: true)) x \(pad(line.unitPrice.grouped, 7, right: true))"
                + "\(line.isSpecialPrice ? "*" : " ") = \(pad(line.gross.grouped, 10, right: true))"
                + (line.discount > .zero ? "  -\(line.discount.grouped)" : "")
        }
        lines.append("折扣 discount (\(quote.discountPercent)%): \(quote.discount)")
        lines.append("運費 delivery fee: \(quote.deliveryFee)" + (quote.freeDelivery ? "（免運 free）" : ""))
        lines.append("未稅 net: \(quote.net)   稅額 tax: \(quote.tax)   合計 total: \(quote.total)")
        return lines
    }

    struct Quote: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "試算 / Price an order without placing it.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var order: OrderArguments

        func run() throws {
            try perform(global) {
                let database = try global.open()
                let input = try order.input(database)
                let quote = try database.quote(input)
                let refusal = try database.deliveryRefusal(date: input.date, slot: input.slot)
                global.output.emit(QuoteJSON(input, quote: quote, refusal: refusal)) {
                    OrderCommand.breakdown(quote)
                        + (refusal.map {
                            [
                                "注意：此時段無法配送 \($0.operatorMessage.zh)",
                                "Note: not deliverable then: \($0.operatorMessage.en)",
                            ]
                        } ?? [])
                }
            }
        }
    }

    struct Place: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "下訂單 / Place an order (price, credit check and reservation in one transaction).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @OptionGroup var order: OrderArguments
        @OptionGroup var override: OverrideOptions

        func run() throws {
            try perform(global) {
                let database = try global.open()
                let session = try user.session(database, for: .placeOrders)
                let placed = try database.placeOrder(order.input(database), by: session, override: override.approval())
                global.output.emit(PlacedOrderJSON(placed)) {
                    ["訂單 \(placed.number) 已成立 / Order \(placed.number) placed"] + OrderCommand.breakdown(placed.quote)
                        + (placed.availableAfter.map { ["可用額度 available credit: \($0)"] } ?? [])
                }
            }
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "取消訂單 / Cancel an order and release its credit.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Argument(help: "訂單編號 / Order number.") var number: String
        @Option(help: "原因 / Reason.") var reason: String
        @OptionGroup var override: OverrideOptions

        func run() throws {
            try perform(global) {
                let orderNumber = try parsed { try OrderNumber(number) }
                let database = try global.open()
                let session = try user.session(database, for: .cancelOrders)
                try database.cancelOrder(
                    orderNumber, reason: reason, by: session, override: override.approval())
                guard let record = try database.order(orderNumber) else { throw StoreError.orderNotFound(number) }
                global.output.emit(OrderJSON(record)) { ["訂單 \(orderNumber) 已取消 / Order \(orderNumber) cancelled"] }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "訂單明細 / Show an order.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "訂單編號 / Order number.") var number: String

        func run() throws {
            try perform(global) {
                let orderNumber = try parsed { try OrderNumber(number) }
                guard let record = try global.open().order(orderNumber) else { throw StoreError.orderNotFound(number) }
                global.output.emit(OrderJSON(record)) {
                    [
                        "\(record.number)  \(record.status.chinese) \(record.status.rawValue)",
                        "客戶 customer: \(record.customer) \(record.customerName)",
                        "送達 deliver: \(record.date) \(record.slot.chinese) \(record.slot.rawValue)  \(record.address)",
                        "建立 placed: \(record.placedAt.short) by \(record.placedBy)",
                    ] + OrderCommand.breakdown(record.quote)
                        + (record.cancelReason.map { ["取消原因 cancel reason: \($0)"] } ?? [])
                }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "訂單列表 / List orders.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "配送日起 / Delivery date from.") var from: String?
        @Option(help: "配送日迄 / Delivery date to.") var to: String?
        @Option(help: "confirmed|assigned|en_route|delivered|failed|cancelled") var status: String?
        @Option(help: "客戶編號 / Customer id.") var customer: String?
        @Option(help: "最多筆數 / Maximum rows.") var limit = 200

        func run() throws {
            try perform(global) {
                let filter = try parsed {
                    OrderFilter(
                        from: try from.map { try LocalDate($0) }, to: try to.map { try LocalDate($0) },
                        status: try status.map { try parseChoice($0, field: "status") },
                        customer: try customer.map { try CustomerID($0) }, limit: try rowLimit(limit))
                }
                let orders = try global.open().orders(filter)
                global.output.emit(orders.map(OrderRowJSON.init)) {
                    orders.isEmpty
                        ? ["沒有符合的訂單 / No orders match"]
                        : orders.map {
                            "\($0.number)  \($0.date) \(pad($0.slot.chinese, 4)) \(pad($0.status.chinese, 8)) \($0.customer) \(pad($0.customerName, 20)) \(pad($0.total.grouped, 10, right: true))"
                        }
                }
            }
        }
    }

    struct Event: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "更新配送狀態 / Move an order along: assign, unassign, depart, deliver, fail, reschedule.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Argument(help: "訂單編號 / Order number.") var number: String
        @Option(help: "assign|unassign|depart|deliver|fail|reschedule") var event: String
        @Option(help: "備註（失敗時必填）/ Note (required for fail).") var note: String = ""

        func run() throws {
            try perform(global) {
                let orderNumber = try parsed { try OrderNumber(number) }
                let orderEvent: OrderEvent = try parsed { try parseChoice(event, field: "event") }
                let database = try global.open()
                let session = try user.session(database, for: .dispatch)
                try database.recordOrderEvent(orderEvent, for: orderNumber, note: note, by: session)
                guard let record = try database.order(orderNumber) else { throw StoreError.orderNotFound(number) }
                global.output.emit(OrderJSON(record)) {
                    ["訂單 \(orderNumber)：\(record.status.chinese) / \(record.status.rawValue)"]
                }
            }
        }
    }
}
