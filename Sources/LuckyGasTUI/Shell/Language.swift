import LuckyGasCore

/// The language of the screens: Traditional Chinese by default, English on F9.
public enum Language: String, Sendable, Hashable, CaseIterable {
    case chinese = "zh"
    case english = "en"

    /// The text of a message in this language.
    public func pick(_ message: OperatorMessage) -> String {
        self == .chinese ? message.zh : message.en
    }

    /// The other language.
    public var other: Language { self == .chinese ? .english : .chinese }
}

/// A two-language text (`tr("客戶", "Customer")`).
func tr(_ zh: String, _ en: String) -> OperatorMessage { OperatorMessage(zh: zh, en: en) }
