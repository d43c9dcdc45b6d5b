import LuckyGasCore

/// The MIG 4.1 certificate-mode messages this branch sends (存證), plus the blank-number report.
public enum MIGMessageType: String, Sendable, Hashable, Codable, CaseIterable {
    /// 開立發票.
    case invoice = "F0401"
    /// 作廢發票.
    case cancel = "F0501"
    /// 註銷發票 (then F0401 again under the same number).
    case void = "F0701"
    /// 開立折讓證明單.
    case allowance = "G0401"
    /// 作廢折讓證明單.
    case allowanceCancel = "G0501"
    /// 空白未使用字軌.
    case blank = "E0402"

    /// The MIG version written in namespaces.
    public static let version = "4.1"

    /// `urn:GEINV:eInvoiceMessage:F0401:4.1`.
    public var namespace: String { "urn:GEINV:eInvoiceMessage:\(rawValue):\(Self.version)" }

    /// The root element.
    public var root: String {
        switch self {
        case .invoice: "Invoice"
        case .cancel: "CancelInvoice"
        case .void: "VoidInvoice"
        case .allowance: "Allowance"
        case .allowanceCancel: "CancelAllowance"
        case .blank: "BranchTrackBlank"
        }
    }

    /// 開立 / 作廢 ...
    public var chinese: String {
        switch self {
        case .invoice: "開立發票"
        case .cancel: "作廢發票"
        case .void: "註銷發票"
        case .allowance: "開立折讓"
        case .allowanceCancel: "作廢折讓"
        case .blank: "空白字軌"
        }
    }

    /// The Turnkey upload folder below the Turnkey root: `UpCast/B2SSTORAGE/F0401/SRC`.
    public var turnkeyFolder: String {
        let category = self == .blank ? "B2PMESSAGE" : "B2SSTORAGE"
        return "UpCast/\(category)/\(rawValue)/SRC"
    }
}

/// The seller block of every message.
public struct MIGSeller: Sendable, Hashable, Codable {
    /// 統一編號.
    public var ubn: String
    /// Company name.
    public var name: String
    /// Company address (the MIG 4.1 PDF marks it mandatory).
    public var address: String

    /// Creates a seller.
    public init(ubn: String, name: String, address: String) {
        self.ubn = ubn
        self.name = name
        self.address = address
    }
}

/// Writes MIG 4.1 XML. Element order follows the XSD sequences; amounts are whole NT$ except
/// unit prices, which may carry decimals.
public enum MIGWriter {
    /// F0401: an issued invoice.
    public static func invoice(
        number: InvoiceNumber, issuedAt: LocalDateTime, seller: MIGSeller, draft: InvoiceDraft, randomNumber: String,
        relateNumber: String? = nil
    ) -> String {
        var xml = XMLText()
        xml.open("Invoice", attributes: "xmlns=\"\(MIGMessageType.invoice.namespace)\"")
        xml.open("Main")
        xml.element("InvoiceNumber", number.rawValue)
        xml.element("InvoiceDate", issuedAt.date.compact)
        xml.element("InvoiceTime", time(issuedAt))
        role(&xml, "Seller", identifier: seller.ubn, name: seller.name, address: seller.address)
        role(&xml, "Buyer", identifier: draft.buyer.identifier, name: clipped(draft.buyer.name, 60), address: nil)
        xml.optional("RelateNumber", relateNumber.map { clipped($0, 20) })
        xml.element("InvoiceType", "07")
        xml.element("DonateMark", draft.buyer.donationCode == nil ? "0" : "1")
        if let type = draft.buyer.carrierType, let id = draft.buyer.carrierID {
            xml.element("CarrierType", type)
            xml.element("CarrierId1", id)
            xml.element("CarrierId2", id)
        }
        xml.element("PrintMark", draft.buyer.printsProof ? "Y" : "N")
        xml.optional("NPOBAN", draft.buyer.donationCode)
        xml.element("RandomNumber", randomNumber)
        xml.close("Main")
        xml.open("Details")
        for line in draft.lines {
            xml.open("ProductItem")
            xml.element("Description", clipped(line.description, 500))
            xml.element("Quantity", String(line.quantity))
            xml.element("Unit", clipped(line.unit, 6))
            xml.element("UnitPrice", line.unitPrice)
            xml.element("TaxType", "1")
            xml.element("Amount", String(line.amount.amount))
            xml.element("SequenceNumber", String(line.sequence))
            xml.close("ProductItem")
        }
        xml.close("Details")
        xml.open("Amount")
        xml.element("SalesAmount", String(draft.salesAmount.amount))
        xml.element("FreeTaxSalesAmount", "0")
        xml.element("ZeroTaxSalesAmount", "0")
        xml.element("TaxType", "1")
        xml.element("TaxRate", "0.05")
        xml.element("TaxAmount", String(draft.taxAmount.amount))
        xml.element("TotalAmount", String(draft.total.amount))
        xml.close("Amount")
        xml.close("Invoice")
        return xml.text
    }

