import LuckyGasCore
import LuckyGasStore

/// `customer add --json`.
struct CustomerAddedJSON: CLIJSON {
    var id: String
}

/// `customer show --json`: the customer with addresses, special prices and its version (pass
/// it back to an edit so nobody's change is lost).
struct CustomerJSON: CLIJSON {
    struct Address: CLIJSON {
        var id: Int64?
        var kind: String
        var text: String
        var postalCode: String
        var zone: String
        var latitude: Double?
        var longitude: Double?
        var isDefault: Bool
        var instructions: String
    }
    struct SpecialPrice: CLIJSON {
        var product: String
        var price: Int64
        var validFrom: String
        var validUntil: String
    }
    var id: String
    var name: String
    var type: String
    var status: String
    var phones: [String]
    var taxID: String?
    var terms: String
    var creditLimit: Int64
    var invoicePreference: PreferenceJSON
    var cylinderBalance: Int
    var notes: String
    var addresses: [Address]
    var specialPrices: [SpecialPrice]
    var version: Int
    var createdAt: String
    var updatedAt: String

    init(_ record: CustomerRecord) {
        let customer = record.customer
        id = customer.id?.rawValue ?? ""
        name = customer.name
        type = customer.type.rawValue
        status = customer.status.rawValue
        phones = customer.phones.map(\.digits)
        taxID = customer.taxID?.rawValue
        terms = customer.terms.rawValue
        creditLimit = customer.creditLimit.amount
        invoicePreference = PreferenceJSON(customer.invoicePreference)
        cylinderBalance = customer.cylinderBalance
        notes = customer.notes
        addresses = customer.addresses.map {
            Address(
                id: $0.id, kind: $0.kind.rawValue, text: $0.text, postalCode: $0.postalCode, zone: $0.zone.rawValue,
                latitude: $0.coordinate?.latitude, longitude: $0.coordinate?.longitude, isDefault: $0.isDefault,
                instructions: $0.instructions)
        }
        specialPrices = record.specialPrices.map {
            SpecialPrice(
                product: $0.product.rawValue, price: $0.price.amount, validFrom: $0.validFrom.iso,
                validUntil: $0.validUntil.iso)
        }
        version = record.version
        createdAt = record.createdAt.iso
        updatedAt = record.updatedAt.iso
    }
}

/// `customer search --json`: one row per hit, best first.
struct CustomerRowJSON: CLIJSON {
    var id: String
    var name: String
    var phone: String
    var address: String
    var zone: String?
    var terms: String
    var status: String
    var taxID: String?

    init(_ summary: CustomerSummary) {
        id = summary.id.rawValue
        name = summary.name
        phone = summary.phone
        address = summary.address
        zone = summary.zone?.rawValue
        terms = summary.terms.rawValue
        status = summary.status.rawValue
        taxID = summary.taxID
    }
}

/// `sample --json`.
struct SampleJSON: CLIJSON {
    var file: String
    var customers: Int
    var orders: Int
    var refusedByCredit: Int
    var delivered: Int
    var cancelled: Int
    var failed: Int

    init(file: String, _ summary: SampleSummary) {
        self.file = file
        customers = summary.customers
        orders = summary.orders
        refusedByCredit = summary.refusedByCredit
        delivered = summary.delivered
        cancelled = summary.cancelled
        failed = summary.failed
    }
}

/// The branch identity in `db init` and `db check`.
struct BranchJSON: CLIJSON {
    var code: String
    var name: String
    var demo: Bool
    var deviceID: String
    var deviceEpoch: Int

    init(_ identity: BranchIdentity) {
        code = identity.code
        name = identity.name
        demo = identity.isDemo
        deviceID = identity.deviceID
        deviceEpoch = identity.deviceEpoch
    }
}

/// `db check --json`: every check, and `ok`.
struct DatabaseCheckJSON: CLIJSON {
    var ok: Bool
    var failedChecks: [String]
    var integrityOK: Bool
    var integrityMessages: [String]
    var foreignKeyViolations: Int
    var appliedMigrations: [String]
    var latestMigration: String
    var schemaCurrent: Bool
    var auditEntries: Int
    var auditBrokenAt: Int64?
    var journalBalanced: Bool
    var journalMessages: [String]
    var pendingOutbox: Int
    var branch: BranchJSON?

    init(_ check: DatabaseCheck, branch: BranchIdentity?) {
        ok = check.ok
        failedChecks = check.failedChecks
        integrityOK = check.integrityOK
        integrityMessages = check.integrityMessages
        foreignKeyViolations = check.foreignKeyViolations
        appliedMigrations = check.appliedMigrations
        latestMigration = check.latestMigration
        schemaCurrent = check.schemaCurrent
        auditEntries = check.auditEntries
        auditBrokenAt = check.auditBrokenAt
        journalBalanced = check.journalBalanced
        journalMessages = check.journalMessages
        pendingOutbox = check.pendingOutbox
        self.branch = branch.map(BranchJSON.init)
    }
}

/// `db init --json`.
struct DatabaseInitJSON: CLIJSON {
    var file: String
    var schema: String
    var schemaCurrent: Bool
    var branch: BranchJSON

    init(file: String, branch: BranchIdentity, check: DatabaseCheck) {
        self.file = file
        schema = check.appliedMigrations.last ?? ""
        schemaCurrent = check.schemaCurrent
        self.branch = BranchJSON(branch)
    }
}

/// `db migrate --json`.
struct SchemaJSON: CLIJSON {
    var schema: String?
    var latest: String
}

/// `user list|add|passwd|role|disable|enable|unlock --json`: a user (never a password or hash).
struct UserJSON: CLIJSON {
    var name: String
    var displayName: String
    var role: String
    var active: Bool
    var failedAttempts: Int
    var lockedUntil: String?
    var lastSignIn: String?
    var mustChangePassword: Bool
    var demoPassword: Bool

    init(_ summary: UserSummary) {
        name = summary.name
        displayName = summary.displayName
        role = summary.role.rawValue
        active = summary.active
        failedAttempts = summary.failedAttempts
        lockedUntil = summary.lockedUntil?.iso
        lastSignIn = summary.lastSignIn?.iso
        mustChangePassword = summary.mustChangePassword
        demoPassword = summary.demoPassword
    }
}

/// `param list|show|set --json`: a parameter (a secret that is set is `***`).
struct ParameterJSON: CLIJSON {
    var key: String
    var value: String
    var description: String
    var secret: Bool
    var version: Int

    init(_ record: ParameterRecord) {
        key = record.key
        value = record.value
        description = record.description
        secret = record.isSecret
        version = record.version
    }
}
