/// A key press or terminal event, independent of the backend (only the ncurses backend knows
/// ncurses key codes; tests build these directly).
public enum Key: Sendable, Hashable {
    /// A printable character, Chinese included (from `wget_wch`).
    case character(Character)
    case enter, tab, backTab, escape, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    /// F1...F12.
    case function(Int)
    /// Ctrl + a letter (lower case).
    case control(Character)
    /// The terminal changed size.
    case resize(rows: Int, columns: Int)
}

/// Turns Esc followed quickly by a digit into F1-F10 (Esc 1 = F1 ... Esc 0 = F10), as Midnight
/// Commander does for terminals without function keys. A lone Esc stays Esc.
public struct EscapeDigitDecoder: Sendable {
    private var pendingEscape = false

    /// Creates a decoder with nothing pending.
    public init() {}

    /// Feeds one key; returns the keys to act on now (none while an Esc waits for its digit).
    public mutating func feed(_ key: Key) -> [Key] {
        if pendingEscape {
            pendingEscape = false
            if case .character(let character) = key, let digit = character.wholeNumberValue, character.isASCII {
                return [.function(digit == 0 ? 10 : digit)]
            }
            if key == .escape {
                // Esc Esc is two presses: the first goes out, the second may still lead a digit.
                pendingEscape = true
                return [.escape]
            }
            return [.escape, key]
        }
        if key == .escape {
            pendingEscape = true
            return []
        }
        return [key]
    }

    /// The escape-delay timer ran out: a pending Esc is a real Esc.
    public mutating func timeout() -> [Key] {
        guard pendingEscape else { return [] }
        pendingEscape = false
        return [.escape]
    }
}
