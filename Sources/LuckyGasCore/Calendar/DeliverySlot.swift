/// Delivery time slots (DOMAIN.md "Time and slots"): 01 MORNING 08-12, 02 AFTERNOON 13-17,
/// 03 EVENING 17-20, 04 URGENT (same day, within 2 hours).
public enum DeliverySlot: String, Sendable, Hashable, Codable, CaseIterable {
    case morning = "MORNING"
    case afternoon = "AFTERNOON"
    case evening = "EVENING"
    case urgent = "URGENT"

    /// The two-digit code of the old system (`01`...`04`).
    public var code: String {
        switch self {
        case .morning: "01"
        case .afternoon: "02"
        case .evening: "03"
        case .urgent: "04"
        }
    }

    /// Start hour of a scheduled slot; nil for URGENT (it starts when ordered).
    public var startHour: Int? {
        switch self {
        case .morning: 8
        case .afternoon: 13
        case .evening: 17
        case .urgent: nil
        }
    }

    /// End hour of a scheduled slot; nil for URGENT.
    public var endHour: Int? {
        switch self {
        case .morning: 12
        case .afternoon: 17
        case .evening: 20
        case .urgent: nil
        }
    }

    /// 上午 / 下午 / 晚間 / 急件.
    public var chinese: String {
        switch self {
        case .morning: "上午"
        case .afternoon: "下午"
        case .evening: "晚間"
        case .urgent: "急件"
        }
    }

    /// The slot's English name in a sentence (`evening`).
    public var english: String {
        switch self {
        case .morning: "morning"
        case .afternoon: "afternoon"
        case .evening: "evening"
        case .urgent: "urgent"
        }
    }

    /// Parses `morning`, `MORNING` or the old code `01`.
    public init(parsing text: String) throws(ValidationError) {
        let value = text.trimmingSpaces.uppercased()
        guard let slot = DeliverySlot(rawValue: value) ?? DeliverySlot.allCases.first(where: { $0.code == value })
        else {
            throw .unknownValue(
                field: "slot", value: text, allowed: DeliverySlot.allCases.map { $0.rawValue.lowercased() })
        }
        self = slot
    }
}
