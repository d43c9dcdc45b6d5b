import CNcursesw

/// Facts about the linked ncursesw library. The terminal framework itself arrives with the
/// terminal UI issue; until then this proves the system library links.
public enum CursesLibrary {
    /// The ncurses version string, e.g. `ncurses 6.4.20221231`.
    public static var version: String { String(cString: lg_curses_version()) }
}
