import LuckyGasCore

/// The calendar's verdict on a delivery date and slot, in the operator's words: what is wrong
/// and what to choose instead (the slots the day still has, or the next day the slot runs).
/// `CalendarError`'s own message names the rule; this one also says what to do, in one
/// language at a time (the closed-day reason of the calendar carries both).
struct DeliveryVerdict: Equatable {
    /// What is wrong and what to do instead.
    let message: OperatorMessage

    /// Nil when the calendar allows `slot` on `date` when ordering at `now`.
    init?(date: LocalDate, slot: DeliverySlot, calendar: BusinessCalendar, at now: LocalDateTime) {
        let refusal: CalendarError
        do throws(CalendarError) {
            try calendar.checkDelivery(date: date, slot: slot, at: now)
            return nil
        } catch {
            refusal = error
        }
        let day = Self.day(date)
        let slotName = Labels.slot(slot)
        let problem: OperatorMessage
        switch refusal {
        case .inThePast:
            problem = OperatorMessage(zh: "\(day.zh) 已過", en: "\(day.en) is in the past")
        case .beyondAdvanceBooking(_, let last):
            let lastDay = Self.day(last)
            problem = OperatorMessage(
                zh: "\(day.zh) 超過可預約範圍（最晚 \(lastDay.zh)）",
                en: "\(day.en) is beyond advance booking (last \(lastDay.en))")
        case .closed:
            if let holiday = calendar.holiday(on: date) {
                problem = OperatorMessage(
                    zh: "\(day.zh) \(holiday.name)不營業", en: "The branch is closed on \(day.en) (\(holiday.name))")
            } else {
                problem = OperatorMessage(zh: "\(day.zh) 週日公休", en: "The branch is closed on Sundays (\(day.en))")
            }
        case .slotNotOffered:
            problem = OperatorMessage(
                zh: "\(day.zh) 沒有\(slotName.zh)時段", en: "No \(slotName.en.lowercased()) slot on \(day.en)")
        case .afterSameDayCutoff(let cutoff):
            problem = OperatorMessage(zh: "已過今日截止時間 \(cutoff)", en: "Past today's cutoff \(cutoff)")
        case .slotAlreadyOver:
            problem = OperatorMessage(
                zh: "今日\(slotName.zh)時段已結束", en: "Today's \(slotName.en.lowercased()) slot is over")
        case .urgentOnlyToday:
            problem = OperatorMessage(zh: "急件只限當日配送", en: "Urgent is for same-day delivery only")
        case .urgentOutsideHours:
            problem = OperatorMessage(zh: "營業時間外不接急件", en: "Urgent orders are taken in business hours only")
        }
        let others = DeliverySlot.allCases.filter { other in
            other != slot && (try? calendar.checkDelivery(date: date, slot: other, at: now)) != nil
        }
        let lastAllowed = now.date.adding(days: calendar.rules.advanceBookingDays)
        let start = max(date, now.date)
        let next = (0...max(0, start.days(until: lastAllowed))).lazy.map { start.adding(days: $0) }.first { day in
            day != date && (try? calendar.checkDelivery(date: day, slot: slot, at: now)) != nil
        }
        var advice: [OperatorMessage] = []
        if !others.isEmpty {
            let names = Labels.slots(others)
            advice.append(OperatorMessage(zh: "當天可選\(names.zh)", en: "that day has \(names.en.lowercased())"))
        }
        if let next {
            let nextDay = Self.day(next)
            advice.append(
                OperatorMessage(
                    zh: "\(slotName.zh)最近可送 \(nextDay.zh)", en: "next \(slotName.en.lowercased()) \(nextDay.en)"))
        }
        guard !advice.isEmpty else {
            message = OperatorMessage(zh: problem.zh + "：請改日期", en: problem.en + ": choose another date")
            return
        }
        message = OperatorMessage(
            zh: problem.zh + "：" + advice.map(\.zh).joined(separator: "；"),
            en: problem.en + ": " + advice.map(\.en).joined(separator: "; "))
    }

    /// `2026-12-06 (日)`.
    static func day(_ date: LocalDate) -> OperatorMessage {
        let weekday = Labels.weekdayAfterDate(date.weekday)
        return OperatorMessage(zh: "\(date.iso) \(weekday.zh)", en: "\(date.iso) \(weekday.en)")
    }
}
