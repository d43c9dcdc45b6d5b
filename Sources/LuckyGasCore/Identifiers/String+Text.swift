extension String {
    /// The string without leading and trailing spaces, tabs and newlines (ASCII and full-width space).
    public var trimmingSpaces: String {
        // `isWhitespace` covers tabs, newlines, "\r\n" (one Character) and the full-width space U+3000.
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }

    /// Left-pads with zeros to `width` characters.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }

    /// Only the ASCII digits of the string (`0912-345-678` -> `0912345678`).
    public var asciiDigits: String { String(filter(\.isASCIIDigit)) }
}

extension Character {
    /// `0`...`9` only (not other Unicode digits).
    /// A digit with a combining mark ("1\u{0301}") is not one: `asciiValue` is nil for it.
    public var isASCIIDigit: Bool { asciiValue.map { (48...57).contains($0) } ?? false }
}
