/// E-invoice carrier and donation formats (財政部電子發票 MIG 4.x, carrier types 3J0002 and CQ0001).
public enum InvoiceCarrier {
    private static let barcodeAlphabet = Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ.+-")

    /// Mobile barcode (手機條碼): `/` followed by 7 of `[0-9A-Z.+-]`.
    public static func mobileBarcode(_ text: String) throws(ValidationError) -> String {
        let value = text.trimmingSpaces
        guard value.count == 8, value.first == "/", value.dropFirst().allSatisfy({ barcodeAlphabet.contains($0) })
        else {
            throw .mobileBarcode(text)
        }
        return value
    }

    /// Citizen digital certificate (自然人憑證): 2 capital letters and 14 digits.
    public static func citizenCertificate(_ text: String) throws(ValidationError) -> String {
        let value = text.trimmingSpaces
        let letters = value.prefix(2)
        guard value.count == 16, letters.allSatisfy({ ("A"..."Z").contains($0) }),
            value.dropFirst(2).allSatisfy(\.isASCIIDigit)
        else { throw .citizenCertificate(text) }
        return value
    }

    /// Donation code (愛心碼): 3 to 7 digits.
    public static func donationCode(_ text: String) throws(ValidationError) -> String {
        let value = text.trimmingSpaces
        guard (3...7).contains(value.count), value.allSatisfy(\.isASCIIDigit) else { throw .donationCode(text) }
        return value
    }
}
