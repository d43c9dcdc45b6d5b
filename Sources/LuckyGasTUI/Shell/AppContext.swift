import LuckyGasCore
import LuckyGasStore
import LuckyGasTerminal

/// What the screens are given: the branch store, the clock, the districts for address
/// completion, and the branch's name. Built by the executable and by tests alike.
public struct TUIEnvironment: Sendable {
    /// The branch database.
    public var database: AppDatabase
    /// The clock the status line shows (the store has its own for business rules).
    public var clock: Clock
    /// Taiwan's districts (postal code and zone lookup while typing an address).
    public var districts: [District]

    /// Creates an environment.
    public init(database: AppDatabase, clock: Clock = .system, districts: [District] = []) {
        self.database = database
        self.clock = clock
        self.districts = districts
    }
}

/// The session every screen works in: store, signed-in user, language, theme and the status
/// line. A class because it has identity: one per terminal.
final class AppContext {
    let environment: TUIEnvironment
    var user: UserSession?
    var language: Language = .chinese
    var theme: Theme
    var status = StatusLine()
    var pendingSync = 0
    let branch: String
    /// Active users who still have the demo sample's password (none in the demo itself); the
    /// sign-in screen warns about them. Read again at each sign-out.
    var demoPasswordUsers: [String] = []

    init(environment: TUIEnvironment, theme: Theme) {
        self.environment = environment
        self.theme = theme
        let database = environment.database
        let code = (try? database.parameter("branch.code")) ?? nil
        let name = (try? database.parameter("branch.name")) ?? nil
        branch = [code, name].compactMap { $0 }.joined(separator: " ")
        readDemoPasswordUsers()
    }

    /// Reads `demoPasswordUsers` from the store.
    func readDemoPasswordUsers() {
        demoPasswordUsers = (try? database.demoPasswordUsers()) ?? []
    }

    var database: AppDatabase { environment.database }

    /// The text of a message in the current language.
    func text(_ message: OperatorMessage) -> String { language.pick(message) }

    /// Shorthand: `t("客戶", "Customer")`.
    func t(_ zh: String, _ en: String) -> String { language == .chinese ? zh : en }

    /// Puts a message on the status line.
    func say(_ message: OperatorMessage, _ tone: StatusLine.Tone = .info) {
        status.message = text(message)
        status.tone = tone
    }

    /// Shows an error on the status line, in the operator's words.
    func fail(_ error: any Error) {
        say(Self.message(for: error), .error)
    }

    /// The operator's words for any error.
    static func message(for error: any Error) -> OperatorMessage {
        if let error = error as? any OperatorFacingError { return error.operatorMessage }
        return OperatorMessage(zh: "發生錯誤：\(error)", en: "Something went wrong: \(error)")
    }

    /// Why a field refused a key.
    func say(_ rejection: InputField.Rejection) {
        switch rejection {
        case .digitsOnly: say(tr("此欄只能輸入數字", "Digits only in this field"), .error)
        case .dateDigitsOnly: say(tr("日期請輸入數字（年月日），+/- 加減一天", "Type the date as digits; +/- moves a day"), .error)
        case .tooLong: say(tr("此欄已滿", "This field is full"), .error)
        case .readOnly: say(tr("此欄不可修改", "This field cannot be changed"), .error)
        }
    }

    /// Whether the signed-in user may do this.
    func may(_ permission: Permission) -> Bool { user?.role.allows(permission) ?? false }

    /// Says which action the role may not do, and stays.
    func denied(_ permission: Permission) -> Navigation {
        let role = user?.role
        say(
            tr(
                "您的角色（\(role?.chinese ?? "-")）沒有權限\(permission.label.zh)",
                "Your role (\(role.map { Labels.english($0.rawValue) } ?? "-")) is not allowed to \(permission.label.en)"
            ),
            .error)
        return .stay
    }
}
