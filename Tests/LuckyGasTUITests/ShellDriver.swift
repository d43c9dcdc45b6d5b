import Foundation
import LuckyGasCore
import LuckyGasStore
import LuckyGasTUI
import LuckyGasTerminal
import LuckyGasTestSupport

/// Drives the real shell over a real (in-memory SQLite) branch, key by key, and reads the
/// screen as text: what an operator would see on an 80x24 terminal.
final class ShellDriver {
    let branch: TestBranch
    let shell: Shell
    var rows = 24
    var columns = 80

    init(theme: Theme = .colour) throws {
        branch = try TestBranch.make()
        let time = branch.time
        shell = Shell(
            environment: TUIEnvironment(
                database: branch.database, clock: Clock { time.now }, districts: District.taiwan),
            theme: theme)
    }

    /// Sends keys.
    func press(_ keys: Key...) {
        for key in keys { shell.handle(key) }
    }

    /// Types text character by character (Chinese included), as `wget_wch` delivers it.
    func type(_ text: String) {
        for character in text { shell.handle(.character(character)) }
    }

    /// The screen as painted now.
    var grid: Grid { shell.render(rows: rows, columns: columns) }

    /// The screen's lines.
    var lines: [String] { grid.lines }

    /// The whole screen as one string (for `contains`).
    var text: String { lines.joined(separator: "\n") }

    /// Whether some line contains `needle`.
    func shows(_ needle: String) -> Bool { lines.contains { $0.contains(needle) } }

    /// Opens the main menu item labelled `label` by typing its number (and Enter when the
    /// menu waits for a second digit), as an operator would.
    func open(_ label: String) {
        guard let line = lines.first(where: { $0.contains(label) && $0.contains(".") }) else { return }
        let number = line.split(separator: ".").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        type(number)
        if lines[0].contains("主選單") || lines[0].contains("Main menu") { press(.enter) }
    }

    /// Signs in and lands on the main menu.
    func signIn(_ user: String = "counter", password: String? = nil) {
        type(user)
        press(.enter)
        type(password ?? user)
        press(.enter)
        _ = grid
    }
}
