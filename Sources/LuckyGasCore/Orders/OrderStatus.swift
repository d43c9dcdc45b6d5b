/// Where an order is in its life (DOMAIN.md "Orders").
public enum OrderStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case confirmed = "CONFIRMED"
    case assigned = "ASSIGNED"
    case enRoute = "EN_ROUTE"
    case delivered = "DELIVERED"
    case failed = "FAILED"
    case cancelled = "CANCELLED"

    /// 已確認 / 已派車 / 配送中 / 已送達 / 配送失敗 / 已取消.
    public var chinese: String {
        switch self {
        case .confirmed: "已確認"
        case .assigned: "已派車"
        case .enRoute: "配送中"
        case .delivered: "已送達"
        case .failed: "配送失敗"
        case .cancelled: "已取消"
        }
    }

    /// Whether the order still holds a credit reservation.
    public var holdsReservation: Bool { self == .confirmed || self == .assigned || self == .enRoute || self == .failed }

    /// Whether nothing more can happen to it.
    public var isFinal: Bool { self == .delivered || self == .cancelled }
}

/// Something that happens to an order.
public enum OrderEvent: String, Sendable, Hashable, Codable, CaseIterable {
    /// A driver, vehicle and stop are assigned.
    case assign = "ASSIGN"
    /// The assignment is taken back.
    case unassign = "UNASSIGN"
    /// The driver leaves.
    case depart = "DEPART"
    /// Delivered (from the road, or at once for a counter sale).
    case deliver = "DELIVER"
    /// Delivery failed (with a reason).
    case fail = "FAIL"
    /// A failed order gets a new date.
    case reschedule = "RESCHEDULE"
    /// Cancelled (with a reason).
    case cancel = "CANCEL"

    /// The action's name in both languages (never the code word).
    public var label: OperatorMessage {
        switch self {
        case .assign: OperatorMessage(zh: "派車", en: "assign")
        case .unassign: OperatorMessage(zh: "取消派車", en: "unassign")
        case .depart: OperatorMessage(zh: "出車", en: "depart")
        case .deliver: OperatorMessage(zh: "送達開票", en: "deliver")
        case .fail: OperatorMessage(zh: "登錄配送失敗", en: "record a failed delivery")
        case .reschedule: OperatorMessage(zh: "改期", en: "reschedule")
        case .cancel: OperatorMessage(zh: "取消", en: "cancel")
        }
    }
}

/// An event the current status does not allow.
public struct IllegalTransition: OperatorFacingError, Equatable {
    /// The status the order was in.
    public var from: OrderStatus
    /// The event refused.
    public var event: OrderEvent

    public var operatorMessage: OperatorMessage {
        let state = String(from.rawValue.lowercased().map { $0 == "_" ? " " : $0 })
        return OperatorMessage(
            zh: "訂單狀態「\(from.chinese)」不能\(event.label.zh)：請重新整理查看目前狀態",
            en: "An order that is \(state) cannot \(event.label.en): reload to see where it is")
    }
}

extension OrderStatus {
    /// The life cycle as a table: CONFIRMED -> ASSIGNED -> EN_ROUTE -> DELIVERED | FAILED;
    /// CONFIRMED -> DELIVERED for counter sales; FAILED -> CONFIRMED (reschedule) or CANCELLED;
    /// CANCELLED from CONFIRMED, ASSIGNED and FAILED.
    public func applying(_ event: OrderEvent) throws(IllegalTransition) -> OrderStatus {
        switch (self, event) {
        case (.confirmed, .assign): .assigned
        case (.assigned, .unassign): .confirmed
        case (.assigned, .depart): .enRoute
        case (.enRoute, .deliver), (.confirmed, .deliver): .delivered
        case (.enRoute, .fail): .failed
        case (.failed, .reschedule): .confirmed
        case (.confirmed, .cancel), (.assigned, .cancel), (.failed, .cancel): .cancelled
        default: throw IllegalTransition(from: self, event: event)
        }
    }
}
