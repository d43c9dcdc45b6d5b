import Foundation
import LuckyGasStore

/// Files the program writes (databases, XML, CSV, journals, receipts): owner-only (0600),
/// because they hold buyers' names, tax ids, password hashes and the QR key. A database the
/// operator made group-readable (`db init --group-readable`) passes that on to its exports (0640).
enum ExportFile {
    /// The mode for a new file written from `database`.
    static func mode(beside database: AppDatabase) -> Int { ExportedFile.mode(beside: database.path) }

    /// Writes `data` to `path` atomically (a temporary file, then rename) with `mode(beside:)`.
    static func write(_ data: Data, to path: String, beside database: AppDatabase) throws {
        try write(data, to: path, mode: mode(beside: database))
    }

    /// Writes `data` to `path` with `mode` (`ExportedFile.write`); a failure is the CLI's
    /// `FILE_ERROR` naming the path.
    static func write(_ data: Data, to path: String, mode: Int) throws {
        do { try ExportedFile.write(data, to: path, mode: mode) } catch {
            guard case .fileNotWritten(let path, let detail) = error else { throw error }
            throw CLIError.fileError(path: path, detail: detail)
        }
    }

    /// Sets a database file (and its WAL companions, when present) to owner-only, or
    /// owner + group read when `groupReadable`.
    static func restrictDatabase(_ path: String, groupReadable: Bool = false) {
        let mode: mode_t = groupReadable ? 0o640 : 0o600
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            chmod(path + suffix, mode)
        }
    }
}
