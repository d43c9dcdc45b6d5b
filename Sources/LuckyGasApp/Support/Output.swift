import Foundation
import LuckyGasCore
import LuckyGasStore
import LuckyGasTerminal

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

    /// Every byte the CLI prints passes here: control characters from stored text become `�`.
    static func write(_ text: String, to handle: FileHandle) {
        handle.write(Data(FreeText.printableKeepingLayout(text).utf8))
    }

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
        case let error as CLIError:
            message = error.operatorMessage
            if error.isUsage { code = "USAGE" }
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

/// Pads (or cuts) text to a display width, CJK counting 2 columns, for text tables.
func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    right ? DisplayWidth.rightAligned(text, width: width) : DisplayWidth.fit(text, width: width)
}
