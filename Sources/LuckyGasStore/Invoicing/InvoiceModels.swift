import LuckyGasCore

/// What the driver (or the counter, for a walk-in sale) reports at delivery.
public struct DeliveryReport: Sendable, Hashable, Codable {
    /// Delivered quantity per product; products left out were delivered in full.
    public var quantities: [ProductCode: Int]
    /// Empties taken back; nil means one for every cylinder that requires it.
    public var emptiesReturned: Int?
    /// Money collected on the spot.
    public var collected: Money
    /// How it was paid (CASH, CHECK, ...), when something was collected.
    public var method: String?
    /// The driver (`DRV001`) who delivered and collected; nil for a walk-in sale at the counter,
    /// whose money the counter user settles.
    public var driver: String?

    /// Creates a report.
    public init(
        quantities: [ProductCode: Int] = [:], emptiesReturned: Int? = nil, collected: Money = .zero,
        method: String? = nil, driver: String? = nil
    ) {
        self.quantities = quantities
        self.emptiesReturned = emptiesReturned
        self.collected = collected
        self.method = method
        self.driver = driver
    }

}

/// What a delivery wrote.
public struct DeliveryReceipt: Sendable, Hashable, Codable {
    /// The order.
    public var order: OrderNumber
    /// The invoice issued with it.
    public var invoice: InvoiceNumber
    /// Invoice total.
    public var total: Money
    /// Deposits charged for missing empties (not on the invoice).
    public var deposit: DepositCharge
    /// Money collected.
    public var collected: Money
    /// When the receivable is due.
    public var dueDate: LocalDate
    /// The receipt of the money collected, if any.
    public var payment: ReceiptNumber?
}

/// The seller and e-invoice settings (parameters `company.*`, `einvoice.*`).
public struct CompanySettings: Sendable, Hashable {
    /// UBN, name, address.
    public var ubn: String
    /// Company name.
    public var name: String
    /// Address.
    public var address: String
    /// 稅籍編號 for the 401 file (may be empty until filing).
    public var taxRegistrationNumber: String
    /// The QR AES key (32 hex).
    public var qrKey: String
    /// Whether the key is the public test key.
    public var qrKeyIsTest: Bool
    /// Allowances above this total need a supervisor.
    public var allowanceSupervisorAbove: Money
}

/// An invoice's state.
public enum InvoiceStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case issued = "ISSUED"
    case cancelled = "CANCELLED"

    /// 已開立 / 已作廢.
    public var chinese: String { self == .issued ? "已開立" : "已作廢" }
}

/// Where a platform message stands.
public enum UploadStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case pending = "PENDING"
    case exported = "EXPORTED"
    case accepted = "ACCEPTED"
    case rejected = "REJECTED"

    /// 待匯出 / 已匯出 / 已接受 / 被退回.
    public var chinese: String {
        switch self {
        case .pending: "待匯出"
        case .exported: "已匯出"
        case .accepted: "已接受"
        case .rejected: "被退回"
        }
    }
}

/// A message for the platform.
public struct EInvoiceMessage: Sendable, Hashable, Codable {
    /// Row id (export order).
    public var id: Int64
    /// F0401 ...
    public var type: String
    /// Invoice number, allowance number or `period-track` for E0402.
    public var reference: String
    /// The document's date.
    public var documentDate: LocalDate
    /// Last day to upload.
    public var dueDate: LocalDate
    /// Status.
    public var status: UploadStatus
    /// File written by the export.
    public var fileName: String?
    /// Why the platform refused it.
    public var resultReason: String?
    /// The XML.
    public var xml: String
}

/// One line of the invoice list.
public struct InvoiceSummary: Sendable, Hashable, Codable {
    /// Number.
    public var number: InvoiceNumber
    /// Period.
    public var period: InvoicePeriod
    /// Issued at.
    public var issuedAt: LocalDateTime
    /// Customer.
    public var customer: CustomerID
    /// Customer name.
    public var customerName: String
    /// B2B or B2C and how.
    public var buyer: InvoiceBuyer
    /// Total.
    public var total: Money
    /// Status.
    public var status: InvoiceStatus
    /// The newest message's upload state.
    public var upload: UploadStatus?
    /// Its deadline.
    public var uploadDue: LocalDate?
}

/// A stored allowance.
public struct AllowanceRecord: Sendable, Hashable, Codable {
    /// `AL` + date + sequence.
    public var number: String
    /// The invoice.
    public var invoice: InvoiceNumber
    /// When.
    public var issuedAt: LocalDateTime
    /// By whom.
    public var issuedBy: String
    /// Lines.
    public var draft: AllowanceDraft
    /// Why.
    public var reason: String
    /// Supervisor who approved it.
    public var approvedBy: String?
    /// ISSUED or CANCELLED.
    public var status: InvoiceStatus
}

