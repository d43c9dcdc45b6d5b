/// Lower-case hexadecimal of bytes (audit hashes, statement-line keys), without Foundation's
/// `String(format:)`: that formatter, once per byte, was 9 % of placing an order
/// (Docs/performance.md).
enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// `[0xAB, 0x01]` → `"ab01"`.
    static func lowercase(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
