import Foundation
import LuckyGasCore
import LuckyGasStore

/// Writes results and errors: text for people, JSON for scripts (`--json`).
struct Output {
    var json: Bool

    /// Prints `value` as pretty JSON with sorted keys.
    static func jsonText(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Prints JSON when `--json`, else the text lines.
    func emit(_ value: some Encodable, text: () -> [String]) {
        if json {
            Self.write(Self.jsonText(value) + "\n", to: .standardOutput)
        } else {
            Self.write(text().joined(separator: "\n") + "\n", to: .standardOutput)
        }
    }

    /// A line on standard error.
    static func note(_ text: String) { write(text + "\n", to: .standardError) }

    static func write(_ text: String, to handle: FileHandle) { handle.write(Data(text.utf8)) }

    /// Reports an error on standard error (both languages) and, with `--json`, as a JSON object on
    /// standard output with any figures the caller needs (e.g. the available credit).
    func report(_ error: any Error) {
        let message: OperatorMessage
        var extra: [String: Int64] = [:]
        var code = "ERROR"
        switch error {
        case let error as StoreError:
            message = error.operatorMessage
            if case .creditRefused(_, let position) = error {
                code = "CREDIT_REFUSED"
                extra = [
                    "available": position.available.amount, "limit": position.limit.amount,
                    "openAR": position.openAR.amount, "reserved": position.reserved.amount,
                ]
            }
        case let error as any OperatorFacingError: message = error.operatorMessage
        default: message = OperatorMessage(zh: "未預期的錯誤：\(error)", en: "Unexpected error: \(error)")
        }
        Self.note("錯誤：\(message.zh)\nError: \(message.en)")
        if json {
            struct Body: Encodable {
                var error: OperatorMessage
                var code: String
                var figures: [String: Int64]
            }
            Self.write(Self.jsonText(Body(error: message, code: code, figures: extra)) + "\n", to: .standardOutput)
        }
    }
}

/// Left-pads or right-pads text to a display width (CJK counts 2 columns) for text tables.
func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let used = text.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    let fill = String(repeating: " ", count: max(0, width - used))
    return right ? fill + text : text + fill
}

private func isWide(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
        true
    default: false
    }
}
