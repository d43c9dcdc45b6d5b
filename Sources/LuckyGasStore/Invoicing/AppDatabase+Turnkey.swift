import Foundation
import LuckyGasCore
import LuckyGasFormats

/// Files the branch writes for other programs (the Turnkey client, a script): whole or not at
/// all, and no more readable than the database they come from.
public enum ExportedFile {
    /// The mode for a new file written beside the database at `path`: owner-only, or owner and
    /// group read when the database itself is group-readable.
    public static func mode(beside path: String) -> Int {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let mode = attributes[.posixPermissions] as? Int
        else { return 0o600 }
        return mode & 0o040 != 0 ? 0o640 : 0o600
    }

    /// Writes `data` to `path` with `mode`: a temporary file, then rename(2), so a reader sees
    /// the whole file or none and an older copy is replaced at once.
    public static func write(_ data: Data, to path: String, mode: Int) throws(StoreError) {
        let folder = (path as NSString).deletingLastPathComponent
        let name = "." + (path as NSString).lastPathComponent + ".tmp"
        let temporary = folder.isEmpty ? name : folder + "/" + name
        guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: mode])
        else { throw .fileNotWritten(path: path, detail: "cannot write") }
        // createFile honours the umask; set the mode exactly.
        chmod(temporary, mode_t(mode))
        guard rename(temporary, path) == 0 else {
            let detail = String(cString: strerror(errno))
            unlink(temporary)
            throw .fileNotWritten(path: path, detail: detail)
        }
    }
}

extension AppDatabase {
    /// Writes every pending platform message into the Turnkey client's upload folders below
    /// `root` (`UpCast/.../<MSG>/SRC`, one XML per message) and marks it exported; returns how
    /// many were written. Running it again writes nothing new. When a file cannot be written,
    /// what was written before it is still marked, and the error names the path.
    public func exportTurnkey(root: String, by session: UserSession) throws -> Int {
        try session.require(.invoices)
        let messages = try pendingMessages()
        let mode = ExportedFile.mode(beside: path)
        var written: [(id: Int64, fileName: String)] = []
        var folders: Set<String> = []
        for message in messages {
            guard let type = MIGMessageType(rawValue: message.type) else { continue }
            let folder = root + "/" + type.turnkeyFolder
            let name = "\(message.type)_\(message.reference)_\(message.id).xml"
            do {
                if !folders.contains(folder) {
                    do {
                        try FileManager.default.createDirectory(
                            atPath: folder, withIntermediateDirectories: true,
                            attributes: [.posixPermissions: mode == 0o640 ? 0o750 : 0o700])
                    } catch {
                        throw StoreError.fileNotWritten(path: folder, detail: error.localizedDescription)
                    }
                    folders.insert(folder)
                }
                try ExportedFile.write(Data(message.xml.utf8), to: folder + "/" + name, mode: mode)
            } catch {
                if !written.isEmpty { try markExported(written, by: session) }
                throw error
            }
            written.append((message.id, name))
        }
        if !written.isEmpty { try markExported(written, by: session) }
        return written.count
    }
}
