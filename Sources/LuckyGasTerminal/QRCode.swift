import CQrencode

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a text could not be turned into a QR code.
public enum QRCodeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text has no bytes; libqrencode encodes nothing empty.
    case emptyText
    /// The text does not fit even the largest symbol (version 40) at the requested level
    /// (`bytes` is its UTF-8 length; version 40-L holds at most 2,953 bytes).
    case textTooLong(bytes: Int)
    /// `minimumVersion` outside 0...40.
    case invalidVersion(Int)
    /// libqrencode failed for another reason (`errno`, e.g. `ENOMEM`).
    case encodingFailed(errno: Int32)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .emptyText: "QR code: the text is empty"
        case .textTooLong(let bytes): "QR code: the text (\(bytes) bytes) is too long for any QR code version"
        case .invalidVersion(let version): "QR code: version \(version) is not in 0...40"
        case .encodingFailed(let code): "QR code: encoding failed (\(Self.errnoName(code)))"
        }
    }

    private static func errnoName(_ code: Int32) -> String {
        switch code {
        case EINVAL: "EINVAL, invalid input"
        case ENOMEM: "ENOMEM, out of memory"
        case ERANGE: "ERANGE, input too large"
        default: "errno \(code)"
        }
    }
}

/// A QR code symbol as a square matrix of modules, encoded by libqrencode in 8-bit byte mode
/// from the UTF-8 bytes of a text (so Chinese is carried as UTF-8 bytes, never in Kanji mode).
public struct QRCode: Sendable, Hashable {
    /// Error correction level: how much of the symbol may be damaged and still read.
    public enum Level: Sendable, Hashable, CaseIterable {
        /// About 7 % (L): the smallest symbol.
        case low
        /// About 15 % (M).
        case medium
        /// About 25 % (Q).
        case quartile
        /// About 30 % (H).
        case high

        fileprivate var qrecLevel: QRecLevel {
            switch self {
            case .low: QR_ECLEVEL_L
            case .medium: QR_ECLEVEL_M
            case .quartile: QR_ECLEVEL_Q
            case .high: QR_ECLEVEL_H
            }
        }
    }

    /// Modules on a side (21 for version 1, 4 more per version, 177 for version 40).
    public let size: Int
    /// The symbol version, 1...40.
    public let version: Int
    /// The error correction level it was encoded with.
    public let level: Level
    /// Row-major, `size * size` entries, true for a dark module.
    private let modules: [Bool]

    /// Encodes the UTF-8 bytes of `text` in 8-bit byte mode at `level`, in the smallest version
    /// that holds them and is at least `minimumVersion` (0: no minimum), as `qrencode -8` does.
    public init(text: String, level: Level = .low, minimumVersion: Int = 0) throws(QRCodeError) {
        guard (0...40).contains(minimumVersion) else { throw .invalidVersion(minimumVersion) }
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { throw .emptyText }
        errno = 0
        let encoded = bytes.withUnsafeBufferPointer { buffer in
            QRcode_encodeData(Int32(buffer.count), buffer.baseAddress, Int32(minimumVersion), level.qrecLevel)
        }
        guard let encoded else {
            let code = errno
            if code == ERANGE { throw .textTooLong(bytes: bytes.count) }
            throw .encodingFailed(errno: code)
        }
        defer { QRcode_free(encoded) }
        let width = Int(encoded.pointee.width)
        guard width > 0, let data = encoded.pointee.data else { throw .encodingFailed(errno: EINVAL) }
        // Bit 0 of each byte is the colour (1 dark); the other bits describe the module's role.
        modules = UnsafeBufferPointer(start: data, count: width * width).map { $0 & 1 == 1 }
        size = width
        version = Int(encoded.pointee.version)
        self.level = level
    }

    /// Whether the module at `(row, column)` is dark; positions outside the symbol are light
    /// (the quiet zone).
    public func isDark(row: Int, column: Int) -> Bool {
        guard (0..<size).contains(row), (0..<size).contains(column) else { return false }
        return modules[row * size + column]
    }

    /// The symbol as text, two module rows per line, with "█", "▀", "▄" and " " (each one column
    /// wide), surrounded by `quietZone` light modules (the standard asks for 4; 2 scans well on screen).
    ///
    /// A scanner needs dark modules on a light background. A block character's "ink" is drawn in the
    /// terminal's foreground colour, the rest of the cell in its background:
    /// - `lightOnDark: true` (the usual terminal, light text on a dark background): the ink must be the
    ///   *light* modules, so light modules and the quiet zone are drawn with blocks and dark modules
    ///   are left as spaces (the inverse logic).
    /// - `lightOnDark: false` (dark text on a light background, or paper): dark modules are ink and
    ///   the quiet zone is blank.
    ///
    /// Every line is exactly `size + 2 * quietZone` columns; there are `ceil((size + 2 * quietZone) / 2)`
    /// lines. When that height is odd, the lower half of the last line lies outside the code and is
    /// left as background.
    public func halfBlockLines(quietZone: Int = 2, lightOnDark: Bool = true) -> [String] {
        let zone = max(0, quietZone)
        let side = size + 2 * zone
        // Whether the padded position is drawn with ink.
        func ink(_ row: Int, _ column: Int) -> Bool {
            guard row < side else { return false }
            let dark = isDark(row: row - zone, column: column - zone)
            return lightOnDark ? !dark : dark
        }
        return stride(from: 0, to: side, by: 2).map { top in
            var line = ""
            line.reserveCapacity(side * 3)
            for column in 0..<side {
                switch (ink(top, column), ink(top + 1, column)) {
                case (true, true): line += "█"
                case (true, false): line += "▀"
                case (false, true): line += "▄"
                case (false, false): line += " "
                }
            }
            return line
        }
    }
}
