import Foundation
import LuckyGasStore

/// Files the program writes (databases, XML, CSV, journals, receipts): owner-only (0600),
/// because they hold buyers' names, tax ids, password hashes and the QR key. A database the
/// operator made group-readable (`db init --group-readable`) passes that on to its exports (0640).
enum ExportFile {
    /// The mode for a new file written from `database`.
    static func mode(beside database: AppDatabase) -> Int {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: database.path),
            let mode = attributes[.posixPermissions] as? Int
        else { return 0o600 }
        return mode & 0o040 != 0 ? 0o640 : 0o600
    }

    /// Writes `data` to `path` atomically (a temporary file, then rename) with `mode(beside:)`.
    static func write(_ data: Data, to path: String, beside database: AppDatabase) throws {
        try write(data, to: path, mode: mode(beside: database))
    }

    /// Writes `data` to `path` with `mode`: a temporary file, then rename(2), so a reader (the
    /// Turnkey client, a script) sees the whole file or none and an older copy is replaced at once.
    static func write(_ data: Data, to path: String, mode: Int) throws {
        let temporary =
            (path as NSString).deletingLastPathComponent.isEmpty
            ? ".\(path).tmp"
            : (path as NSString).deletingLastPathComponent + "/." + (path as NSString).lastPathComponent + ".tmp"
        guard
            FileManager.default.createFile(
                atPath: temporary, contents: data, attributes: [.posixPermissions: mode])
        else { throw CLIError.fileError(path: path, detail: "cannot write") }
        // createFile honours the umask; set the mode exactly.
        chmod(temporary, mode_t(mode))
        guard rename(temporary, path) == 0 else {
            let detail = String(cString: strerror(errno))
            unlink(temporary)
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
