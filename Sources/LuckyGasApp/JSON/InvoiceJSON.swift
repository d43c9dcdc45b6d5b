import LuckyGasCore
import LuckyGasFormats
import LuckyGasStore

/// `invoice show|cancel|void-reissue --json`: one invoice. `status` is the invoice's own
/// (ISSUED, CANCELLED), `paymentStatus` where its money stands (UNPAID, PARTIAL, PAID, OVERDUE;
/// absent for a cancelled invoice). The MIG XML of its messages only with `--xml`.
struct InvoiceJSON: CLIJSON {
    struct Line: CLIJSON {
        var sequence: Int
        var product: String?
        var description: String
        var quantity: Int
        var unit: String
        var unitPrice: String
        var amount: Int64
        var net: Int64
    }
    struct Payment: CLIJSON {
        var receipt: String
        var date: String
        var amount: Int64
    }
    struct Allowance: CLIJSON {
        var number: String
        var status: String
        var net: Int64
        var tax: Int64
        var total: Int64
        var reason: String
    }
    struct Message: CLIJSON {
        var id: Int64
        var type: String
        var status: String
        var documentDate: String
        var dueDate: String
        var fileName: String?
        var resultReason: String?
        var xml: String?
    }
    var number: String
    var printedNumber: String
    var period: String
    var status: String
    var paymentStatus: String?
    var order: String?
    var customer: String
    var customerName: String
    var issuedAt: String
    var issuedBy: String
    var buyer: BuyerJSON
    var net: Int64
    var tax: Int64
    var total: Int64
    var open: Int64
    var dueDate: String?
    var lines: [Line]
    var payments: [Payment]
    var allowances: [Allowance]
    var randomNumber: String
    var barcode: String
    var qrLeft: String
    var qrRight: String
    var sellerUBN: String
    var prints: Int
    var voids: Int
    var cancelledAt: String?
    var cancelledBy: String?
    var cancelReason: String?
    var messages: [Message]

    init(_ record: InvoiceRecord, xml: Bool = false) {
        number = record.number.rawValue
        printedNumber = record.number.printed
        period = record.period.code
        status = record.status.rawValue
        paymentStatus = record.paymentStatus?.rawValue
        order = record.order?.rawValue
        customer = record.customer.rawValue
        customerName = record.customerName
        issuedAt = record.issuedAt.iso
        issuedBy = record.issuedBy
        buyer = BuyerJSON(record.draft.buyer)
        net = record.draft.split.net.amount
        tax = record.draft.split.tax.amount
        total = record.draft.total.amount
        open = record.open.amount
        dueDate = record.dueDate?.iso
        lines = record.draft.lines.map {
            Line(
                sequence: $0.sequence, product: $0.product?.rawValue, description: $0.description,
                quantity: $0.quantity, unit: $0.unit, unitPrice: $0.unitPrice, amount: $0.amount.amount,
                net: $0.net.amount)
        }
        payments = record.payments.map {
            Payment(receipt: $0.receipt.rawValue, date: $0.date.iso, amount: $0.amount.amount)
        }
        allowances = record.allowances.map {
            Allowance(
                number: $0.number, status: $0.status.rawValue, net: $0.draft.net.amount, tax: $0.draft.tax.amount,
                total: $0.draft.total.amount, reason: $0.reason)
        }
        randomNumber = record.randomNumber
        barcode = record.barcode
        qrLeft = record.qrLeft
        qrRight = record.qrRight
        sellerUBN = record.sellerUBN
        prints = record.prints
        voids = record.voids
        cancelledAt = record.cancelledAt?.iso
        cancelledBy = record.cancelledBy
        cancelReason = record.cancelReason
        messages = record.messages.map {
            Message(
                id: $0.id, type: $0.type, status: $0.status.rawValue, documentDate: $0.documentDate.iso,
                dueDate: $0.dueDate.iso, fileName: $0.fileName, resultReason: $0.resultReason,
                xml: xml ? $0.xml : nil)
        }
    }
}

