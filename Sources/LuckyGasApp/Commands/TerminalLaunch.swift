import Foundation
import LuckyGasCore
import LuckyGasStore
import LuckyGasTUI
import LuckyGasTerminal

/// Starting the screens: the environment the shell works in (shared with tests and the bench)
/// and the run on the real terminal.
enum TerminalLaunch {
    /// The store plus the district table for address completion (empty when the file is missing:
    /// the form then asks for postal code and zone by hand).
    static func environment(_ database: AppDatabase, clock: Clock = .system) -> TUIEnvironment {
        let districts =
            (try? ShippedFiles.find("Resources/districts.csv"))
            .flatMap { try? String(contentsOfFile: $0, encoding: .utf8) }
            .flatMap { try? District.parse(csv: $0) } ?? []
        return TUIEnvironment(database: database, clock: clock, districts: districts)
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
