import LuckyGasCore

/// Two-language names of domain values, for screens.
enum Labels {
    static func status(_ status: OrderStatus) -> OperatorMessage {
        OperatorMessage(zh: status.chinese, en: english(status.rawValue))
    }

    static func slot(_ slot: DeliverySlot) -> OperatorMessage {
        OperatorMessage(zh: slot.chinese, en: english(slot.rawValue))
    }

    /// Payment terms in words: `Cash on delivery`, `Net 30`, `Monthly`.
    static func terms(_ terms: PaymentTerms) -> OperatorMessage {
        switch terms {
        case .cod: OperatorMessage(zh: terms.chinese, en: "Cash on delivery")
        case .net30: OperatorMessage(zh: terms.chinese, en: "Net 30")
        case .monthly: OperatorMessage(zh: terms.chinese, en: "Monthly")
        }
    }

    static func weekday(_ weekday: Weekday) -> OperatorMessage {
        OperatorMessage(
            zh: weekday.chinese, en: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][weekday.rawValue - 1])
    }

    /// The weekday beside a date: `(日)`, `(Sun)`.
    static func weekdayAfterDate(_ weekday: Weekday) -> OperatorMessage {
        let name = Self.weekday(weekday)
        return OperatorMessage(zh: "(\(name.zh.suffix(1)))", en: "(\(name.en))")
    }

    /// Slots in words, joined: `上午、下午、急件`, `Morning, afternoon, urgent`.
    static func slots(_ slots: [DeliverySlot]) -> OperatorMessage {
        let names = slots.map(slot)
        let english = names.map(\.en).enumerated().map { $0.offset == 0 ? $0.element : $0.element.lowercased() }
        return OperatorMessage(zh: names.map(\.zh).joined(separator: "、"), en: english.joined(separator: ", "))
    }

    /// Terms in a 7-column table cell.
    static func shortTerms(_ terms: PaymentTerms) -> OperatorMessage {
        switch terms {
        case .cod: tr("現金", "Cash")
        case .net30: tr("30天", "Net 30")
        case .monthly: tr("月結", "Monthly")
        }
    }

    static func type(_ type: CustomerType) -> OperatorMessage {
        OperatorMessage(zh: type.chinese, en: english(type.rawValue))
    }

    static func zone(_ zone: Zone) -> OperatorMessage {
        OperatorMessage(zh: zone.chinese, en: english(zone.rawValue))
    }

    static func customerStatus(_ status: CustomerStatus) -> OperatorMessage {
        switch status {
        case .active: tr("正常", "Active")
        case .suspended: tr("停用", "Suspended")
        case .closed: tr("結清", "Closed")
        }
    }

    /// `EN_ROUTE` as `En route`.
    static func english(_ raw: String) -> String {
        let words = raw.lowercased().replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
