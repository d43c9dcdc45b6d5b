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
    /// The role's English name (`accountant`).
    public var english: String {
        switch self {
        case .counter: "counter"
        case .accountant: "accountant"
        case .dispatcher: "dispatcher"
        case .supervisor: "supervisor"
        case .admin: "administrator"
        }
    }

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
        case .editCustomers: OperatorMessage(zh: "新增或修改客戶", en: "add or change customers")
        case .placeOrders: OperatorMessage(zh: "下訂單", en: "place orders")
        case .cancelOrders: OperatorMessage(zh: "取消訂單", en: "cancel orders")
        case .viewCredit: OperatorMessage(zh: "查詢信用額度", en: "view credit")
        case .invoices: OperatorMessage(zh: "開立或處理發票", en: "issue or change invoices")
        case .payments: OperatorMessage(zh: "登錄或處理收款", en: "record or change payments")
        case .reports: OperatorMessage(zh: "查閱帳冊與報表", en: "read the books and reports")
        case .dispatch: OperatorMessage(zh: "派車與登錄配送", en: "dispatch and record deliveries")
        case .override: OperatorMessage(zh: "核准例外（主管核准）", en: "approve an override")
        case .approve: OperatorMessage(zh: "審核繳款", en: "approve settlements")
        case .administer: OperatorMessage(zh: "管理帳號與參數", en: "manage users and parameters")
        }
    }
}
