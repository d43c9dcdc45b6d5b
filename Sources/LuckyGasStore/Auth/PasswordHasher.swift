import Crypto
import Foundation
import _CryptoExtras

/// Salted PBKDF2-HMAC-SHA256 password hashes, stored as `pbkdf2-sha256$rounds$salt$hash` (base64).
///
/// 210,000 rounds is OWASP's floor for PBKDF2-SHA256 and swift-crypto's minimum for the checked API.
public enum PasswordHasher {
    /// Rounds for new passwords.
    public static let defaultRounds = 210_000

    /// Hashes `password` with `salt` (16 random bytes from the caller).
    public static func hash(_ password: String, salt: [UInt8], rounds: Int = defaultRounds) throws -> String {
        let key = try KDF.Insecure.PBKDF2.deriveKey(
            from: Array(password.utf8), salt: salt, using: .sha256, outputByteCount: 32, unsafeUncheckedRounds: rounds)
        let derived = key.withUnsafeBytes { Data($0) }
        return "pbkdf2-sha256$\(rounds)$\(Data(salt).base64EncodedString())$\(derived.base64EncodedString())"
    }

    /// Whether `password` matches `stored`, compared in constant time.
    public static func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$").map(String.init)
        guard parts.count == 4, parts[0] == "pbkdf2-sha256", let rounds = Int(parts[1]), rounds > 0,
            let salt = Data(base64Encoded: parts[2]), let expected = Data(base64Encoded: parts[3]),
            let candidate = try? hash(password, salt: Array(salt), rounds: rounds),
            let actual = candidate.split(separator: "$").last.flatMap({ Data(base64Encoded: String($0)) }),
            actual.count == expected.count
        else { return false }
        return zip(actual, expected).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// 16 bytes from the system's secure generator.
    public static func randomSalt() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
