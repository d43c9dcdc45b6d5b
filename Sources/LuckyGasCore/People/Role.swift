/// Staff roles (DOMAIN.md "People and rights").
public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    case counter = "COUNTER"
    case accountant = "ACCOUNTANT"
    case dispatcher = "DISPATCHER"
    case supervisor = "SUPERVISOR"
    case admin = "ADMIN"

    /// 門市 / 會計 / 調度 / 主管 / 管理員.
    public var chinese: String {
        switch self {
        case .counter: "門市"
        case .accountant: "會計"
        case .dispatcher: "調度"
        case .supervisor: "主管"
        case .admin: "管理員"
        }
    }

    /// What the role may do.
    public var permissions: Set<Permission> {
        switch self {
        case .counter: [.viewCustomers, .editCustomers, .placeOrders, .cancelOrders, .viewCredit]
        case .accountant: [.viewCustomers, .viewCredit, .invoices, .payments, .reports]
        case .dispatcher: [.viewCustomers, .dispatch]
        case .supervisor:
            Role.counter.permissions.union(Role.accountant.permissions).union(Role.dispatcher.permissions)
                .union([.override, .approve])
        case .admin: [.viewCustomers, .editCustomers, .administer, .viewCredit]
        }
    }

    /// Whether the role may do `permission`.
    public func allows(_ permission: Permission) -> Bool { permissions.contains(permission) }
}

/// A right that a role grants.
public enum Permission: String, Sendable, Hashable, Codable, CaseIterable {
    case viewCustomers, editCustomers, placeOrders, cancelOrders, viewCredit
    case invoices, payments, reports, dispatch, override, approve, administer

    /// What the right covers, for refusal messages.
    public var label: OperatorMessage {
        switch self {
        case .viewCustomers: OperatorMessage(zh: "查詢客戶", en: "view customers")
        case .editCustomers: OperatorMessage(zh: "維護客戶", en: "edit customers")
        case .placeOrders: OperatorMessage(zh: "下訂單", en: "place orders")
        case .cancelOrders: OperatorMessage(zh: "取消訂單", en: "cancel orders")
        case .viewCredit: OperatorMessage(zh: "查詢信用", en: "view credit")
        case .invoices: OperatorMessage(zh: "發票作業", en: "invoicing")
        case .payments: OperatorMessage(zh: "收款作業", en: "payments")
        case .reports: OperatorMessage(zh: "報表", en: "reports")
        case .dispatch: OperatorMessage(zh: "派遣", en: "dispatch")
        case .override: OperatorMessage(zh: "主管核准", en: "supervisor override")
        case .approve: OperatorMessage(zh: "審核", en: "approvals")
        case .administer: OperatorMessage(zh: "系統管理", en: "administration")
        }
    }
}
