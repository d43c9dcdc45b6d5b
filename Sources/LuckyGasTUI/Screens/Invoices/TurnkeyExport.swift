import Foundation
import LuckyGasCore
import LuckyGasFormats
import LuckyGasStore

/// Writes the pending platform messages into the Turnkey client's upload folders
/// (`UpCast/.../<MSG>/SRC`) and marks them exported, as `luckygas einvoice export --turnkey`
/// does: one XML per message, a temporary file then rename so Turnkey never reads half a file,
/// owner-only unless the database is group-readable.
enum TurnkeyExport {
    /// A folder or file that could not be written.
    struct Failure: OperatorFacingError {
        var path: String
        var detail: String

        var operatorMessage: OperatorMessage {
            OperatorMessage(
                zh: "無法寫入 \(path)（\(detail)）；請確認目錄存在且可寫入，已寫入的訊息已標為已匯出",
                en: "Cannot write \(path) (\(detail)); check the folder exists and is writable. "
                    + "What was written is marked exported")
        }
    }

    /// Writes every pending message below `root`; returns how many were written. Running it
    /// again writes nothing new.
    static func export(_ database: AppDatabase, root: String, by session: UserSession) throws -> Int {
        let messages = try database.pendingMessages()
        let mode = groupReadable(database.path) ? 0o640 : 0o600
        var written: [(id: Int64, fileName: String)] = []
        var folders: Set<String> = []
        for message in messages {
            guard let type = MIGMessageType(rawValue: message.type) else { continue }
            let folder = root + "/" + type.turnkeyFolder
            let name = "\(message.type)_\(message.reference)_\(message.id).xml"
            do {
                if !folders.contains(folder) {
                    try FileManager.default.createDirectory(
                        atPath: folder, withIntermediateDirectories: true,
                        attributes: [.posixPermissions: mode == 0o640 ? 0o750 : 0o700])
                    folders.insert(folder)
                }
                try write(Data(message.xml.utf8), to: folder + "/" + name, mode: mode)
            } catch {
                if !written.isEmpty { try database.markExported(written, by: session) }
                throw error as? Failure ?? Failure(path: folder, detail: error.localizedDescription)
            }
            written.append((message.id, name))
        }
        if !written.isEmpty { try database.markExported(written, by: session) }
        return written.count
    }

    private static func groupReadable(_ path: String) -> Bool {
        let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int
        return (mode ?? 0) & 0o040 != 0
    }

    private static func write(_ data: Data, to path: String, mode: Int) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".tmp")
        guard
            FileManager.default.createFile(
                atPath: temporary.path, contents: data, attributes: [.posixPermissions: mode])
        else { throw Failure(path: path, detail: "cannot write") }
        chmod(temporary.path, mode_t(mode))
        guard rename(temporary.path, path) == 0 else {
            let detail = String(cString: strerror(errno))
            unlink(temporary.path)
            throw Failure(path: path, detail: detail)
        }
    }
}
