import LuckyGasCore
import LuckyGasTerminal

/// Text laid out over several lines of a width, for messages said whole on a screen (a
/// calendar verdict, a field's problem) rather than cut.
enum LineWrap {
    /// `text` in lines of at most `width` columns (by display width), the later ones indented
    /// by two; an English word is not split (Chinese breaks between any two characters).
    static func lines(_ text: String, width: Int) -> [String] {
        guard width > 2 else { return [] }
        var lines: [String] = []
        var current = ""
        for character in text {
            if DisplayWidth.of(current) + DisplayWidth.of(character) > width {
                var carried = ""
                if character != " ", character.isASCII, current.last?.isASCII == true, current.last != " ",
                    let space = current.lastIndex(of: " "), current.distance(from: current.startIndex, to: space) > 2
                {
                    carried = String(current[current.index(after: space)...])
                    current = String(current[..<space])
                }
                lines.append(current)
                current = "  " + carried
                if character == " " { continue }
            }
            current.append(character)
        }
        if !current.trimmingSpaces.isEmpty { lines.append(current) }
        return lines
    }
}
