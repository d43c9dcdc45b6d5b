/// The barcode and QR texts of the printed proof (電子發票證明聯), MOF barcode spec v1.9.
public enum InvoiceProof {
    /// One item as the QR codes list it.
    public struct Item: Sendable, Hashable {
        /// Product name (a half-width `:` becomes `：`).
        public var name: String
        /// Quantity.
        public var quantity: Int
        /// Unit price text.
        public var unitPrice: String

        /// Creates an item.
        public init(name: String, quantity: Int, unitPrice: String) {
            self.name = name
            self.quantity = quantity
            self.unitPrice = unitPrice
        }

        var text: String { String(name.map { $0 == ":" ? "：" : $0 }) + ":\(quantity):\(unitPrice)" }
    }

    /// Code39 text: ROC year + even end month + number + random (19 characters).
    public static func barcode(period: InvoicePeriod, number: InvoiceNumber, randomNumber: String) -> String {
        period.code + number.rawValue + randomNumber
    }

    /// The first 53 characters of the left QR code: number, ROC date, random, sales (tax-exclusive)
    /// and total in 8 lowercase hex digits, buyer UBN (8 zeros for consumers), seller UBN.
    public static func leftHead(
        number: InvoiceNumber, date: LocalDate, randomNumber: String, net: Money, total: Money, buyerUBN: String?,
        sellerUBN: String
    ) -> String {
        number.rawValue + String(date.rocYear).leftPadded(to: 3) + LocalDate.two(date.month) + LocalDate.two(date.day)
            + randomNumber + hex8(net) + hex8(total) + (buyerUBN ?? "00000000") + sellerUBN
    }

    /// The AES plaintext of the check code: number + random.
    public static func checkPlaintext(number: InvoiceNumber, randomNumber: String) -> String {
        number.rawValue + randomNumber
    }

    /// How many items go in the left code; the rest go right (as in the spec's example).
    public static let leftItemCount = 1

    /// The whole left QR text: head, 24-character check code, then `:**********:` (self-use area
    /// unused), items listed in both codes, items on the invoice, encoding 1 (UTF-8), left items.
    public static func left(head: String, checkCode: String, items: [Item]) -> String {
        let leftItems = items.prefix(leftItemCount).map(\.text)
        return head + checkCode + ":**********:\(items.count):\(items.count):1:" + leftItems.joined(separator: ":")
            + ":"
    }

    /// The right QR text: `**` and the remaining items.
    public static func right(items: [Item]) -> String {
        "**" + items.dropFirst(leftItemCount).map(\.text).joined(separator: ":")
    }

    private static func hex8(_ money: Money) -> String {
        let text = String(max(money.amount, 0), radix: 16)
        return String(repeating: "0", count: max(0, 8 - text.count)) + text
    }
}
