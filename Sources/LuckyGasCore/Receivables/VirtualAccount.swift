/// A customer's permanent virtual account (虛擬帳號): the company prefix the bank assigned, the
/// customer number in 8 digits and one check digit, so a transfer names its payer.
///
/// The check digit is a weighted sum (weights 3, 7, 1 repeating from the left, as many Taiwanese
/// banks use) mod 10, subtracted from 10. With the 5-digit default prefix the number has 14
/// digits, the most an ATM or counter accepts.
public struct VirtualAccount: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The digits.
    public let digits: String

    /// The account of `customer` under `prefix` (digits only).
    public init(prefix: String, customer: CustomerID) {
        let body = prefix + String(customer.number).leftPadded(to: 8)
        digits = body + String(Self.checkDigit(body))
    }

    /// Validates digits against `prefix` and the check digit.
    public init(_ text: String, prefix: String) throws(ValidationError) {
        let value = String(text.filter { $0 != " " && $0 != "-" })
        guard value.count == prefix.count + 9, value.hasPrefix(prefix), value.allSatisfy(\.isASCIIDigit),
            let last = value.last?.wholeNumberValue, Self.checkDigit(String(value.dropLast())) == last
        else { throw .virtualAccount(text) }
        digits = value
    }

    /// The customer the account belongs to.
    public var customer: CustomerID {
        CustomerID(number: Int(digits.dropLast().suffix(8)) ?? 0)
    }

    /// The check digit of `body`.
    public static func checkDigit(_ body: String) -> Int {
        let weights = [3, 7, 1]
        var sum = 0
        for (index, character) in body.enumerated() {
            sum += (character.wholeNumberValue ?? 0) * weights[index % 3]
        }
        return (10 - sum % 10) % 10
    }

    /// The first valid account under `prefix` found in `text` (runs of digits, spaces and dashes ignored).
    public static func find(in text: String, prefix: String) -> VirtualAccount? {
        var run = ""
        for character in text + " " {
            if character.isASCIIDigit {
                run.append(character)
                continue
            }
            if character == "-" && !run.isEmpty { continue }
            let digits = Array(run)
            let length = prefix.count + 9
            if digits.count >= length {
                for start in 0...(digits.count - length) {
                    if let account = try? VirtualAccount(String(digits[start..<start + length]), prefix: prefix) {
                        return account
                    }
                }
            }
            run = ""
        }
        return nil
    }

    /// The digits, as printed on statements.
    public var description: String { digits }
}
