import LuckyGasCore

/// A small XML writer for the MIG messages: elements in the order the schema demands, text escaped.
struct XMLText {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var depth = 0

    /// Opens `<name>` (with attributes already escaped by the caller).
    mutating func open(_ name: String, attributes: String = "") {
        text +=
            String(repeating: "  ", count: depth) + "<" + name + (attributes.isEmpty ? "" : " " + attributes) + ">\n"
        depth += 1
    }

    /// Closes `</name>`.
    mutating func close(_ name: String) {
        depth -= 1
        text += String(repeating: "  ", count: depth) + "</" + name + ">\n"
    }

    /// `<name>value</name>`.
    mutating func element(_ name: String, _ value: String) {
        text += String(repeating: "  ", count: depth) + "<" + name + ">" + Self.escape(value) + "</" + name + ">\n"
    }

    /// `<name>value</name>` only when `value` is present and not empty.
    mutating func optional(_ name: String, _ value: String?) {
        if let value, !value.isEmpty { element(name, value) }
    }

    /// Escapes `& < > " '` and drops characters XML 1.0 does not allow (C0 controls but tab/newline)
    /// and the other unprintable ones (DEL, C1, bidirectional overrides).
    static func escape(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out += " "
            default:
                // C0 (XML 1.0 forbids them), DEL, C1 and bidirectional overrides: `FreeText`'s set.
                if FreeText.isRefused(scalar) || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
