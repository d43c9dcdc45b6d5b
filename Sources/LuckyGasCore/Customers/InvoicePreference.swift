/// How the customer receives e-invoices (DOMAIN.md "Customers"; MIG 4.x). Stored and sent as
/// `{"kind":"DONATION","code":"25885"}` (the kinds of `kind`); the older synthesised shape
/// (`{"donation":{"_0":"25885"}}`) still reads.
public enum InvoicePreference: Sendable, Hashable, Codable {
    /// B2B: the buyer's UBN is printed; needs a tax id.
    case b2b
    /// B2C with a printed proof (電子發票證明聯).
    case printed
    /// B2C to a mobile barcode carrier (`/ABC+123`).
    case mobileBarcode(String)
    /// B2C to a citizen certificate carrier.
    case citizenCertificate(String)
    /// B2C donated to a charity by its code.
    case donation(String)

    /// The stored kind name.
    public var kind: String {
        switch self {
        case .b2b: "B2B"
        case .printed: "PRINTED"
        case .mobileBarcode: "MOBILE_BARCODE"
        case .citizenCertificate: "CITIZEN_CERTIFICATE"
        case .donation: "DONATION"
        }
    }

    /// The carrier id or donation code, empty for B2B and printed.
    public var value: String {
        switch self {
        case .b2b, .printed: ""
        case .mobileBarcode(let code), .citizenCertificate(let code), .donation(let code): code
        }
    }

    /// Rebuilds and validates a preference from its kind and value.
    public init(kind: String, value: String) throws(ValidationError) {
        switch kind.trimmingSpaces.uppercased() {
        case "B2B": self = .b2b
        case "PRINTED", "B2C": self = .printed
        case "MOBILE_BARCODE", "MOBILE": self = .mobileBarcode(try InvoiceCarrier.mobileBarcode(value))
        case "CITIZEN_CERTIFICATE", "CITIZEN": self = .citizenCertificate(try InvoiceCarrier.citizenCertificate(value))
        case "DONATION": self = .donation(try InvoiceCarrier.donationCode(value))
        default:
            throw .unknownValue(
                field: "e-invoice", value: kind,
                allowed: ["b2b", "printed", "mobile_barcode", "citizen_certificate", "donation"])
        }
    }

    /// A short description: `B2B`, `B2C 手機條碼 /ABC+123`.
    public var summary: String {
        switch self {
        case .b2b: "B2B"
        case .printed: "B2C 紙本證明聯 printed"
        case .mobileBarcode(let code): "B2C 手機條碼 \(code)"
        case .citizenCertificate(let code): "B2C 自然人憑證 \(code)"
        case .donation(let code): "B2C 捐贈 \(code)"
        }
    }
}

extension InvoicePreference {
    private enum Key: String, CodingKey {
        case kind, code, b2b, printed, mobileBarcode, citizenCertificate, donation, _0
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        if let kind = try container.decodeIfPresent(String.self, forKey: .kind) {
            let code = try container.decodeIfPresent(String.self, forKey: .code) ?? ""
            do { self = try InvoicePreference(kind: kind, value: code) } catch {
                throw DecodingError.dataCorruptedError(
                    forKey: .kind, in: container, debugDescription: error.operatorMessage.en)
            }
            return
        }
        func legacy(_ key: Key) throws -> String {
            try container.nestedContainer(keyedBy: Key.self, forKey: key).decode(String.self, forKey: ._0)
        }
        if container.contains(.b2b) {
            self = .b2b
        } else if container.contains(.printed) {
            self = .printed
        } else if container.contains(.mobileBarcode) {
            self = .mobileBarcode(try legacy(.mobileBarcode))
        } else if container.contains(.citizenCertificate) {
            self = .citizenCertificate(try legacy(.citizenCertificate))
        } else if container.contains(.donation) {
            self = .donation(try legacy(.donation))
        } else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "no e-invoice preference kind"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(kind, forKey: .kind)
        if !value.isEmpty { try container.encode(value, forKey: .code) }
    }
}
