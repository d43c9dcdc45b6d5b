/// An e-invoice number: a two-letter track (字軌) and eight digits, e.g. `AB12345678`.
public struct InvoiceNumber: ValidatedText {
    /// `AB12345678`.
    public let rawValue: String

    /// Parses `AB12345678` or the printed form `AB-12345678` (any case).
    public init(_ text: String) throws(ValidationError) {
        let value = String(text.trimmingSpaces.uppercased().filter { $0 != "-" })
        let letters = value.prefix(2)
        guard value.count == 10, letters.allSatisfy({ ("A"..."Z").contains($0) }),
            value.dropFirst(2).allSatisfy(\.isASCIIDigit)
        else { throw .invoiceNumber(text) }
        rawValue = value
    }

    /// The number `sequence` (0...99,999,999) of `track`.
    public init(track: String, sequence: Int) {
        rawValue = track + String(sequence).leftPadded(to: 8)
    }

    /// The two letters.
    public var track: String { String(rawValue.prefix(2)) }

    /// The eight digits as a number.
    public var sequence: Int { Int(rawValue.dropFirst(2)) ?? 0 }

    /// The printed form `AB-12345678`.
    public var printed: String { track + "-" + rawValue.dropFirst(2) }
}
