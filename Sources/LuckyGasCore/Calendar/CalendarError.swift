/// A delivery date or slot the calendar rules refuse.
public enum CalendarError: OperatorFacingError, Equatable {
    case inThePast(LocalDate)
    case beyondAdvanceBooking(LocalDate, lastAllowed: LocalDate)
    case closed(LocalDate, reason: OperatorMessage)
    /// `offered`: the slots that day has (none when closed).
    case slotNotOffered(LocalDate, DeliverySlot, offered: [DeliverySlot])
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
            OperatorMessage(
                zh: "\(date) 不營業（\(reason.zh)）：請改日期",
                en: "The branch is closed on \(date) (\(reason.en)): choose another date")
        case .slotNotOffered(let date, let slot, let offered):
            Self.noSlot(date, slot, offered: offered)
        case .afterSameDayCutoff(let cutoff):
            OperatorMessage(
                zh: "已過當日截止時間 \(cutoff)，今日僅能下急件，或改明天以後",
                en: "Past today's cutoff \(cutoff): today only urgent, or a later day")
        case .slotAlreadyOver(let slot):
            OperatorMessage(
                zh: "今日\(slot.chinese)時段已結束：請改其他時段或日期",
                en: "Today's \(slot.english) slot is over: choose a later slot or another day")
        case .urgentOnlyToday:
            OperatorMessage(
                zh: "急件只限當日配送：其他日期請選一般時段", en: "Urgent is for same-day delivery only: other days take a regular slot")
        case .urgentOutsideHours:
            OperatorMessage(
                zh: "營業時間外不接急件：請選一般時段", en: "Urgent orders are taken during business hours only: choose a regular slot")
        }
    }

    /// `沒有晚間時段`, and what the day has instead.
    private static func noSlot(_ date: LocalDate, _ slot: DeliverySlot, offered: [DeliverySlot]) -> OperatorMessage {
        let regular = offered.filter { $0 != .urgent }
        guard !regular.isEmpty else {
            return OperatorMessage(
                zh: "\(date) 沒有\(slot.chinese)時段：請改日期", en: "No \(slot.english) slot on \(date): choose another date")
        }
        return OperatorMessage(
            zh: "\(date) 沒有\(slot.chinese)時段：當天可選" + regular.map(\.chinese).joined(separator: "、"),
            en: "No \(slot.english) slot on \(date): that day has " + regular.map(\.english).joined(separator: ", "))
    }
}
