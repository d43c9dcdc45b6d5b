import Foundation
import Testing

/// Runs the real `luckygas` binary built next to the test bundle.
struct CLIHarness {
    /// The repository root (for `luckygas.db.sample` and `Resources/`).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var binary: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "luckygas")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside.path }
        return root.appendingPathComponent(".build/debug/luckygas").path
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// The process died of a signal (a Swift trap is SIGILL or SIGTRAP).
        var signalled = false

        /// The standard output parsed as a JSON object.
        func json() throws -> [String: Any] {
            let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
            return try #require(object as? [String: Any])
        }
    }

    /// A scratch directory with its own copy of the sample database.
    let directory: URL
    var database: String { directory.appendingPathComponent("branch.db").path }

    init() throws {
        directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "luckygas-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: Self.root.appendingPathComponent("luckygas.db.sample").path, toPath: database)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: directory) }

    /// Runs `luckygas` with `arguments` (plus `--db` of this harness unless `withDatabase` is false).
    @discardableResult
    func run(
        _ arguments: [String], password: String? = nil, withDatabase: Bool = true,
        extraEnvironment: [String: String] = [:]
    )
        throws -> Result
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments + (withDatabase ? ["--db", database] : [])
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["LUCKYGAS_PASSWORD"] = password
        environment["LUCKYGAS_HOME"] = Self.root.path
        for (key, value) in extraEnvironment { environment[key] = value }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self), signalled: process.terminationReason == .uncaughtSignal)
    }

    /// Places an order a few days ahead, on the first day the calendar takes (not today: an
    /// order for this morning is past its cancellation deadline from 04:00 Taipei time on, so a
    /// test that cancels it would depend on the hour it runs). Returns the result of the place.
    func placeAhead(_ arguments: [String], password: String) throws -> Result {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Taipei") ?? .current
        var last: Result?
        for days in 2...9 {
            let day = calendar.date(byAdding: .day, value: days, to: Date()) ?? Date()
            let parts = calendar.dateComponents([.year, .month, .day], from: day)
            let date = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
            let result = try run(arguments + ["--date", date], password: password)
            if result.status == 0 { return result }
            last = result
        }
        return try #require(last)
    }
}
