import Dispatch
import LuckyGasCore
import LuckyGasStore
import LuckyGasTerminal

/// The application shell: the navigation stack (sign-in, then the menu and what it opens), the
/// title bar, the status line, the F-key bar, dialogs and the F1 help. Keys that mean the same
/// everywhere are handled here: F1 help, F9 language, F10 quit, Ctrl-L repaint.
public final class Shell {
    private enum DialogOwner {
        case screen(tag: String)
        case quit
    }

    private let context: AppContext
    private var stack: [any Screen]
    private var dialog: (box: Dialog, owner: DialogOwner)?
    private var showingHelp = false
    /// Whether the last paint was the "window too small" notice: keys are then dropped
    /// (F10 and Ctrl-C aside), so nothing reaches a screen the operator cannot see.
    private var windowTooSmall = false
    /// True once the operator chose to leave.
    public private(set) var finished = false

    /// Creates the shell on the sign-in screen.
    public init(environment: TUIEnvironment, theme: Theme = .colour) {
        context = AppContext(environment: environment, theme: theme)
        stack = [SignInScreen()]
        refreshSyncCount()
    }

    /// Runs until the operator quits or the input ends: paint, read a key, handle it.
    public func run<Backend: TerminalBackend>(on backend: inout Backend) {
        context.theme = backend.supportsColour ? .colour : .monochrome
        while !finished {
            let size = backend.size
            backend.paint(render(rows: size.rows, columns: size.columns))
            if let key = backend.nextKey() {
                if key == .control("l") { backend.forceRepaint() }
                handle(key)
            } else if backend.inputEnded {
                break
            } else {
                tick()
            }
        }
    }

    /// The signed-in user's name, if any (tests and the bench read it).
    public var signedInUser: String? { context.user?.name }

    private var top: any Screen {
        get { stack[stack.count - 1] }
        set { stack[stack.count - 1] = newValue }
    }

    /// One tick without a key: refresh the clock and the sync count.
    public func tick() { refreshSyncCount() }

    /// When the sync count was last read (monotonic nanoseconds).
    private var syncCountReadAt: UInt64 = 0

    /// Reads the sync queue's length for the status line. A key that only moved within a screen
    /// reads it at most twice a second (counting a long queue costs milliseconds per key); a
    /// navigation, a finished dialog or an idle tick reads it at once.
    private func refreshSyncCount(force: Bool = true) {
        let now = DispatchTime.now().uptimeNanoseconds
        guard force || now - syncCountReadAt > 500_000_000 else { return }
        syncCountReadAt = now
        if let count = try? context.database.pendingSyncCount() { context.pendingSync = count }
    }

    /// Handles one key.
    public func handle(_ key: Key) {
        if case .resize = key { return }
        if key == .control("l") { return }
        if windowTooSmall, key != .function(10), key != .control("c") { return }
        if showingHelp {
            showingHelp = false
            return
        }
        if var open = dialog {
            guard let outcome = open.box.handle(key) else {
                dialog = open
                return
            }
            dialog = nil
            switch open.owner {
            case .quit:
                if outcome == .confirmed { finished = true }
            case .screen(let tag):
                apply(top.dialogFinished(tag: tag, outcome: outcome, context: context))
                if dialog == nil { top.refresh(context: context) }
            }
            refreshSyncCount()
            return
        }
        context.status.message = ""
        switch key {
        case .function(1),
            .character("?") where !(top is any TypingScreen):
            showingHelp = true
        case .function(9):
            context.language = context.language.other
            context.say(tr("已切換為中文", "Language: English"))
        case .function(10):
            requestQuit()
        case .control("c"):
            context.say(tr("請按 F10 離開程式", "Press F10 to leave the program"), .warning)
        default:
            apply(top.handle(key, context: context))
        }
    }

    private func requestQuit() {
        let dirty = stack.contains { $0.isDirty }
        if !dirty && (top is MainMenuScreen || top is SignInScreen) {
            finished = true
            return
        }
        let lines =
            dirty
            ? [context.t("有尚未存檔的資料，離開後將會遺失。", "There is unsaved work; it will be lost.")]
            : []
        dialog = (
            Dialog(
                .confirm(defaultYes: false), title: context.t("確定離開程式？", "Leave the program?"), lines: lines,
                hint: context.t("Y 離開   N 取消", "Y leave   N stay")),
            .quit
        )
    }

    private func apply(_ navigation: Navigation) {
        switch navigation {
        case .stay: break
        case .push(let screen):
            stack.append(screen)
            top.refresh(context: context)
        case .pop(let result):
            if stack.count > 1 { stack.removeLast() }
            if let result {
                apply(top.receive(result, context: context))
            }
            top.refresh(context: context)
        case .replace(let screen):
            top = screen
            top.refresh(context: context)
        case .dialog(let box, let tag):
            dialog = (box, .screen(tag: tag))
        case .menu:
            stack = [MainMenuScreen()]
            top.refresh(context: context)
        case .signOut:
            context.user = nil
            stack = [SignInScreen()]
            context.readDemoPasswordUsers()
            context.say(tr("已登出", "Signed out"))
        case .quit:
            requestQuit()
        }
        if case .stay = navigation { refreshSyncCount(force: false) } else { refreshSyncCount() }
    }

