/// Who an e-invoice is issued to and how a B2C buyer receives it (exactly one of printed proof,
/// carrier or donation, DOMAIN.md "Invoices").
public struct InvoiceBuyer: Sendable, Hashable, Codable {
    /// How the invoice reaches the buyer.
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
