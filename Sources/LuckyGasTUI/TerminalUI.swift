import LuckyGasCore
import LuckyGasStore
import LuckyGasTerminal

/// Entry point of the terminal UI. The screens are built by the terminal UI issue; until then
/// starting it explains that and points at the CLI.
public enum TerminalUI {
    /// The message shown instead of the screens while they are not built yet.
    public static func notYetAvailable(database: String) -> OperatorMessage {
        OperatorMessage(
            zh: "終端畫面尚未完成（下一階段）。資料庫 \(database) 已就緒，請先使用指令：luckygas --help",
            en:
                "The terminal screens are not built yet (next issue). Database \(database) is ready; use the CLI: luckygas --help (\(CursesLibrary.version))"
        )
    }
}
