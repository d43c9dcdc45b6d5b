import Foundation
import LuckyGasCore
import LuckyGasStore
import LuckyGasTUI
import LuckyGasTerminal

extension BenchCommand {
    /// Keypress-to-grid and render times of the screens on the in-memory backend (the same
    /// shell the terminal runs, minus ncurses), over the benchmark branch.
    func measureScreens(database: AppDatabase, clock: Clock, singles: [String]) throws -> [String: Timing] {
        let environment = TerminalLaunch.environment(database, clock: clock)
        var random = SystemRandomNumberGenerator()
        func signedIn() throws -> Shell {
            let shell = Shell(environment: environment)
            for key in Self.keys("counter") + [.enter] + Self.keys("counter") + [.enter] { shell.handle(key) }
            guard shell.signedInUser == "counter" else { throw BenchError.signInFailed }
            return shell
        }
        var timings: [String: Timing] = [:]
        let renders = max(100, samples / 4)
        func renderTime(_ name: String, _ shell: Shell) throws {
            timings["render " + name] = try time(renders) { _ = shell.render(rows: 24, columns: 80) }
        }

        // Search as you type: one Chinese character, then a second, then Ctrl-U; every key is
        // handled (the store search runs) and the whole 80x24 grid is rendered.
        let lookup = try signedIn()
        lookup.handle(.character("1"))
        let seconds = Array("大小美明華文志")
        var durations: [UInt64] = []
        for _ in 0..<samples {
            let first = Character(singles.randomElement(using: &random) ?? "王")
            let second = seconds.randomElement(using: &random) ?? "大"
            for key in [Key.character(first), .character(second), .control("u")] {
                let start = DispatchTime.now().uptimeNanoseconds
                lookup.handle(key)
                _ = lookup.render(rows: 24, columns: 80)
                durations.append(DispatchTime.now().uptimeNanoseconds - start)
            }
        }
        timings["keypress search→grid"] = Self.timing(durations)

        let signIn = Shell(environment: environment)
        try renderTime("sign-in", signIn)
        let menu = try signedIn()
        try renderTime("main menu", menu)
        menu.handle(.function(1))
        try renderTime("help (F1)", menu)
        lookup.handle(.character("王"))
        try renderTime("customer lookup", lookup)
        lookup.handle(.enter)
        try renderTime("customer detail", lookup)
        lookup.handle(.function(4))
        try renderTime("customer form", lookup)

        let entry = try signedIn()
        entry.handle(.character("2"))
        for key in Self.keys("C000123") + [.enter] + Self.keys("P001") + [.enter, .character("2"), .tab]
            + Self.keys("P101") + [.enter]
        {
            entry.handle(key)
        }
        try renderTime("order entry", entry)
        timings["keypress quantity→grid"] = try time(samples) {
            entry.handle(.character("3"))
            _ = entry.render(rows: 24, columns: 80)
            entry.handle(.backspace)
        }
        entry.handle(.function(3))
        try renderTime("product picker", entry)

        let list = try signedIn()
        list.handle(.character("3"))
        try renderTime("order list", list)
        list.handle(.enter)
        list.handle(.enter)
        try renderTime("order detail", list)

        let credit = try signedIn()
        credit.handle(.character("4"))
        for key in Self.keys("C000123") + [.enter] + Self.keys("5000") { credit.handle(key) }
        try renderTime("credit check", credit)
        return timings
    }

    /// Wall time from starting `luckygas` in a fresh 80x24 tmux terminal to the sign-in screen
    /// being on it (includes tmux's own start; polled every 2 ms). Nil without tmux.
    func measureStartup(databasePath: String, runs: Int = 10) -> [Double]? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") else { return nil }
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        var results: [Double] = []
        for run in 0..<runs {
            let socket = "luckygas-bench-\(ProcessInfo.processInfo.processIdentifier)-\(run)"
            func tmux(_ arguments: [String], capture: Bool = true) -> String {
                Self.spawn(["/usr/bin/tmux", "-L", socket, "-f", "/dev/null"] + arguments, capture: capture)
            }
            let start = DispatchTime.now().uptimeNanoseconds
            _ = tmux(
                [
                    "new-session", "-d", "-s", "bench", "-x", "80", "-y", "24",
                    "TERM=tmux-256color '\(binary)' --db '\(databasePath)' 2>/dev/null; sleep 5",
                ], capture: false)
            var seen = false
            for _ in 0..<2_500 where !seen {
                if tmux(["capture-pane", "-p", "-t", "bench"]).contains("F2") {
                    seen = true
                } else {
                    usleep(2_000)
                }
            }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
            _ = tmux(["kill-server"], capture: false)
            if seen { results.append(elapsed) }
        }
        return results.sorted()
    }

    /// Runs a program and waits for it with posix_spawn/waitpid, output to a file. Foundation's
    /// Process never reaped the tmux client (it stayed <defunct> and `waitUntilExit` hung), and a
    /// pipe would be held open by the tmux server it starts.
    static func spawn(_ arguments: [String], capture: Bool) -> String {
        let outFile = NSTemporaryDirectory() + "luckygas-spawn-\(getpid()).out"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(
            &actions, 1, capture ? outFile : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let environment = ["LANG=C.UTF-8", "LC_ALL=C.UTF-8", "PATH=/usr/bin:/bin", "HOME=/tmp"]
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp) == 0 else { return "" }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        guard capture else { return "" }
        defer { unlink(outFile) }
        return (try? String(contentsOfFile: outFile, encoding: .utf8)) ?? ""
    }

    static func keys(_ text: String) -> [Key] { text.map { Key.character($0) } }

    static func timing(_ nanoseconds: [UInt64]) -> Timing {
        let sorted = nanoseconds.sorted()
        func percentile(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            return Double(sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]) / 1000
        }
        return Timing(count: sorted.count, p50Microseconds: percentile(0.50), p99Microseconds: percentile(0.99))
    }
}

/// Why the benchmark could not run.
enum BenchError: Error, OperatorFacingError {
    case signInFailed

    var operatorMessage: OperatorMessage {
        OperatorMessage(zh: "量測用的 counter 帳號無法登入", en: "The benchmark's counter user could not sign in")
    }
}