    /// F0501 (作廢) or F0701 (註銷): the same shape under different names.
    public static func cancelOrVoid(
        _ type: MIGMessageType, number: InvoiceNumber, invoiceDate: LocalDate, buyerIdentifier: String,
        sellerUBN: String, at moment: LocalDateTime, reason: String
    ) -> String {
        let isVoid = type == .void
        var xml = XMLText()
        xml.open(type.root, attributes: "xmlns=\"\(type.namespace)\"")
        xml.element(isVoid ? "VoidInvoiceNumber" : "CancelInvoiceNumber", number.rawValue)
        xml.element("InvoiceDate", invoiceDate.compact)
        xml.element("BuyerId", buyerIdentifier)
        xml.element("SellerId", sellerUBN)
        xml.element(isVoid ? "VoidDate" : "CancelDate", moment.date.compact)
        xml.element(isVoid ? "VoidTime" : "CancelTime", time(moment))
        xml.element(isVoid ? "VoidReason" : "CancelReason", clipped(reason, 20))
        xml.close(type.root)
        return xml.text
    }

    /// G0401: a seller-issued allowance (AllowanceType 2) against one invoice.
    public static func allowance(
        number: String, date: LocalDate, seller: MIGSeller, buyerIdentifier: String, buyerName: String,
        invoice: InvoiceNumber, invoiceDate: LocalDate, draft: AllowanceDraft
    ) -> String {
        var xml = XMLText()
        xml.open("Allowance", attributes: "xmlns=\"\(MIGMessageType.allowance.namespace)\"")
        xml.open("Main")
        xml.element("AllowanceNumber", number)
        xml.element("AllowanceDate", date.compact)
        role(&xml, "Seller", identifier: seller.ubn, name: seller.name, address: seller.address)
        role(&xml, "Buyer", identifier: buyerIdentifier, name: clipped(buyerName, 60), address: nil)
        xml.element("AllowanceType", "2")
        xml.close("Main")
        xml.open("Details")
        for (index, line) in draft.lines.enumerated() {
            xml.open("ProductItem")
            xml.element("OriginalInvoiceDate", invoiceDate.compact)
            xml.element("OriginalInvoiceNumber", invoice.rawValue)
            xml.element("OriginalSequenceNumber", String(line.invoiceSequence))
            xml.element("OriginalDescription", clipped(line.description, 500))
            xml.element("Quantity", "1")
            xml.element("UnitPrice", String(line.net.amount))
            xml.element("Amount", String(line.net.amount))
            xml.element("Tax", String(line.tax.amount))
            xml.element("AllowanceSequenceNumber", String(index + 1))
            xml.element("TaxType", "1")
            xml.close("ProductItem")
        }
        xml.close("Details")
        xml.open("Amount")
        xml.element("TaxAmount", String(draft.tax.amount))
        xml.element("TotalAmount", String(draft.net.amount))
        xml.close("Amount")
        xml.close("Allowance")
        return xml.text
    }

    /// G0501: an allowance cancelled.
    public static func allowanceCancel(
        number: String, allowanceDate: LocalDate, buyerIdentifier: String, sellerUBN: String, at moment: LocalDateTime,
        reason: String
    ) -> String {
        var xml = XMLText()
        xml.open("CancelAllowance", attributes: "xmlns=\"\(MIGMessageType.allowanceCancel.namespace)\"")
        xml.element("CancelAllowanceNumber", number)
        xml.element("AllowanceType", "2")
        xml.element("AllowanceDate", allowanceDate.compact)
        xml.element("BuyerId", buyerIdentifier)
        xml.element("SellerId", sellerUBN)
        xml.element("CancelDate", moment.date.compact)
        xml.element("CancelTime", time(moment))
        xml.element("CancelReason", clipped(reason, 20))
        xml.close("CancelAllowance")
        return xml.text
    }

    /// E0402: the unused numbers of one track at period end (head office = branch for a single company).
    public static func blank(
        sellerUBN: String, period: InvoicePeriod, track: String, ranges: [ClosedRange<Int>]
    ) -> String {
        var xml = XMLText()
        xml.open("BranchTrackBlank", attributes: "xmlns=\"\(MIGMessageType.blank.namespace)\"")
        xml.open("Main")
        xml.element("HeadBan", sellerUBN)
        xml.element("BranchBan", sellerUBN)
        xml.element("InvoiceType", "07")
        xml.element("YearMonth", period.code)
        xml.element("InvoiceTrack", track)
        xml.close("Main")
        xml.open("Details")
        for range in ranges {
            xml.open("BranchTrackBlankItem")
            xml.element("InvoiceBeginNo", String(range.lowerBound).leftPadded(8))
            xml.element("InvoiceEndNo", String(range.upperBound).leftPadded(8))
            xml.close("BranchTrackBlankItem")
        }
        xml.close("Details")
        xml.close("BranchTrackBlank")
        return xml.text
    }

    private static func role(
        _ xml: inout XMLText, _ name: String, identifier: String, name person: String, address: String?
    ) {
        xml.open(name)
        xml.element("Identifier", identifier)
        xml.element("Name", clipped(person, 60))
        xml.optional("Address", address.map { clipped($0, 100) })
        xml.close(name)
    }

    /// `HH:mm:ss` (xs:time; `14:30` is rejected).
    static func time(_ moment: LocalDateTime) -> String {
        let seconds = moment.secondOfDay
        return [seconds / 3600, (seconds / 60) % 60, seconds % 60].map { $0 < 10 ? "0\($0)" : "\($0)" }
            .joined(separator: ":")
    }

    /// At most `limit` characters (the XSD's maxLength counts characters).
    static func clipped(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit))
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
