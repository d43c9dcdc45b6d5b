/// A short message for the person at the counter, in Traditional Chinese and English.
///
/// Errors keep their structured cases for code; this is what a boundary (CLI, TUI) shows.
public struct OperatorMessage: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The Traditional Chinese text (the default language of the product).
    public var zh: String
    /// The English text.
    public var en: String

    /// Creates a message from its two translations.
    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// Both languages on one line: `中文 / English`.
    public var description: String { "\(zh) / \(en)" }
}

/// An error that can explain itself to an operator in both languages.
public protocol OperatorFacingError: Error, Sendable {
    /// What the operator should read.
    var operatorMessage: OperatorMessage { get }
}
