/// A delivery date or slot the calendar rules refuse.
public enum CalendarError: OperatorFacingError, Equatable {
    case inThePast(LocalDate)
    case beyondAdvanceBooking(LocalDate, lastAllowed: LocalDate)
    case closed(LocalDate, reason: String)
    case slotNotOffered(LocalDate, DeliverySlot)
    case afterSameDayCutoff(cutoff: String)
    case slotAlreadyOver(DeliverySlot)
    case urgentOnlyToday
    case urgentOutsideHours

    public var operatorMessage: OperatorMessage {
        switch self {
        case .inThePast(let date):
            OperatorMessage(zh: "配送日期 \(date) 已過", en: "Delivery date \(date) is in the past")
        case .beyondAdvanceBooking(let date, let last):
            OperatorMessage(
                zh: "配送日期 \(date) 超過可預約範圍（最晚 \(last)）",
                en: "Delivery date \(date) is beyond advance booking (last \(last))")
        case .closed(let date, let reason):
            OperatorMessage(zh: "\(date) 不營業（\(reason)）", en: "The branch is closed on \(date) (\(reason))")
        case .slotNotOffered(let date, let slot):
            OperatorMessage(zh: "\(date) 沒有\(slot.chinese)時段", en: "No \(slot.rawValue) slot on \(date)")
        case .afterSameDayCutoff(let cutoff):
            OperatorMessage(zh: "已過當日截止時間 \(cutoff)，今日僅能下急件", en: "Past today's cutoff \(cutoff): only URGENT today")
        case .slotAlreadyOver(let slot):
            OperatorMessage(zh: "今日\(slot.chinese)時段已結束", en: "Today's \(slot.rawValue) slot is over")
        case .urgentOnlyToday:
            OperatorMessage(zh: "急件只限當日配送", en: "URGENT is for same-day delivery only")
        case .urgentOutsideHours:
            OperatorMessage(zh: "營業時間外不接急件", en: "URGENT orders are taken during business hours only")
        }
    }
}
