import Foundation
import LuckyGasCore

extension BenchCommand {
    /// Peak resident memory in MiB (`VmHWM` of `/proc/PID/status`) of the real `luckygas`
    /// screens in an 80x24 tmux terminal on `databasePath`: sign in as counter, open the
    /// customer lookup, search for one Chinese character (王), go back, open the order list from
    /// `ordersFrom`, go into the list and scroll down by pages and rows. Nil without tmux, or
    /// when a screen did not appear within `patience` seconds (the reason in `failure`).
    func measurePeakMemory(databasePath: String, ordersFrom: LocalDate, patience: Double = 60) -> PeakMemory {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") else {
            return PeakMemory(megabytes: nil, failure: "tmux not installed")
        }
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        let socket = "luckygas-bench-memory-\(ProcessInfo.processInfo.processIdentifier)"
        @discardableResult
        func tmux(_ arguments: [String], capture: Bool = false) -> String {
            Self.spawn(["/usr/bin/tmux", "-L", socket, "-f", "/dev/null"] + arguments, capture: capture)
        }
        defer { tmux(["kill-server"]) }
        // `exec`: the pane's process is luckygas itself, so its pid is the pane's.
        tmux([
            "new-session", "-d", "-s", "bench", "-x", "80", "-y", "24",
            "exec env TERM=tmux-256color '\(binary)' --db '\(databasePath)' 2>/dev/null",
        ])
        func send(_ keys: String...) { tmux(["send-keys", "-t", "bench"] + keys) }
        func type(_ text: String) { tmux(["send-keys", "-t", "bench", "-l", text]) }
        /// Waits until the screen satisfies `test`.
        func screen(_ test: (String) -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(patience)
            while Date() < deadline {
                if test(tmux(["capture-pane", "-p", "-t", "bench"], capture: true)) { return true }
                usleep(20_000)
            }
            return false
        }
        let menu = { (text: String) in text.contains("主選單") || text.contains("Main menu") }
        /// "共 N 筆" (N found / N orders) with a number: a search or a list has answered.
        func counted(_ text: String) -> Bool {
            text.range(of: "共 [0-9]+ 筆", options: .regularExpression) != nil
        }
        guard screen({ $0.contains("F2") }) else { return PeakMemory(megabytes: nil, failure: "no sign-in screen") }
        let pane = tmux(["display-message", "-p", "-t", "bench", "#{pane_pid}"], capture: true)
        guard let pid = Int32(pane.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            return PeakMemory(megabytes: nil, failure: "no pane pid")
        }
        type("counter")
        send("Enter")
        type("counter")
        send("Enter")
        guard screen(menu) else { return PeakMemory(megabytes: nil, failure: "no main menu after signing in") }
        type("1")
        guard screen({ $0.contains("查詢：") || $0.contains("Search: ") }) else {
            return PeakMemory(megabytes: nil, failure: "no customer lookup")
        }
        type("王")
        guard screen(counted) else { return PeakMemory(megabytes: nil, failure: "no answer to the search 王") }
        send("Escape")
        guard screen({ !counted($0) }) else { return PeakMemory(megabytes: nil, failure: "search not cleared") }
        send("Escape")
        guard screen(menu) else { return PeakMemory(megabytes: nil, failure: "no way back to the menu") }
        type("3")
        guard screen(counted) else { return PeakMemory(megabytes: nil, failure: "no order list") }
        // The bench's orders are for the days after its as-of date, the list starts a week
        // before today: start it at the as-of date instead.
        send("C-u")
        type(ordersFrom.iso)
        guard screen({ $0.contains(ordersFrom.iso) && counted($0) }) else {
            return PeakMemory(megabytes: nil, failure: "order list not refiltered")
        }
        send("Enter")
        for _ in 0..<10 { send("NPage") }
        for _ in 0..<40 { send("Down") }
        send("PPage")
        // The last key has been handled once the screen stays the same for half a second.
        var (last, same) = ("", 0)
        let settled = screen { text in
            same = text == last ? same + 1 : 0
            last = text
            if same < 5 { usleep(100_000) }
            return same >= 5
        }
        guard settled else { return PeakMemory(megabytes: nil, failure: "the list kept moving") }
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap({
                Double($0)
            })
        else { return PeakMemory(megabytes: nil, failure: "no VmHWM for pid \(pid)") }
        return PeakMemory(megabytes: kilobytes / 1024, failure: nil)
    }

    /// The screens' peak memory, or why it was not measured.
    struct PeakMemory: CLIJSON, Codable {
        var megabytes: Double?
        var failure: String?
    }
}
