import Crypto
import Foundation
import LuckyGasCore
import _CryptoExtras

/// The 24-character check code of the left QR code: Base64(AES-128-CBC(key, fixed IV, PKCS#7,
/// ASCII(invoice number + random number))), MOF barcode spec v1.9.
public enum QRCheckCode {
    /// The spec's fixed IV (Base64 `Dt8lyToo17X/XkXaQvihuA==`).
    static let iv: [UInt8] = [
        0x0e, 0xdf, 0x25, 0xc9, 0x3a, 0x28, 0xd7, 0xb5, 0xff, 0x5e, 0x45, 0xda, 0x42, 0xf8, 0xa1, 0xb8,
    ]

    /// Encrypts `plaintext` with the 32-hex-character QR key.
    public static func compute(keyHex: String, plaintext: String) throws(QRKeyError) -> String {
        guard let key = bytes(hex: keyHex), key.count == 16 else { throw .invalidKey }
        do {
            let sealed = try AES._CBC.encrypt(
                Array(plaintext.utf8), using: SymmetricKey(data: key), iv: AES._CBC.IV(ivBytes: iv))
            return sealed.base64EncodedString()
        } catch {
            throw .encryptionFailed(String(describing: error))
        }
    }

    /// Whether `text` is a usable key: 32 hexadecimal characters.
    public static func isValidKey(_ text: String) -> Bool { bytes(hex: text)?.count == 16 }

    static func bytes(hex: String) -> [UInt8]? {
        let characters = Array(hex.trimmingCharacters(in: .whitespaces).utf8)
        guard characters.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(characters.count / 2)
        var index = 0
        while index < characters.count {
            guard let high = nibble(characters[index]), let low = nibble(characters[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// The QR key cannot be used.
public enum QRKeyError: OperatorFacingError, Equatable {
    case invalidKey
    case encryptionFailed(String)

    public var operatorMessage: OperatorMessage {
        switch self {
        case .invalidKey:
            OperatorMessage(
                zh: "QR 種子密碼須為 32 個十六進位字元（公司設定 einvoice.qr_key）",
                en: "The QR key must be 32 hexadecimal characters (company setting einvoice.qr_key)")
        case .encryptionFailed(let detail):
            OperatorMessage(zh: "QR 檢查碼加密失敗：\(detail)", en: "Computing the QR check code failed: \(detail)")
        }
    }
}
