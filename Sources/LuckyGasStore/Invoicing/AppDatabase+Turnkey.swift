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
        let failure = data.withUnsafeBytes { bytes -> StoreError? in
            do throws(StoreError) { try write(bytes, to: path, mode: mode) } catch { return error }
            return nil
        }
        if let failure { throw failure }
    }

    /// `write(_:to:mode:)` for bytes in memory: open(2) with the mode, one write(2), rename(2)
    /// (Foundation's createFile plus chmod was most of a Turnkey export's time).
    static func write(_ bytes: UnsafeRawBufferPointer, to path: String, mode: Int) throws(StoreError) {
        if try writeUnnamed(bytes, to: path, mode: mode) { return }
        let slash = path.lastIndex(of: "/")
        let name = "." + (slash.map { String(path[path.index(after: $0)...]) } ?? path) + ".tmp"
        let temporary = slash.map { String(path[...$0]) + name } ?? name
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode_t(mode))
        guard descriptor >= 0 else { throw .fileNotWritten(path: path, detail: String(cString: strerror(errno))) }
        // open(2) honours the umask; set the mode exactly.
        var failure: String? = fchmod(descriptor, mode_t(mode)) == 0 ? nil : String(cString: strerror(errno))
        if failure == nil { failure = writeAll(bytes, to: descriptor) }
        if close(descriptor) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil && rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw .fileNotWritten(path: path, detail: failure)
        }
    }
}

extension ExportedFile {
    /// Linux's `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`), which Swift does not import.
    private static let unnamedFile: Int32 = 0o20000000 | O_DIRECTORY

    /// Writes `bytes` into an unnamed file in the folder of `path` (`O_TMPFILE`) and then gives
    /// it its name with linkat(2): readers still see the whole file or none, with one change to
    /// the folder instead of two (a Turnkey export spent most of its time in rename(2), the two
    /// cores waiting on the folder's lock). False, with nothing written, where the filesystem
    /// has no unnamed files or `path` exists (the temporary-file path then replaces it).
    static func writeUnnamed(_ bytes: UnsafeRawBufferPointer, to path: String, mode: Int) throws(StoreError) -> Bool {
        #if os(Linux)
            let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
            let descriptor = open(folder.isEmpty ? "/" : folder, unnamedFile | O_WRONLY | O_CLOEXEC, mode_t(mode))
            guard descriptor >= 0 else { return false }
            defer { close(descriptor) }
            // open(2) honours the umask; set the mode exactly.
            guard fchmod(descriptor, mode_t(mode)) == 0 else { return false }
            if let failure = writeAll(bytes, to: descriptor) { throw .fileNotWritten(path: path, detail: failure) }
            return linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0
        #else
            return false
        #endif
    }
}

extension ExportedFile {
    /// Writes all of `bytes` to `descriptor` (write(2) may write less than asked, or be
    /// interrupted); the system's reason when it fails.
    fileprivate static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> String? {
        var offset = 0
        while offset < bytes.count {
            let count = Foundation.write(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            offset += count
        }
        return nil
    }
}

extension AppDatabase {
    /// Writes every pending platform message into the Turnkey client's upload folders below
    /// `root` (`UpCast/.../<MSG>/SRC`, one XML per message) and marks it exported; returns how
    /// many were written. Running it again writes nothing new. When a file cannot be written,
    /// what was written before it is still marked, and the error names the path.
    public func exportTurnkey(root: String, by session: UserSession) throws -> Int {
        try session.require(.invoices)
        let messages = try pendingMessages().compactMap { message in
            MIGMessageType(rawValue: message.type).map { (message, $0) }
        }
        let mode = ExportedFile.mode(beside: path)
        for folder in Set(messages.map { root + "/" + $0.1.turnkeyFolder }).sorted() {
            do {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: mode == 0o640 ? 0o750 : 0o700])
            } catch {
                throw StoreError.fileNotWritten(path: folder, detail: error.localizedDescription)
            }
        }
        // In id order, stopping at the first failure: a cancel, void or allowance must never
        // reach the platform ahead of the invoice it refers to. What was written before the
        // failure is marked; the error names the path. (Written on both cores, the files left
        // after a failure would have gone out anyway: the review of 2026-12-08.)
        var written: [(id: Int64, fileName: String)] = []
        for (message, type) in messages {
            let name = "\(message.type)_\(message.reference)_\(message.id).xml"
            var xml = message.xml
            let failure = xml.withUTF8 { bytes -> StoreError? in
                do throws(StoreError) {
                    try ExportedFile.write(
                        UnsafeRawBufferPointer(bytes), to: root + "/" + type.turnkeyFolder + "/" + name, mode: mode)
                } catch { return error }
                return nil
            }
            if let failure {
                if !written.isEmpty { try markExported(written, by: session) }
                throw failure
            }
            written.append((message.id, name))
        }
        if !written.isEmpty { try markExported(written, by: session) }
        return written.count
    }
}
