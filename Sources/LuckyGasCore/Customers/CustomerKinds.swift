/// Customer type (DOMAIN.md "Customers").
public enum CustomerType: String, Sendable, Hashable, Codable, CaseIterable {
    case residential = "RESIDENTIAL"
    case commercial = "COMMERCIAL"
    case industrial = "INDUSTRIAL"

    /// 住家 / 商業 / 工業.
    public var chinese: String {
        switch self {
        case .residential: "住家"
        case .commercial: "商業"
        case .industrial: "工業"
        }
    }
}

/// Customer status: SUSPENDED and CLOSED customers get no orders.
public enum CustomerStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case active = "ACTIVE"
    case suspended = "SUSPENDED"
    case closed = "CLOSED"

    /// The state in both languages (正常 active, 停用 suspended, 結清 closed).
    public var label: OperatorMessage {
        switch self {
        case .active: OperatorMessage(zh: "正常", en: "active")
        case .suspended: OperatorMessage(zh: "停用", en: "suspended")
        case .closed: OperatorMessage(zh: "結清", en: "closed")
        }
    }
}

/// Delivery zone; drives the delivery fee.
public enum Zone: String, Sendable, Hashable, Codable, CaseIterable {
    case north = "NORTH"
    case central = "CENTRAL"
    case south = "SOUTH"
    case remote = "REMOTE"

    /// 北區 / 中區 / 南區 / 偏遠.
    public var chinese: String {
        switch self {
        case .north: "北區"
        case .central: "中區"
        case .south: "南區"
        case .remote: "偏遠"
        }
    }
}

/// Parses a case-insensitive raw value of a `String` enum, with a bilingual error naming the choices.
public func parseChoice<T: RawRepresentable & CaseIterable>(_ text: String, field: String) throws(ValidationError) -> T
where T.RawValue == String {
    let value = text.trimmingSpaces.uppercased()
    guard let choice = T.allCases.first(where: { $0.rawValue == value }) else {
        throw .unknownValue(field: field, value: text, allowed: T.allCases.map { $0.rawValue.lowercased() })
    }
    return choice
}
