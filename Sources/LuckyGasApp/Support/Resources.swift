import Foundation

/// Finds files that ship with the program (`luckygas.db.sample`, `Resources/...`): next to the
/// working directory, then up from the executable (a checkout's `.build/<triple>/<config>/`),
/// then `LUCKYGAS_HOME`.
enum ShippedFiles {
    static func candidates(_ relative: String) -> [String] {
        var roots: [URL] = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        if let home = ProcessInfo.processInfo.environment["LUCKYGAS_HOME"] {
            roots.insert(URL(fileURLWithPath: home), at: 0)
        }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<5 {
            roots.append(directory)
            directory = directory.deletingLastPathComponent()
        }
        return roots.map { $0.appendingPathComponent(relative).path }
    }

    /// The first existing candidate, or the error listing where it looked.
    static func find(_ relative: String) throws -> String {
        let paths = candidates(relative)
        if let found = paths.first(where: { FileManager.default.fileExists(atPath: $0) }) { return found }
        throw CLIError.shippedFileNotFound(relative, searched: Array(paths.prefix(3)))
    }
}
