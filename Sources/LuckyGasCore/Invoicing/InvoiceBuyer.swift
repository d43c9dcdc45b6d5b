/// Who an e-invoice is issued to and how a B2C buyer receives it (exactly one of printed proof,
/// carrier or donation, DOMAIN.md "Invoices").
public struct InvoiceBuyer: Sendable, Hashable, Codable {
    /// How the invoice reaches the buyer. Stored and sent as `{"kind":"donation","code":"25885"}`
    /// (`kind`: business, printed, mobile_barcode, citizen_certificate, donation; `code`: the
    /// UBN, carrier id or donation code). Older rows in Swift's default shape
    /// (`{"donation":{"_0":"25885"}}`) still read.
    public enum Delivery: Sendable, Hashable, Codable {
        /// B2B: the buyer's UBN; the proof (格式 25) is printed.
        case business(ubn: String)
        /// B2C printed proof (電子發票證明聯).
        case printed
        /// B2C mobile barcode carrier (3J0002).
        case mobileBarcode(String)
        /// B2C citizen digital certificate carrier (CQ0001).
        case citizenCertificate(String)
        /// B2C donated to the charity with this code (愛心碼).
        case donation(String)
    }

    /// The buyer's name on a B2B invoice; B2C invoices carry `0000`.
    public var name: String
    /// How it is delivered.
    public var delivery: Delivery

    /// Creates a buyer.
    public init(name: String, delivery: Delivery) {
        self.name = name
        self.delivery = delivery
    }

    /// The buyer of a customer's invoices: B2B whenever the customer has a UBN (DOMAIN.md), else
    /// B2C by the customer's preference.
    public init(customerName: String, taxID: TaxID?, preference: InvoicePreference) {
        if let taxID {
            self.init(name: customerName, delivery: .business(ubn: taxID.rawValue))
            return
        }
        let delivery: Delivery =
            switch preference {
            case .b2b, .printed: .printed
            case .mobileBarcode(let code): .mobileBarcode(code)
            case .citizenCertificate(let code): .citizenCertificate(code)
            case .donation(let code): .donation(code)
            }
        self.init(name: Self.consumerName, delivery: delivery)
    }

    /// The name a consumer buyer carries in F0401 (4 ASCII characters, as VAC validators require).
    public static let consumerName = "0000"

    /// Whether this is a B2B invoice.
    public var isBusiness: Bool { if case .business = delivery { true } else { false } }

    /// `Buyer/Identifier`: the UBN, or `0000000000` for consumers.
    public var identifier: String {
        if case .business(let ubn) = delivery { ubn } else { TaxID.consumerBuyerIdentifier }
    }

    /// The buyer UBN in the QR code and the 401 file; nil for consumers.
    public var ubn: String? { if case .business(let ubn) = delivery { ubn } else { nil } }

    /// `CarrierType`: 3J0002, CQ0001 or nil.
    public var carrierType: String? {
        switch delivery {
        case .mobileBarcode: "3J0002"
        case .citizenCertificate: "CQ0001"
        default: nil
        }
    }

    /// The carrier code (CarrierId1 = CarrierId2), or nil.
    public var carrierID: String? {
        switch delivery {
        case .mobileBarcode(let code), .citizenCertificate(let code): code
        default: nil
        }
    }

    /// The donation code (NPOBAN), or nil.
    public var donationCode: String? { if case .donation(let code) = delivery { code } else { nil } }

    /// Whether a paper proof is printed (`PrintMark` Y): B2B and B2C printed.
    public var printsProof: Bool {
        switch delivery {
        case .business, .printed: true
        default: false
        }
    }

    /// Short label: `B2B 83235679`, `B2C 手機條碼 /ABC+123`.
    public var summary: String {
        switch delivery {
        case .business(let ubn): "B2B \(ubn)"
        case .printed: "B2C 紙本 printed"
        case .mobileBarcode(let code): "B2C 手機條碼 \(code)"
        case .citizenCertificate(let code): "B2C 自然人憑證 \(code)"
        case .donation(let code): "B2C 捐贈 \(code)"
        }
    }
}

extension InvoiceBuyer.Delivery {
    private enum Key: String, CodingKey {
        case kind, code, ubn, business, printed, mobileBarcode, citizenCertificate, donation, _0
    }

    /// The readable kind name.
    public var kind: String {
        switch self {
        case .business: "business"
        case .printed: "printed"
        case .mobileBarcode: "mobile_barcode"
        case .citizenCertificate: "citizen_certificate"
        case .donation: "donation"
        }
    }

    /// The UBN, carrier id or donation code; nil for a printed proof.
    public var code: String? {
        switch self {
        case .business(let code), .mobileBarcode(let code), .citizenCertificate(let code), .donation(let code): code
        case .printed: nil
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        if let kind = try container.decodeIfPresent(String.self, forKey: .kind) {
            let code = try container.decodeIfPresent(String.self, forKey: .code)
            func required() throws -> String {
                guard let code else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .code, in: container, debugDescription: "delivery \(kind) needs a code")
                }
                return code
            }
            switch kind {
            case "business": self = .business(ubn: try required())
            case "printed": self = .printed
            case "mobile_barcode": self = .mobileBarcode(try required())
            case "citizen_certificate": self = .citizenCertificate(try required())
            case "donation": self = .donation(try required())
            default:
                throw DecodingError.dataCorruptedError(
                    forKey: .kind, in: container, debugDescription: "unknown delivery kind \(kind)")
            }
            return
        }
        // The shape Swift synthesised before issue 12.
        func legacy(_ key: Key, _ inner: Key) throws -> String {
            try container.nestedContainer(keyedBy: Key.self, forKey: key).decode(String.self, forKey: inner)
        }
        if container.contains(.business) {
            self = .business(ubn: try legacy(.business, .ubn))
        } else if container.contains(.printed) {
            self = .printed
        } else if container.contains(.mobileBarcode) {
            self = .mobileBarcode(try legacy(.mobileBarcode, ._0))
        } else if container.contains(.citizenCertificate) {
            self = .citizenCertificate(try legacy(.citizenCertificate, ._0))
        } else if container.contains(.donation) {
            self = .donation(try legacy(.donation, ._0))
        } else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "no delivery kind"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(kind, forKey: .kind)
        try container.encodeIfPresent(code, forKey: .code)
    }
}
