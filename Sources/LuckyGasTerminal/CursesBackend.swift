import CNcursesw

#if canImport(Glibc)
    import Glibc
#endif

/// Facts about the linked ncursesw and C library.
public enum CursesLibrary {
    /// The ncurses version string, e.g. `ncurses 6.4.20221231`.
    public static var version: String { String(cString: lg_curses_version()) }

    /// glibc's `wcwidth` under C.UTF-8: the oracle our pure width table is tested against.
    /// Sets `LC_CTYPE` of the process, so only tests and the backend call it.
    public static func systemWidth(_ scalar: Unicode.Scalar) -> Int {
        if setlocale(LC_CTYPE, nil).map({ String(cString: $0) }) != "C.UTF-8" { setlocale(LC_CTYPE, "C.UTF-8") }
        return Int(wcwidth(wchar_t(bitPattern: scalar.value)))
    }
}

/// Why the terminal could not be opened.
public enum TerminalError: Error, Sendable, Equatable {
    /// `newterm` failed: TERM unknown or no terminal on stdin/stdout.
    case cannotOpen(term: String)
    /// Standard input or output is not a terminal.
    case notATerminal
}

/// The real terminal through ncursesw: the only place that imports `CNcursesw`. It turns
/// `wget_wch` into `Key`s (Esc + digit becomes F1-F10) and paints grids cell by cell with
/// `setcchar`/`mvwadd_wch`; ncurses itself diffs against the physical screen.
///
/// Not thread-safe (neither is ncurses): create, use and close it on one thread.
public final class CursesBackend: TerminalBackend {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var pairs: [Int: Int16] = [:]
    private var decoder = EscapeDigitDecoder()
    private var queued: [Key] = []
    private var closed = false
    /// Whether colours are used.
    public let supportsColour: Bool
    /// True once stdin is gone.
    public private(set) var inputEnded = false
    /// Milliseconds `nextKey` waits before reporting a tick.
    public let tickMilliseconds: Int32

    /// Opens the terminal: UTF-8 locale (C.UTF-8 when the environment has none), raw keys so
    /// Ctrl-C/Ctrl-S reach the screens, Enter as 13, function keys decoded, 25 ms Esc delay.
    public init(tickMilliseconds: Int32 = 250, colour: Bool = true) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        setlocale(LC_ALL, "")
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" { setlocale(LC_CTYPE, "C.UTF-8") }
        guard let screen = lg_newterm(), let window = lg_stdscr() else {
            let term = getenv("TERM").map { String(cString: $0) } ?? ""
            throw TerminalError.cannotOpen(term: term)
        }
        self.screen = screen
        self.window = window
        self.tickMilliseconds = tickMilliseconds
        raw()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        wtimeout(window, tickMilliseconds)
        if colour && has_colors() {
            start_color()
            use_default_colors()
            supportsColour = true
        } else {
            supportsColour = false
        }
    }

    deinit { close() }

    /// Gives the terminal back (endwin). Safe to call twice.
    public func close() {
        guard !closed else { return }
        closed = true
        endwin()
        delscreen(screen)
    }

    /// Rows and columns now.
    public var size: (rows: Int, columns: Int) { (Int(getmaxy(window)), Int(getmaxx(window))) }

    /// The next key, or nil after one tick without input.
    public func nextKey() -> Key? {
        if !queued.isEmpty { return queued.removeFirst() }
        var character: wint_t = 0
        let result = wget_wch(window, &character)
        let keys: [Key]
        switch result {
        case KEY_CODE_YES:
            keys = decoder.feed(Self.functionKey(Int32(character), window: window))
        case OK:
            keys = decoder.feed(Self.characterKey(UInt32(character)))
        default:
            // ERR: the tick passed with no key. A hung-up terminal ends the process by SIGHUP.
            if isatty(STDIN_FILENO) != 1 { inputEnded = true }
            keys = decoder.timeout()
        }
        queued.append(contentsOf: keys)
        return queued.isEmpty ? nil : queued.removeFirst()
    }

    private static func functionKey(_ code: Int32, window: UnsafeMutablePointer<WINDOW>) -> Key {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_BTAB: return .backTab
        case KEY_DC: return .delete
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_RESIZE: return .resize(rows: Int(getmaxy(window)), columns: Int(getmaxx(window)))
        case lg_key_f(1)...lg_key_f(12): return .function(Int(code - lg_key_f(0)))
        default: return .function(0)
        }
    }

    private static func characterKey(_ value: UInt32) -> Key {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(value + 96))))
        default:
            guard let scalar = Unicode.Scalar(value) else { return .function(0) }
            return .character(Character(scalar))
        }
    }

    /// Paints every cell, then the cursor, then refreshes.
    public func paint(_ grid: Grid) {
        let rows = min(grid.rows, Int(getmaxy(window)))
        let columns = min(grid.columns, Int(getmaxx(window)))
        var cell = cchar_t()
        for row in 0..<rows {
            for column in 0..<columns {
                let source = grid[row, column]
                if source.isContinuation { continue }
                var text = source.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
                if text.isEmpty { text = [32] }
                text.append(0)
                let attributes = attributes(of: source.style)
                setcchar(&cell, &text, attributes, pair(of: source.style), nil)
                // ERR at the bottom-right cell is expected (the cursor cannot advance); it still paints.
                _ = mvwadd_wch(window, Int32(row), Int32(column), &cell)
            }
        }
        if let cursor = grid.cursor {
            curs_set(1)
            wmove(window, Int32(cursor.row), Int32(cursor.column))
        } else {
            curs_set(0)
        }
        wrefresh(window)
    }

    /// Ctrl-L: the next refresh redraws the whole screen.
    public func forceRepaint() { clearok(window, true) }

    private func attributes(of style: CellStyle) -> attr_t {
        var value = lg_a_normal()
        if style.bold { value |= lg_a_bold() }
        if style.reverse { value |= lg_a_reverse() }
        if style.underline { value |= lg_a_underline() }
        return value
    }

    private func pair(of style: CellStyle) -> Int16 {
        guard supportsColour, style.foreground != .standard || style.background != .standard else { return 0 }
        let key = (style.foreground.rawValue + 1) * 16 + style.background.rawValue + 1
        if let existing = pairs[key] { return existing }
        let number = Int16(pairs.count + 1)
        guard Int32(number) < lg_color_pairs() else { return 0 }
        init_pair(number, Int16(style.foreground.rawValue), Int16(style.background.rawValue))
        pairs[key] = number
        return number
    }
}