    /// The whole screen for a terminal of this size.
    public func render(rows: Int, columns: Int) -> Grid {
        let theme = context.theme
        windowTooSmall = SmallWindowNotice.applies(rows: rows, columns: columns)
        if windowTooSmall {
            return SmallWindowNotice.grid(
                rows: rows, columns: columns,
                lines: [
                    "視窗太小（\(columns)x\(rows)），請放大至至少 80x24。",
                    "Window too small (\(columns)x\(rows)): enlarge it to at least 80x24.",
                ], theme: theme)
        }
        var grid = Grid(rows: rows, columns: columns)
        grid.fill(row: 0, column: 0, width: columns, style: theme.titleBar)
        let heading = " 幸福氣體 Lucky Gas │ " + context.text(top.title)
        grid.put(heading, row: 0, column: 0, style: theme.titleBar)
        let area = Area(top: 1, left: 0, rows: rows - 3, columns: columns)
        top.render(into: &grid, area: area, context: context)
        if showingHelp { renderHelp(into: &grid) }
        if var open = dialog {
            open.box.render(into: &grid, theme: theme)
            dialog = open
        }
        context.status.facts = facts(room: columns - DisplayWidth.of(context.status.message) - 2)
        context.status.render(into: &grid, row: rows - 2, theme: theme)
        var labels = [1: context.t("說明", "Help"), 9: context.language == .chinese ? "English" : "中文"]
        labels[10] = context.t("離開", "Quit")
        for (number, label) in top.offeredKeys(context: context) { labels[number] = context.text(label) }
        KeyBar(labels).render(into: &grid, row: rows - 1, numberStyle: theme.keyNumber)
        return grid
    }

    /// User, branch, time and sync queue; a long message pushes out the branch, then the user,
    /// then the time, so the message itself is never cut while the facts can give way.
    private func facts(room: Int) -> String {
        let now = context.environment.clock.now()
        let user = context.user.map { "\($0.displayName)(\($0.name))" }
        let branch = context.branch.isEmpty ? nil : context.branch
        let sync = context.t("待同步 \(context.pendingSync)", "Sync queue \(context.pendingSync)")
        for parts in [[user, branch, now.short], [user, nil, now.short], [nil, nil, now.short], [nil, nil, nil]] {
            let text = (parts.compactMap { $0 } + [sync]).joined(separator: " │ ") + " "
            if DisplayWidth.of(text) <= room { return text }
        }
        return sync + " "
    }

    private func renderHelp(into grid: inout Grid) {
        var lines: [String] = []
        let offered = top.offeredKeys(context: context)
        // Each key once: a screen's note on an F-key gives way to the F-key's own line, and a
        // note on a key not offered here is not shown at all.
        let notes = top.help.filter { !Self.namesFunctionKey($0.keys) }
        // ... and a key the screen explains is not explained again in general terms.
        let explained = Set(
            notes.flatMap { $0.keys.split(whereSeparator: { $0 == " " || $0 == "/" }).map(String.init) })
        let common =
            [
                KeyHelp(keys: "F1 / ?", meaning: tr("本說明", "this help")),
                KeyHelp(keys: "Tab / Shift-Tab", meaning: tr("下一欄 / 上一欄", "next / previous field")),
                KeyHelp(keys: "Enter", meaning: tr("確認、下一欄", "confirm, next field")),
                KeyHelp(keys: "Esc", meaning: tr("返回、取消", "back, cancel")),
                KeyHelp(keys: "Esc 1…0", meaning: tr("等同 F1…F10", "same as F1…F10")),
                KeyHelp(keys: "F9", meaning: tr("切換語言", "switch language")),
                KeyHelp(keys: "F10", meaning: tr("離開程式", "leave the program")),
                KeyHelp(keys: "Ctrl-L", meaning: tr("重繪畫面", "redraw the screen")),
            ].filter { entry in
                !entry.keys.components(separatedBy: " / ").contains { explained.contains($0) }
            }
        let entries = notes + common
        for (number, label) in offered.sorted(by: { $0.key < $1.key }) {
            lines.append(DisplayWidth.fit("F\(number)", width: 16) + context.text(label))
        }
        for entry in entries { lines.append(DisplayWidth.fit(entry.keys, width: 16) + context.text(entry.meaning)) }
        var box = Dialog(
            .message(.info), title: context.t("說明：", "Help: ") + context.text(top.title), lines: lines,
            hint: context.t("按任意鍵關閉", "Press any key to close"))
        box.render(into: &grid, theme: context.theme)
    }
}

extension Shell {
    /// Whether a help entry's keys name one of F2…F8 (the screen's own F-keys, listed from
    /// `offeredKeys`).
    static func namesFunctionKey(_ keys: String) -> Bool {
        keys.split(whereSeparator: { $0 == " " || $0 == "/" || $0 == "," }).contains { token in
            token.count >= 2 && token.first == "F" && Int(token.dropFirst()).map { (2...8).contains($0) } == true
        }
    }
}

/// A screen whose main field takes any character, so `?` is typed rather than opening help.
protocol TypingScreen: Screen {}
