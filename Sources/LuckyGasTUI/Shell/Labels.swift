import LuckyGasCore

/// Two-language names of domain values, for screens.
enum Labels {
    static func status(_ status: OrderStatus) -> OperatorMessage {
        OperatorMessage(zh: status.chinese, en: english(status.rawValue))
    }

    static func slot(_ slot: DeliverySlot) -> OperatorMessage {
        OperatorMessage(zh: slot.chinese, en: english(slot.rawValue))
    }

    static func terms(_ terms: PaymentTerms) -> OperatorMessage {
        OperatorMessage(zh: terms.chinese, en: terms == .net30 ? "Net 30" : english(terms.rawValue))
    }

    static func weekday(_ weekday: Weekday) -> OperatorMessage {
        OperatorMessage(
            zh: weekday.chinese, en: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][weekday.rawValue - 1])
    }

    /// Terms in a 7-column table cell.
    static func shortTerms(_ terms: PaymentTerms) -> OperatorMessage {
        switch terms {
        case .cod: tr("現金", "COD")
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
