/// The order-confirmation text message sent to the customer's mobile phone when an order is
/// placed, worded as in the old system's SMS gateway integration (seeds, order-sales
/// integration: "您的訂單 O-20240125-000123 已確認。預計配送時間：1/26 下午。金額：NT$1,785").
public struct OrderConfirmationSMS: Sendable, Hashable, Codable {
    /// The sender name registered with the SMS gateway.
    public static let sender = "LUCKYGAS"

    /// The mobile number, digits only (`0912345678`).
    public var to: String
    /// The text.
    public var message: String
    /// The sender.
    public var sender: String
    /// The order it confirms.
    public var order: OrderNumber

    /// Builds the message for an order; nil when the customer has no mobile phone to text.
    public init?(order: OrderNumber, date: LocalDate, slot: DeliverySlot, total: Money, phones: [PhoneNumber]) {
        guard let mobile = phones.first(where: { $0.kind == .mobile }) else { return nil }
        to = mobile.digits
        sender = Self.sender
        self.order = order
        message = Self.text(order: order, date: date, slot: slot, total: total)
    }

    /// `您的訂單 O-… 已確認。預計配送時間：1/26 下午。金額：NT$1,785`.
    public static func text(order: OrderNumber, date: LocalDate, slot: DeliverySlot, total: Money) -> String {
        "您的訂單 \(order) 已確認。預計配送時間：\(date.month)/\(date.day) \(slot.chinese)。金額：\(total)"
    }
}