/// `invoice list --json`: one row per invoice.
struct InvoiceRowJSON: CLIJSON {
    var number: String
    var period: String
    var issuedAt: String
    var customer: String
    var customerName: String
    var buyer: BuyerJSON
    var total: Int64
    var status: String
    var upload: String?
    var uploadDue: String?

    init(_ summary: InvoiceSummary) {
        number = summary.number.rawValue
        period = summary.period.code
        issuedAt = summary.issuedAt.iso
        customer = summary.customer.rawValue
        customerName = summary.customerName
        buyer = BuyerJSON(summary.buyer)
        total = summary.total.amount
        status = summary.status.rawValue
        upload = summary.upload?.rawValue
        uploadDue = summary.uploadDue?.iso
    }
}

/// `invoice allowance --json`.
struct AllowanceJSON: CLIJSON {
    struct Line: CLIJSON {
        var invoiceSequence: Int
        var description: String
        var net: Int64
        var tax: Int64
    }
    var number: String
    var invoice: String
    var status: String
    var net: Int64
    var tax: Int64
    var total: Int64
    var reason: String
    var approvedBy: String?
    var issuedAt: String
    var issuedBy: String
    var lines: [Line]

    init(_ record: AllowanceRecord) {
        number = record.number
        invoice = record.invoice.rawValue
        status = record.status.rawValue
        net = record.draft.net.amount
        tax = record.draft.tax.amount
        total = record.draft.total.amount
        reason = record.reason
        approvedBy = record.approvedBy
        issuedAt = record.issuedAt.iso
        issuedBy = record.issuedBy
        lines = record.draft.lines.map {
            Line(
                invoiceSequence: $0.invoiceSequence, description: $0.description, net: $0.net.amount, tax: $0.tax.amount
            )
        }
    }
}

/// `invoice allowance-cancel --json`.
struct AllowanceCancelledJSON: CLIJSON {
    var allowance: String
    var status: String
}

/// `invoice print --json`.
struct ProofPrintedJSON: CLIJSON {
    var file: String
    var reprint: Bool
}

/// `einvoice company --json`.
struct CompanyJSON: CLIJSON {
    var ubn: String
    var name: String
    var testKey: Bool
}

/// `einvoice tracks import --json`.
struct TrackImportJSON: CLIJSON {
    var added: Int
    var alreadyPresent: Int
    var numbers: Int

    init(_ summary: TrackImportSummary) {
        added = summary.added
        alreadyPresent = summary.alreadyPresent
        numbers = summary.numbers
    }
}

/// `einvoice tracks --json`: one row per range.
struct TrackJSON: CLIJSON {
    struct Booklet: CLIJSON {
        var begin: Int
        var end: Int
        var remaining: Int
    }
    var id: Int64
    var period: String
    var track: String
    var begin: Int
    var end: Int
    var next: Int
    var used: Int
    var remaining: Int
    var blankReportedAt: String?
    var booklets: [Booklet]

    init(_ usage: TrackUsage) {
        id = usage.id
        period = usage.period.code
        track = usage.track
        begin = usage.begin
        end = usage.end
        next = usage.next
        used = usage.used
        remaining = usage.remaining
        blankReportedAt = usage.blankReportedAt?.iso
        booklets = usage.booklets.map { Booklet(begin: $0.begin, end: $0.end, remaining: $0.remaining) }
    }
}

/// `einvoice blank --json`.
struct BlankReportJSON: CLIJSON {
    var period: String
    var messages: Int
}

/// `einvoice export --json`.
struct ExportJSON: CLIJSON {
    var written: Int
}

/// `einvoice results --json`.
struct UploadResultsJSON: CLIJSON {
    var accepted: Int
    var rejected: Int
    var unknown: Int
}

/// `einvoice warnings --json`: one row per message close to or past its deadline.
struct UploadWarningJSON: CLIJSON {
    var type: String
    var reference: String
    var dueDate: String
    var status: String
    var overdue: Bool

    init(_ warning: UploadWarning) {
        type = warning.type
        reference = warning.reference
        dueDate = warning.dueDate.iso
        status = warning.status.rawValue
        overdue = warning.overdue
    }
}

/// `tax media-file --json`.
struct MediaFileJSON: CLIJSON {
    var file: String
    var records: Int
}
