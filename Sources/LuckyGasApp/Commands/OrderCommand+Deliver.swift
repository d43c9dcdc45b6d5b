import ArgumentParser
import Foundation
import LuckyGasCore
import LuckyGasStore

extension OrderCommand {
    struct Deliver: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "送達並開立發票 / Deliver an order and issue its e-invoice.",
            discussion: """
                未列出的品項視為全數送達；--empties 預設為每支鋼瓶都回收空瓶。
                Products not listed were delivered in full; --empties defaults to one empty per cylinder.
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Argument(help: "訂單編號 / Order number.") var number: String
        @Option(name: .customLong("qty"), help: "實送數量 CODE=QTY，可重複 / Delivered CODE=QTY (repeatable).")
        var quantities: [String] = []
        @Option(help: "回收空瓶數 / Empties returned.") var empties: Int?
        @Option(help: "收款金額 / Money collected.") var collected: Int64 = 0
        @Option(help: "cash|check|bank_transfer|credit_card|line_pay|jkopay") var method: String?
        @Option(help: "司機編號，例 DRV001（收款依司機每日繳款）/ Driver id; collections are settled per driver.")
        var driver: String?

        func run() throws {
            try perform(global) {
                let orderNumber = try parsed { try OrderNumber(number) }
                var delivered: [ProductCode: Int] = [:]
                for text in quantities {
                    let parts = text.split(separator: "=")
                    guard parts.count == 2, let quantity = Int(parts[1].trimmingCharacters(in: .whitespaces)) else {
                        throw CLIError.badItem(text)
                    }
                    delivered[try parsed { try ProductCode(String(parts[0])) }] = quantity
                }
                let database = try global.open()
                let session = try user.session(database, for: .dispatch, .placeOrders)
                let receipt = try database.deliverOrder(
                    orderNumber,
                    report: DeliveryReport(
                        quantities: delivered, emptiesReturned: empties, collected: Money(collected),
                        method: method?.uppercased(), driver: driver?.uppercased()),
                    by: session)
                global.output.emit(DeliveryJSON(receipt)) {
                    [
                        "訂單 \(orderNumber) 已送達，發票 \(receipt.invoice.printed) 金額 \(receipt.total.grouped)",
                        "Order \(orderNumber) delivered; invoice \(receipt.invoice.printed) total NT$\(receipt.total.grouped)",
                        "應收到期 due: \(receipt.dueDate)  收款 collected: \(receipt.collected.grouped)"
                            + (receipt.payment.map { "  收據 receipt \($0.rawValue)" } ?? ""),
                    ]
                        + (receipt.deposit.amount > .zero
                            ? [
                                "押金 deposit: \(receipt.deposit.missingEmpties) 支未回收 missing empties = \(receipt.deposit.amount.grouped)"
                            ] : [])
                }
            }
        }
    }
}
