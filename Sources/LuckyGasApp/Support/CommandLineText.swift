import ArgumentParser
import Foundation
import LuckyGasCore

/// The command line's own errors in both languages, and the preparation of the arguments.
enum CommandLineText {
    /// The Chinese for ArgumentParser's English messages (the patterns it prints), with the
    /// English kept as it is.
    static func translate(_ english: String) -> OperatorMessage {
        let text = english.hasPrefix("Error: ") ? String(english.dropFirst(7)) : english
        let hint = OperatorMessage(zh: "（用法請加 --help）", en: " (see --help)")
        func quoted(_ prefix: String) -> [String]? {
            guard text.hasPrefix(prefix) else { return nil }
            return text.split(separator: "'", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 1 }.map { String($0.element) }
        }
        let zh: String
        if let parts = quoted("Missing expected argument"), let name = parts.first {
            zh = "缺少必要的參數 \(name)"
        } else if let parts = quoted("The value"), parts.count >= 2 {
            zh = "\(parts[1]) 的值「\(parts[0])」無效：金額與數量請輸入整數（例如 1500），且不可超過上限"
        } else if let parts = quoted("Unknown option"), let name = parts.first {
            zh = "不認識的選項 \(name)"
        } else if let parts = quoted("Missing value for"), let name = parts.first {
            zh = "選項 \(name) 缺少值"
        } else if let parts = quoted("Unexpected argument"), let name = parts.first {
            zh = "多餘的參數 \(name)"
        } else if let parts = quoted("Unexpected arguments") {
            zh = "多餘的參數 \(parts.joined(separator: " "))"
        } else {
            zh = "指令格式錯誤"
        }
        return OperatorMessage(zh: zh + hint.zh, en: text + hint.en)
    }

    /// The arguments with `--option -5000` written as `--option=-5000`, so a negative number is
    /// read as the option's value (and refused by its rule with a clear message) rather than
    /// as an unknown flag.
    static func prepared(_ arguments: [String]) -> [String] {
        var out: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument.hasPrefix("--"), !argument.contains("="), index + 1 < arguments.count,
                isNegativeNumber(arguments[index + 1])
            {
                out.append(argument + "=" + arguments[index + 1])
                index += 2
                continue
            }
            out.append(argument)
            index += 1
        }
        return out
    }

    private static func isNegativeNumber(_ text: String) -> Bool {
        text.count > 1 && text.first == "-" && text.dropFirst().allSatisfy { $0.isASCIIDigit || $0 == "." }
    }
}

extension LuckyGas {
    /// Runs the command line: parses, runs, and turns every failure into the error contract:
    /// a bilingual message on standard error, the JSON error object on standard output with
    /// `--json`, and exit 0 (done), 1 (refused or failed), 2 (the command line was wrong) or
    /// 3 (credit refused). Help and `--version` print as usual and exit 0.
    static func runCommandLine() -> Never {
        umask(0o077)
        let arguments = CommandLineText.prepared(Array(CommandLine.arguments.dropFirst()))
        let output = Output(json: arguments.contains("--json"))
        if let unprintable = arguments.first(where: { !FreeText.isPrintable($0) }) {
            output.report(CLIError.unprintableArgument(unprintable))
            Foundation.exit(2)
        }
        var command: any ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }
            output.report(CLIError.usage(english: message(for: error)))
            Foundation.exit(2)
        }
        do {
            try command.run()
            Foundation.exit(0)
        } catch let code as ExitCode {
            Foundation.exit([0, 1, 2, 3].contains(code.rawValue) ? code.rawValue : 1)
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }
            output.report(CLIError.usage(english: message(for: error)))
            Foundation.exit(2)
        }
    }
}
