import LuckyGasCore
import LuckyGasTerminal

/// The rectangle a screen draws in (between the title bar and the status line).
struct Area: Equatable {
    var top: Int
    var left: Int
    var rows: Int
    var columns: Int
}

/// One key of the current screen, for the F1 help.
struct KeyHelp {
    var keys: String
    var meaning: OperatorMessage
}

/// What a screen asks the shell to do after a key.
enum Navigation {
    /// Nothing: stay here.
    case stay
    /// Open another screen on top.
    case push(any Screen)
    /// Close this screen, handing a result to the one below.
    case pop(ScreenResult?)
    /// Swap this screen for another.
    case replace(any Screen)
    /// Show a dialog; its outcome comes back through `dialogFinished(tag:...)`.
    case dialog(Dialog, tag: String)
    /// Back to the main menu.
    case menu
    /// Sign out (after the sign-in screen is shown again).
    case signOut
    /// Leave the program (asks first when work is unsaved).
    case quit
}

/// What a closing screen hands back (a picked customer, a saved record).
enum ScreenResult: Equatable {
    case customer(CustomerID)
    case product(ProductCode)
    case changed
}

/// A screen: state, a key handler that may call the store and asks for navigation, and a
/// renderer into the cell grid. Screens never touch the terminal.
protocol Screen {
    /// The title in the title bar.
    var title: OperatorMessage { get }
    /// The F-key slots this screen uses (F1, F9 and F10 are the shell's).
    var functionKeys: [Int: OperatorMessage] { get }
    /// The F-keys offered now, on the key bar and in F1: only those the signed-in role may use
    /// and the selected row's state allows (default: `functionKeys`).
    func offeredKeys(context: AppContext) -> [Int: OperatorMessage]
    /// Other keys, for the help box.
    var help: [KeyHelp] { get }
    /// Whether leaving would lose typed work.
    var isDirty: Bool { get }
    /// Handles a key.
    mutating func handle(_ key: Key, context: AppContext) -> Navigation
    /// Draws into `area`.
    mutating func render(into grid: inout Grid, area: Area, context: AppContext)
    /// A screen opened from this one closed with a result.
    mutating func receive(_ result: ScreenResult, context: AppContext) -> Navigation
    /// A dialog this screen asked for ended.
    mutating func dialogFinished(tag: String, outcome: Dialog.Outcome, context: AppContext) -> Navigation
    /// The screen is shown again (after a dialog or a screen above it closed); reload if needed.
    mutating func refresh(context: AppContext)
}

extension Screen {
    func offeredKeys(context: AppContext) -> [Int: OperatorMessage] { functionKeys }
    var help: [KeyHelp] { [] }
    var isDirty: Bool { false }
    mutating func receive(_ result: ScreenResult, context: AppContext) -> Navigation { .stay }
    mutating func dialogFinished(tag: String, outcome: Dialog.Outcome, context: AppContext) -> Navigation { .stay }
    mutating func refresh(context: AppContext) {}
}