/// A whole invoice with its proof texts.
public struct InvoiceRecord: Sendable, Hashable, Codable {
    /// Number.
    public var number: InvoiceNumber
    /// Period.
    public var period: InvoicePeriod
    /// The order it came from.
    public var order: OrderNumber?
    /// Customer.
    public var customer: CustomerID
    /// Customer name.
    public var customerName: String
    /// Issued at, by.
    public var issuedAt: LocalDateTime
    /// Who issued it.
    public var issuedBy: String
    /// Buyer, lines and amounts.
    public var draft: InvoiceDraft
    /// 4 digits.
    public var randomNumber: String
    /// Status.
    public var status: InvoiceStatus
    /// Cancel details.
    public var cancelledAt: LocalDateTime?
    /// Who cancelled.
    public var cancelledBy: String?
    /// Why.
    public var cancelReason: String?
    /// How many times it was voided and re-issued.
    public var voids: Int
    /// How many proofs were printed (the first is the original; later ones say 補印).
    public var prints: Int
    /// Receivable still open.
    public var open: Money
    /// Due date.
    public var dueDate: LocalDate?
    /// Where payment stands today (nil for a cancelled invoice), set by `AppDatabase.invoice(_:)`.
    public var paymentStatus: PaymentStatus?
    /// Payments allocated to it (receipt numbers with amounts, reversed ones left out).
    public var payments: [PaymentShare] = []
    /// Allowances against it.
    public var allowances: [AllowanceRecord]
    /// Messages for the platform, oldest first.
    public var messages: [EInvoiceMessage]
    /// Code39 text.
    public var barcode: String
    /// Left QR text.
    public var qrLeft: String
    /// Right QR text.
    public var qrRight: String
    /// Seller UBN.
    public var sellerUBN: String
    /// Seller name.
    public var sellerName: String
}

/// One allocated range and its use.
public struct TrackUsage: Sendable, Hashable, Codable {
    /// One booklet (本) of 50 numbers.
    public struct Booklet: Sendable, Hashable, Codable {
        /// First number.
        public var begin: Int
        /// Last number.
        public var end: Int
        /// Numbers not yet used.
        public var remaining: Int
    }

    /// Row id.
    public var id: Int64
    /// Period.
    public var period: InvoicePeriod
    /// Two letters.
    public var track: String
    /// First and last number.
    public var begin: Int
    /// Last number.
    public var end: Int
    /// The next number to use (end + 1 when used up).
    public var next: Int
    /// When the unused rest was reported (E0402).
    public var blankReportedAt: LocalDateTime?
    /// Numbers used.
    public var used: Int { next - begin }
    /// Numbers left.
    public var remaining: Int { end + 1 - next }
    /// Booklets with what is left in each.
    public var booklets: [Booklet] {
        stride(from: begin, through: end, by: 50).map { start in
            Booklet(begin: start, end: start + 49, remaining: max(0, min(50, start + 50 - next)))
        }
    }
}

/// A message close to or past its upload deadline.
public struct UploadWarning: Sendable, Hashable, Codable {
    /// The message.
    public var type: String
    /// Its reference.
    public var reference: String
    /// The deadline.
    public var dueDate: LocalDate
    /// Status.
    public var status: UploadStatus
    /// Whether the deadline has passed.
    public var overdue: Bool
}

/// What importing an allocation did.
public struct TrackImportSummary: Sendable, Hashable, Codable {
    /// Ranges added.
    public var added: Int
    /// Ranges already present (a repeated import changes nothing).
    public var alreadyPresent: Int
    /// Numbers added.
    public var numbers: Int
}

/// One account in the trial balance.
public struct TrialBalanceRow: Sendable, Hashable, Codable {
    /// Account.
    public var account: Account
    /// Sum of debits.
    public var debit: Money
    /// Sum of credits.
    public var credit: Money
    /// Debit minus credit.
    public var balance: Money { debit - credit }
}

extension InvoiceRecord {
    /// What issued allowances took so far: net per invoice line, and tax.
    public var allowedSoFar: (perLine: [Int: Money], tax: Money) {
        var perLine: [Int: Money] = [:]
        var tax = Money.zero
        for allowance in allowances where allowance.status == .issued {
            for line in allowance.draft.lines { perLine[line.invoiceSequence, default: .zero] += line.net }
            tax += allowance.draft.tax
        }
        return (perLine, tax)
    }

    /// An allowance draft for `requests` against what is left of this invoice.
    public func allowanceDraft(_ requests: [Int: Money]) throws(InvoicingError) -> AllowanceDraft {
        let allowed = allowedSoFar
        return try AllowanceDraft.make(
            invoiceLines: draft.lines, invoiceTax: draft.split.tax, allowedBefore: allowed.perLine,
            taxAllowedBefore: allowed.tax, requests: requests)
    }
}

/// A receipt's share of an invoice.
public struct PaymentShare: Sendable, Hashable, Codable {
    /// The receipt.
    public var receipt: ReceiptNumber
    /// When allocated.
    public var date: LocalDate
    /// How much.
    public var amount: Money
}
