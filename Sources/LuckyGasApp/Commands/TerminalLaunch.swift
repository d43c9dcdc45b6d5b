import Foundation
import LuckyGasCore
import LuckyGasStore
import LuckyGasTUI
import LuckyGasTerminal

/// Starting the screens: the environment the shell works in (shared with tests and the bench)
/// and the run on the real terminal.
enum TerminalLaunch {
    /// The store plus Taiwan's district table for address completion.
    static func environment(_ database: AppDatabase, clock: Clock = .system) -> TUIEnvironment {
        TUIEnvironment(database: database, clock: clock, districts: District.taiwan)
    }

    /// Opens ncurses, runs the shell until F10, and gives the terminal back.
    static func run(_ database: AppDatabase) throws {
        let environment = environment(database)
        let colour = ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        var backend: CursesBackend
        do {
            backend = try CursesBackend(colour: colour)
        } catch {
            throw CLIError.noTerminal(term: ProcessInfo.processInfo.environment["TERM"] ?? "")
        }
        let shell = Shell(environment: environment)
        shell.run(on: &backend)
        backend.close()
    }
}
