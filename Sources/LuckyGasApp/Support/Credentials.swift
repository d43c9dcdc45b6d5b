import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a password: from the environment variable, or from a prompt with echo off.
enum Credentials {
    static func password(for user: String, variable: String = "LUCKYGAS_PASSWORD") throws -> String {
        if let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty { return value }
        guard isatty(STDIN_FILENO) == 1 else { throw CLIError.passwordUnavailable(user: user, variable: variable) }
        Output.write("\(user) 的密碼 / password: ", to: .standardError)
        var original = termios()
        tcgetattr(STDIN_FILENO, &original)
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &original)
            Output.write("\n", to: .standardError)
        }
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw CLIError.passwordUnavailable(user: user, variable: variable)
        }
        return line
    }
}
