/// Why an order cannot be priced.
public enum PricingError: OperatorFacingError, Equatable {
    case noItems
    case unknownProduct(ProductCode)
    case inactiveProduct(ProductCode)
    case quantityNotPositive(ProductCode, Int)
    case belowMinimumOrder(goodsNet: Money, minimum: Money)

    public var operatorMessage: OperatorMessage {
        switch self {
        case .noItems:
            OperatorMessage(zh: "訂單沒有品項", en: "The order has no items")
        case .unknownProduct(let code):
            OperatorMessage(zh: "查無產品 \(code)", en: "Unknown product \(code)")
        case .inactiveProduct(let code):
            OperatorMessage(zh: "產品 \(code) 已停售", en: "Product \(code) is no longer sold")
        case .quantityNotPositive(let code, let quantity):
            OperatorMessage(
                zh: "\(code) 數量須大於 0（輸入 \(quantity)）", en: "Quantity of \(code) must be above 0 (got \(quantity))")
        case .belowMinimumOrder(let goodsNet, let minimum):
            OperatorMessage(
                zh: "未達最低訂購金額 \(minimum)（目前 \(goodsNet)）",
                en: "Below the minimum order of \(minimum) (now \(goodsNet))")
        }
    }
}
