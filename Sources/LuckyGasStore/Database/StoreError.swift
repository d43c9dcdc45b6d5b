import GRDB
import LuckyGasCore

/// Why a store operation did not happen. Every case carries what the operator needs to act.
public enum StoreError: OperatorFacingError {
    case invalid(ValidationError)
    case pricing(PricingError)
    case calendar(CalendarError)
    case transition(IllegalTransition)
    case customerNotFound(String)
    case orderNotFound(String)
    case invoiceNotFound(String)
    case allowanceNotFound(String)
    case invoicing(InvoicingError)
    case receivables(ReceivablesError)
    case bankStatement(OperatorMessage)
    case paymentNotFound(String)
    case bankLineNotFound(Int64)
    case settlementNotFound(String)
    case addressNotFound(customer: CustomerID, address: Int64)
    case userNotFound(String)
    case wrongPassword(user: String, attemptsLeft: Int)
    case userLocked(user: String, until: LocalDateTime)
    case userInactive(String)
    case notPermitted(user: String, role: Role, permission: Permission)
    case creditRefused(CreditRefusal, position: CreditPosition)
    case overrideNotAllowed(CreditRefusal)
    case approverNotSupervisor(String)
    case reasonRequired
    case cancellationWindowPassed(deadline: LocalDateTime)
    case staleCustomer(CustomerID, expectedVersion: Int, actualVersion: Int)
    case databaseBusy
    case notABranchDatabase(path: String, detail: String)
    case schemaNewerThanProgram(applied: [String])
    case database(String)

    public var operatorMessage: OperatorMessage {
        switch self {
        case .invalid(let error): error.operatorMessage
        case .pricing(let error): error.operatorMessage
        case .calendar(let error): error.operatorMessage
        case .transition(let error): error.operatorMessage
        case .customerNotFound(let id): OperatorMessage(zh: "查無客戶 \(id)", en: "No customer \(id)")
        case .orderNotFound(let number): OperatorMessage(zh: "查無訂單 \(number)", en: "No order \(number)")
        case .invoiceNotFound(let number): OperatorMessage(zh: "查無發票 \(number)", en: "No invoice \(number)")
        case .allowanceNotFound(let number): OperatorMessage(zh: "查無折讓單 \(number)", en: "No allowance \(number)")
        case .invoicing(let error): error.operatorMessage
        case .receivables(let error): error.operatorMessage
        case .bankStatement(let message): message
        case .paymentNotFound(let number): OperatorMessage(zh: "查無收款 \(number)", en: "No payment \(number)")
        case .bankLineNotFound(let id): OperatorMessage(zh: "查無對帳明細 #\(id)", en: "No statement line #\(id)")
        case .settlementNotFound(let key): OperatorMessage(zh: "查無繳款單 \(key)", en: "No settlement \(key)")
        case .addressNotFound(let customer, let address):
            OperatorMessage(
                zh: "客戶 \(customer) 沒有第 \(address) 號地址", en: "Customer \(customer) has no address \(address)")
        case .userNotFound(let user):
            OperatorMessage(zh: "帳號或密碼錯誤（\(user)）", en: "Wrong user name or password (\(user))")
        case .wrongPassword(let user, let left):
            OperatorMessage(
                zh: "帳號或密碼錯誤（\(user)），再錯 \(left) 次將鎖定 5 分鐘",
                en: "Wrong user name or password (\(user)); \(left) more tries before a 5-minute lock")
        case .userLocked(let user, let until):
            OperatorMessage(zh: "帳號 \(user) 已鎖定至 \(until.short)", en: "User \(user) is locked until \(until.short)")
        case .userInactive(let user): OperatorMessage(zh: "帳號 \(user) 已停用", en: "User \(user) is disabled")
        case .notPermitted(let user, let role, let permission):
            OperatorMessage(
                zh: "\(user)（\(role.chinese)）沒有「\(permission.label.zh)」權限",
                en: "\(user) (\(role.rawValue)) may not \(permission.label.en)")
        case .creditRefused(let refusal, _): refusal.operatorMessage
        case .overrideNotAllowed(let refusal):
            OperatorMessage(
                zh: "此情況主管亦不可核准：\(refusal.operatorMessage.zh)",
                en: "No override is possible: \(refusal.operatorMessage.en)")
        case .approverNotSupervisor(let user):
            OperatorMessage(zh: "\(user) 不是主管，不能核准", en: "\(user) is not a supervisor and cannot approve")
        case .reasonRequired: OperatorMessage(zh: "請輸入原因", en: "A reason is required")
        case .cancellationWindowPassed(let deadline):
            OperatorMessage(
                zh: "已超過取消期限 \(deadline.short)，需主管核准",
                en: "Past the cancellation deadline \(deadline.short): a supervisor must approve")
        case .staleCustomer(let id, _, _):
            OperatorMessage(zh: "客戶 \(id) 已被他人修改，請重新載入", en: "Customer \(id) was changed by someone else; reload it")
        case .databaseBusy:
            OperatorMessage(zh: "資料庫忙碌中，請稍後再試（資料未遺失）", en: "The database is busy; try again (nothing was lost)")
        case .notABranchDatabase(let path, let detail):
            OperatorMessage(zh: "無法開啟分店資料庫 \(path)：\(detail)", en: "Cannot open the branch database \(path): \(detail)")
        case .schemaNewerThanProgram(let applied):
            OperatorMessage(
                zh: "資料庫版本比程式新（\(applied.last ?? "?")），請更新程式",
                en: "The database is newer than this program (\(applied.last ?? "?")); update the program")
        case .database(let detail): OperatorMessage(zh: "資料庫錯誤：\(detail)", en: "Database error: \(detail)")
        }
    }

    /// Maps any error from a store call to a `StoreError` (SQLite errors are translated here only).
    static func wrap(_ error: any Error) -> StoreError {
        switch error {
        case let error as StoreError: return error
        case let error as ValidationError: return .invalid(error)
        case let error as PricingError: return .pricing(error)
        case let error as CalendarError: return .calendar(error)
        case let error as IllegalTransition: return .transition(error)
        case let error as InvoicingError: return .invoicing(error)
        case let error as ReceivablesError: return .receivables(error)
        case let error as any OperatorFacingError: return .bankStatement(error.operatorMessage)
        case let error as DatabaseError:
            if error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED { return .databaseBusy }
            return .database(error.message ?? error.description)
        default: return .database(String(describing: error))
        }
    }
}
