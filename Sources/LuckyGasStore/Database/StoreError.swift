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
    /// `attemptsLeft` nil: nothing was counted (a file that cannot be written).
    case wrongPassword(user: String, attemptsLeft: Int?, lockMinutes: Int)
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
    case badParameter(key: String, value: String, expected: String)
    case parameterRefused(key: String, value: String, expected: String)
    case dateOutsideWindow(field: String, date: LocalDate, earliest: LocalDate, latest: LocalDate)
    case damagedDatabase(path: String, detail: String)
    case readOnlyDatabase(path: String)
    case selfApproval(String)
    case arithmeticOverflow(String)
    case emptiesAboveHeld(returned: Int, delivered: Int, held: Int)
    case collectedAboveDue(collected: Money, due: Money, multiple: Int64)
    case badStoredValue(table: String, row: String, column: String, value: String)
    case databaseMissing(path: String)
    case passwordTooShort(minimum: Int)
    case lastAdministrator(String)
    case ownRole(String)
    case userExists(String)
    case passwordChangeRequired(String)
    case fileNotWritten(path: String, detail: String)
    case passwordUnchanged
    case wrongCurrentPassword

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
        case .wrongPassword(let user, let left?, let minutes):
            OperatorMessage(
                zh: "帳號或密碼錯誤（\(user)），再錯 \(left) 次將鎖定 \(minutes) 分鐘",
                en: "Wrong user name or password (\(user)); \(left) more tries before a \(minutes)-minute lock")
        case .wrongPassword(let user, nil, _):
            OperatorMessage(zh: "帳號或密碼錯誤（\(user)）", en: "Wrong user name or password (\(user))")
        case .userLocked(let user, let until):
            OperatorMessage(zh: "帳號 \(user) 已鎖定至 \(until.short)", en: "User \(user) is locked until \(until.short)")
        case .userInactive(let user): OperatorMessage(zh: "帳號 \(user) 已停用", en: "User \(user) is disabled")
        case .notPermitted(let user, let role, let permission):
            OperatorMessage(
                zh: "\(user)（\(role.chinese)）沒有權限\(permission.label.zh)",
                en: "\(user) (\(role.english)) is not allowed to \(permission.label.en)")
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
        case .badParameter(let key, let value, let expected):
            OperatorMessage(
                zh: "參數 \(key) 的值「\(FreeText.printable(value))」無效（應為 \(expected)），請管理員更正",
                en:
                    "Parameter \(key) holds \"\(FreeText.printable(value))\", not \(expected); an administrator must correct it"
            )
        case .dateOutsideWindow(let field, let date, let earliest, let latest):
            OperatorMessage(
                zh: "\(field) \(date) 不在可入帳期間 \(earliest) 至 \(latest)（開業日或已結帳期間之前、或未來日期）",
                en:
                    "\(field) \(date) is outside the posting window \(earliest) to \(latest) (before the opening or a closed period, or in the future)"
            )
        case .damagedDatabase(let path, let detail):
            OperatorMessage(
                zh: "資料庫 \(path) 已損壞（\(detail)），已停止寫入：請還原最近一次備份",
                en: "The database \(path) is damaged (\(detail)); writing is refused: restore the last backup")
        case .readOnlyDatabase(let path):
            OperatorMessage(
                zh: "資料庫 \(path) 為唯讀，只能查詢；請以有寫入權限的帳號或檔案執行",
                en: "The database \(path) is read-only: it can be read and checked, not changed")
        case .selfApproval(let user):
            OperatorMessage(
                zh: "\(user) 不能核准自己的操作，請由另一位主管核准",
                en: "\(user) cannot approve their own action; another supervisor must approve")
        case .emptiesAboveHeld(let returned, let delivered, let held):
            OperatorMessage(
                zh: "回收空瓶 \(returned) 支超過本次送達 \(delivered) 支加客戶原有 \(held) 支",
                en:
                    "\(returned) empties returned is more than the \(delivered) delivered plus the \(held) the customer holds"
            )
        case .collectedAboveDue(let collected, let due, let multiple):
            OperatorMessage(
                zh: "收款 \(collected) 超過應收 \(due) 的 \(multiple) 倍；多收的部分請另以 luckygas payment record 登錄",
                en:
                    "Collected \(collected) is more than \(multiple) times the \(due) due; record the excess as its own payment (luckygas payment record)"
            )
        case .parameterRefused(let key, let value, let expected):
            OperatorMessage(
                zh: "參數 \(key) 不接受「\(FreeText.printable(value))」，應為 \(expected)；未儲存",
                en:
                    "Parameter \(key) does not take \"\(FreeText.printable(value))\": expected \(expected); nothing saved"
            )
        case .badStoredValue(let table, let row, let column, let value):
            OperatorMessage(
                zh: "資料表 \(table) 第 \(row) 筆的 \(column) 值「\(value)」無法辨識；請執行 luckygas db check 並洽系統管理員",
                en:
                    "Row \(row) of \(table) has an unreadable \(column) \"\(value)\"; run luckygas db check and call the administrator"
            )
        case .passwordTooShort(let minimum):
            OperatorMessage(zh: "密碼至少需 \(minimum) 個字元", en: "A password needs at least \(minimum) characters")
        case .lastAdministrator(let name):
            OperatorMessage(
                zh: "\(name) 是最後一位啟用中的管理員，不可停用或改為其他角色；請先新增另一位管理員",
                en:
                    "\(name) is the last active administrator and cannot be disabled or given another role; add another administrator first"
            )
        case .userExists(let name):
            OperatorMessage(
                zh: "帳號 \(name) 已存在；請換一個帳號名稱，或用 luckygas user enable 重新啟用",
                en: "User \(name) already exists: choose another name, or luckygas user enable to bring it back")
        case .passwordChangeRequired(let name):
            OperatorMessage(
                zh: "\(name) 的密碼由管理員設定，請先變更密碼（登入畫面會要求，或 luckygas user passwd \(name)）",
                en:
                    "The password of \(name) was set by an administrator: change it first (the sign-in screen asks, or luckygas user passwd \(name))"
            )
        case .fileNotWritten(let path, let detail):
            OperatorMessage(
                zh: "無法寫入 \(path)（\(detail)）；請確認目錄存在且可寫入",
                en: "Cannot write \(path) (\(detail)): check the folder exists and is writable")
        case .wrongCurrentPassword:
            OperatorMessage(
                zh: "目前密碼不正確，密碼未變更；請再輸入一次", en: "The current password is not right; nothing changed: type it again")
        case .passwordUnchanged:
            OperatorMessage(
                zh: "新密碼不可與目前的密碼相同，請輸入另一個密碼", en: "The new password must differ from the current one: type another")
        case .ownRole(let name):
            OperatorMessage(
                zh: "\(name) 不能變更自己的角色，請由另一位管理員變更",
                en: "\(name) cannot change their own role; another administrator must")
        case .databaseMissing(let path):
            OperatorMessage(
                zh: "找不到分店資料庫 \(path)；請確認路徑，或以 luckygas db init --db \(path) 建立新分店（--sample 為示範資料）",
                en:
                    "No branch database at \(path): check the path, or create a branch with luckygas db init --db \(path) (--sample for the demo data)"
            )
        case .arithmeticOverflow(let detail):
            OperatorMessage(
                zh: "金額合計超出可處理範圍（\(detail)），未儲存任何資料；請執行 luckygas db check",
                en: "A total is too large to compute (\(detail)); nothing was saved: run luckygas db check")
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
            if error.message == "integer overflow" {
                return .arithmeticOverflow(error.sql.map { String($0.prefix(60)) } ?? "SQL")
            }
            if error.resultCode == .SQLITE_READONLY { return .readOnlyDatabase(path: "") }
            if error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
                return .damagedDatabase(path: "", detail: error.message ?? "malformed")
            }
            return .database(error.message ?? error.description)
        default: return .database(String(describing: error))
        }
    }
}
