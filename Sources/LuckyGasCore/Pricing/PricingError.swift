/// Why an order cannot be priced.
public enum PricingError: OperatorFacingError, Equatable {
    case noItems
    case unknownProduct(ProductCode)
    case inactiveProduct(ProductCode)
    case quantityNotPositive(ProductCode, Int)
    case belowMinimumOrder(goodsNet: Money, minimum: Money)
    case quantityAboveLimit(ProductCode, Int, limit: Int)
    case totalAboveLimit(ProductCode?, limit: Money)

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
        case .quantityAboveLimit(let code, let quantity, let limit):
            OperatorMessage(
                zh: "\(code) 數量最多 \(limit)（輸入 \(quantity)）；更大的量請分成多張訂單",
                en:
                    "At most \(limit) of \(code) per order (got \(quantity)); split a larger quantity over several orders"
            )
        case .totalAboveLimit(let code, let limit):
            OperatorMessage(
                zh: "\(code.map { "\($0) " } ?? "")訂單金額超過單張上限 \(limit)；請分成多張訂單",
                en: "\(code.map { "\($0): " } ?? "")the order exceeds the limit of \(limit) per document; split it")
        case .belowMinimumOrder(let goodsNet, let minimum):
            OperatorMessage(
                zh: "未達最低訂購金額 \(minimum)（目前 \(goodsNet)）",
                en: "Below the minimum order of \(minimum) (now \(goodsNet))")
        }
    }
}
