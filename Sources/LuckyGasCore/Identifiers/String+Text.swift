extension String {
    /// The string without leading and trailing spaces, tabs and newlines (ASCII and full-width space).
    public var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{3000}" }
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
    public var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
