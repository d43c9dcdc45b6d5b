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

    /// Prints `value` (a designed output shape) when `--json`, else the text lines.
    func emit(_ value: some CLIJSON, text: () -> [String]) {
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

    /// Reports an error on standard error (both languages) and, with `--json`, as one JSON
    /// object on standard output (Docs/cli-json.md "Errors").
    func report(_ error: any Error) {
        let body = ErrorJSON(error)
        Self.note("錯誤：\(body.error.zh)\nError: \(body.error.en)")
        if json { Self.write(Self.jsonText(body) + "\n", to: .standardOutput) }
    }
}

/// The one shape of every error with `--json`: the message in both languages, a `code` per
/// kind of error, the rule's own `detail` and the `field` when there is one, and the figures a
/// script needs to act (the credit position of a refusal).
struct ErrorJSON: CLIJSON {
    var error: MessageJSON
    var code: String
    var detail: String?
    var field: String?
    var figures: [String: Int64]

    init(_ error: any Error) {
        let message: OperatorMessage =
            switch error {
            case let error as StoreError: error.operatorMessage
            case let error as CLIError: error.operatorMessage
            case let error as any OperatorFacingError: error.operatorMessage
            default: OperatorMessage(zh: "未預期的錯誤：\(error)", en: "Unexpected error: \(error)")
            }
        self.error = MessageJSON(message)
        code = ErrorCode.of(error)
        detail = ErrorCode.detail(error)
        field = ErrorCode.field(error)
        figures = [:]
        if case StoreError.creditRefused(_, let position) = error {
            figures = [
                "available": position.available.amount, "limit": position.limit.amount,
                "openAR": position.openAR.amount, "reserved": position.reserved.amount,
            ]
        }
    }
}

/// Pads (or cuts) text to a display width, CJK counting 2 columns, for text tables.
func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    right ? DisplayWidth.rightAligned(text, width: width) : DisplayWidth.fit(text, width: width)
}
