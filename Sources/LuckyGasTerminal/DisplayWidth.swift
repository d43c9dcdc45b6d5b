/// Terminal columns of text, as glibc `wcwidth` counts them under a UTF-8 locale: CJK 2,
/// combining marks 0. Pure Swift, so tests do not depend on the process locale.
public enum DisplayWidth {
    /// Columns of one scalar: 0 for controls and combining marks, 2 for wide and fullwidth.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value >= 0x20 ? 1 : 0 }
        if value < 0xA0 { return 0 }
        if contains(DisplayWidthTable.zero, value) { return 0 }
        return contains(DisplayWidthTable.wide, value) ? 2 : 1
    }

    /// Columns of a character: the sum over its scalars, as ncurses places them.
    public static func of(_ character: Character) -> Int {
        character.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// Columns of a string.
    public static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// `text` padded with spaces to exactly `width` columns, or cut to fit ending in `…` so a
    /// reader sees that something is missing; a wide character that would straddle the edge is
    /// replaced by a space, never split.
    public static func fit(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text + String(repeating: " ", count: width - of(text)) }
        var out = ""
        var used = 0
        for character in text {
            let columns = of(character)
            if used + columns > width - 1 { break }
            out.append(character)
            used += columns
        }
        return out + "…" + String(repeating: " ", count: max(0, width - 1 - used))
    }

    /// `text` right-aligned in `width` columns. Right-aligned cells are figures: one that does
    /// not fit shows `#####` across the cell (as a spreadsheet does), never a cut, wrong number.
    public static func rightAligned(_ text: String, width: Int) -> String {
        let columns = of(text)
        if columns > width { return String(repeating: "#", count: max(0, width)) }
        return String(repeating: " ", count: width - columns) + text
    }

    private static func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = ranges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
