import LuckyGasCore
import LuckyGasStore

/// The `code` of a JSON error (Docs/cli-json.md "Errors"): one per kind of error, stable for
/// scripts. Store and CLI errors are mapped case by case (a new case does not compile until it
/// has a code); the rule errors of Core they wrap give a `detail`: their own case name.
enum ErrorCode {
    /// The code of `error`.
    static func of(_ error: any Error) -> String {
        switch error {
        case let error as StoreError: store(error)
        case let error as CLIError: cli(error)
        case is ValidationError: "INVALID_INPUT"
        case is CalendarError: "CALENDAR_CLOSED"
        case is PricingError: "PRICING_REFUSED"
        case is IllegalTransition: "ILLEGAL_TRANSITION"
        case let error as InvoicingError: caseName(error)
        case let error as ReceivablesError: caseName(error)
        // The file formats' refusals (allocation CSV, Turnkey results, 401 file, ESC/POS): their case.
        case let error as any OperatorFacingError: caseName(error)
        default: "UNEXPECTED"
        }
    }

    /// The wrapped rule's own case (`POSTAL_CODE`, `IN_THE_PAST`, ...), when there is one.
    static func detail(_ error: any Error) -> String? {
        switch error {
        case let error as StoreError:
            switch error {
            case .invalid(let inner): caseName(inner)
            case .calendar(let inner): caseName(inner)
            case .pricing(let inner): caseName(inner)
            case .creditRefused(let refusal, _), .overrideNotAllowed(let refusal): caseName(refusal)
            case .transition(let inner): inner.event.rawValue
            default: nil
            }
        case let error as ValidationError: caseName(error)
        case let error as CalendarError: caseName(error)
        default: nil
        }
    }

    /// The field an input error names, when it does.
    static func field(_ error: any Error) -> String? {
        switch error {
        case let error as StoreError:
            if case .invalid(let inner) = error { return inner.field }
            if case .dateOutsideWindow(let field, _, _, _) = error { return field }
            if case .badParameter(let key, _, _) = error { return key }
            if case .parameterRefused(let key, _, _) = error { return key }
            return nil
        case let error as ValidationError: return error.field
        default: return nil
        }
    }

    private static func store(_ error: StoreError) -> String {
        switch error {
        case .invalid: "INVALID_INPUT"
        case .pricing: "PRICING_REFUSED"
        case .calendar: "CALENDAR_CLOSED"
        case .transition: "ILLEGAL_TRANSITION"
        case .customerNotFound: "CUSTOMER_NOT_FOUND"
        case .orderNotFound: "ORDER_NOT_FOUND"
        case .invoiceNotFound: "INVOICE_NOT_FOUND"
        case .allowanceNotFound: "ALLOWANCE_NOT_FOUND"
        case .invoicing(let inner): caseName(inner)
        case .receivables(let inner): caseName(inner)
        case .bankStatement: "BANK_STATEMENT_INVALID"
        case .paymentNotFound: "PAYMENT_NOT_FOUND"
        case .bankLineNotFound: "BANK_LINE_NOT_FOUND"
        case .settlementNotFound: "SETTLEMENT_NOT_FOUND"
        case .addressNotFound: "ADDRESS_NOT_FOUND"
        // One code for an unknown user and a wrong password: a script learns no more than a person.
        case .userNotFound, .wrongPassword: "SIGN_IN_FAILED"
        case .userLocked: "USER_LOCKED"
        case .userInactive: "USER_INACTIVE"
        case .notPermitted: "PERMISSION_DENIED"
        case .creditRefused: "CREDIT_REFUSED"
        case .overrideNotAllowed: "OVERRIDE_NOT_ALLOWED"
        case .approverNotSupervisor: "APPROVER_NOT_SUPERVISOR"
        case .reasonRequired: "REASON_REQUIRED"
        case .cancellationWindowPassed: "CANCELLATION_WINDOW_PASSED"
        case .staleCustomer: "VERSION_CONFLICT"
        case .databaseBusy: "DATABASE_BUSY"
        case .notABranchDatabase: "NOT_A_BRANCH_DATABASE"
        case .schemaNewerThanProgram: "SCHEMA_NEWER_THAN_PROGRAM"
        case .database: "DATABASE_ERROR"
        case .badParameter: "BAD_PARAMETER"
        case .parameterRefused: "INVALID_INPUT"
        case .dateOutsideWindow: "DATE_OUTSIDE_WINDOW"
        case .damagedDatabase: "DAMAGED_DATABASE"
        case .readOnlyDatabase: "READ_ONLY_DATABASE"
        case .selfApproval: "SELF_APPROVAL"
        case .arithmeticOverflow: "ARITHMETIC_OVERFLOW"
        case .emptiesAboveHeld: "EMPTIES_ABOVE_HELD"
        case .collectedAboveDue: "COLLECTED_ABOVE_DUE"
        case .badStoredValue: "BAD_STORED_VALUE"
        case .databaseMissing: "DATABASE_MISSING"
        case .passwordTooShort: "PASSWORD_TOO_SHORT"
        case .lastAdministrator: "LAST_ADMINISTRATOR"
        case .ownRole: "OWN_ROLE"
        case .userExists: "USER_EXISTS"
        case .passwordChangeRequired: "PASSWORD_CHANGE_REQUIRED"
        case .fileNotWritten: "FILE_ERROR"
        case .passwordUnchanged: "PASSWORD_UNCHANGED"
        case .wrongCurrentPassword: "WRONG_PASSWORD"
        }
    }

    private static func cli(_ error: CLIError) -> String {
        if error.isUsage { return "USAGE" }
        return switch error {
        case .passwordUnavailable: "PASSWORD_UNAVAILABLE"
        case .shippedFileNotFound: "SHIPPED_FILE_NOT_FOUND"
        case .alreadyExists: "ALREADY_EXISTS"
        case .checkFailed: "CHECK_FAILED"
        case .fileError: "FILE_ERROR"
        case .sampleIsReadOnly: "SAMPLE_IS_READ_ONLY"
        case .noTerminal: "NO_TERMINAL"
        case .proofNotPrinted: "PROOF_NOT_PRINTED"
        default: "USAGE"
        }
    }

    /// `allocationAboveOpen` → `ALLOCATION_ABOVE_OPEN`, `buyerNeedsTaxID` → `BUYER_NEEDS_TAX_ID`:
    /// an enum case's name in capitals, a word starting where a capital follows a small letter.
    static func caseName(_ value: Any) -> String {
        let name = Mirror(reflecting: value).children.first?.label ?? String(describing: value)
        var out = ""
        var previous: Character?
        for character in name.prefix(while: { $0 != "(" }) {
            if character.isUppercase, let previous, previous.isLowercase || previous.isNumber { out.append("_") }
            out.append(character.uppercased())
            previous = character
        }
        return out
    }
}
