import Foundation

/// Runs the outside oracles of TESTING.md (`xmllint`, `hledger`) on real files.
public enum ExternalCheck {
    /// The repository's `Tests/Fixtures` folder.
    public static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Tests/Fixtures")

    /// The result of a command: exit status and combined output.
    public struct Outcome: Sendable {
        /// Exit status.
        public var status: Int32
        /// Standard output and error.
        public var output: String
    }

    /// Runs `/usr/bin/<tool>` with `arguments`.
    public static func run(_ tool: String, _ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/" + tool)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// Validates a MIG 4.1 message with `xmllint --schema` against the official 4.0 XSD of its
    /// kind (namespace suffix swapped `:4.1` → `:4.0`). E0402 has only the 3.2 XSD, whose element
    /// names carry stray leading spaces: the check uses a copy with the spaces removed and the
    /// namespace set to the message's.
    public static func validateMIG(_ xml: String, messageType: String) throws -> Outcome {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mig-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let xsd = fixtures.appendingPathComponent("einvoice/xsd")
        var instance = xml
        let schema: URL
        if messageType == "E0402" {
            for name in ["E0402.xsd", "GenericType_3.2.xsd"] {
                var text = try String(contentsOf: xsd.appendingPathComponent("mig3.2/" + name), encoding: .utf8)
                text = text.replacingOccurrences(of: "name=\" ", with: "name=\"")
                    .replacingOccurrences(of: "eInvoiceMessage:E0402:3.2", with: "eInvoiceMessage:E0402:4.1")
                try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
            schema = folder.appendingPathComponent("E0402.xsd")
        } else {
            instance = xml.replacingOccurrences(of: ":\(messageType):4.1\"", with: ":\(messageType):4.0\"")
            schema = xsd.appendingPathComponent("mig4.0/\(messageType).xsd")
        }
        let file = folder.appendingPathComponent("\(messageType).xml")
        try instance.write(to: file, atomically: true, encoding: .utf8)
        return try run("xmllint", ["--noout", "--schema", schema.path, file.path])
    }
}
