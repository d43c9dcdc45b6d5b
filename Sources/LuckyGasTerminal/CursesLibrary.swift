import CNcursesw

/// Facts about the linked ncursesw and C library. This file and the ncurses backend are the only
/// places that import `CNcursesw`.
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
