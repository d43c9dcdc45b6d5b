import ArgumentParser
import Foundation
import LuckyGasCore
import LuckyGasStore

/// `luckygas user`: the administrator's users (issue 13). A new password comes from
/// `LUCKYGAS_NEW_PASSWORD` or a prompt; the acting user's own from `LUCKYGAS_PASSWORD`.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "使用者帳號（管理員）/ Users (administrator).",
        subcommands: [List.self, Add.self, Passwd.self, SetRole.self, Disable.self, Enable.self, Unlock.self])

    /// The new password of `name`: `LUCKYGAS_NEW_PASSWORD` or a prompt.
    static func newPassword(for name: String) throws -> String {
        try Credentials.password(for: "\(name)（新密碼 new）", variable: "LUCKYGAS_NEW_PASSWORD")
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "帳號列表 / List users.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions

        func run() throws {
            try perform(global) {
                let database = try global.open()
                _ = try user.session(database, for: .administer)
                let users = try database.users()
                global.output.emit(users.map(UserJSON.init)) {
                    users.map {
                        "\(pad($0.name, 12)) \(pad($0.displayName, 12)) \(pad($0.role.chinese, 6)) \(pad($0.role.rawValue, 10)) "
                            + ($0.active ? "啟用 active" : "停用 disabled")
                            + ($0.failedAttempts > 0 ? "  錯誤 failed \($0.failedAttempts)" : "")
                            + ($0.lockedUntil.map { "  鎖定至 locked until \($0.short)" } ?? "")
                            + ($0.lastSignIn.map { "  最後登入 last sign-in \($0.short)" } ?? "  未曾登入 never signed in")
                            + ($0.mustChangePassword ? "  須變更密碼 must change password" : "")
                            + ($0.demoPassword ? "  示範密碼 demo password" : "")
                    }
                }
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "新增帳號（密碼至少 8 字）/ Add a user (password of at least 8 characters).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Argument(help: "帳號 / User name (a-z 0-9 . _).") var name: String
        @Option(help: "counter|accountant|dispatcher|supervisor|admin") var role: String
        @Option(name: .customLong("display-name"), help: "顯示名稱 / Name shown on screens.") var displayName: String

        func run() throws {
            try perform(global) {
                let chosen: Role = try parsed { try parseChoice(role, field: "role") }
                let database = try global.open()
                let session = try user.session(database, for: .administer)
                try database.addUser(
                    name: name, displayName: displayName, role: chosen,
                    password: UserCommand.newPassword(for: name), by: session)
                try UserCommand.show(database, name.trimmingSpaces.lowercased(), global) {
                    "已新增帳號 \($0) / Added user \($0)"
                }
            }
        }
    }

    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "passwd",
            abstract: "重設或變更密碼 / Reset a user's password (admin), or change your own (your old one).",
            discussion:
                "NAME 為自己時需舊密碼（LUCKYGAS_PASSWORD），新密碼取自 LUCKYGAS_NEW_PASSWORD。 / For yourself the old password (LUCKYGAS_PASSWORD) is checked; the new one comes from LUCKYGAS_NEW_PASSWORD."
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Argument(help: "帳號 / User name.") var name: String

        func run() throws {
            try perform(global) {
                let database = try global.open()
                let target = name.trimmingSpaces.lowercased()
                if target == user.user.trimmingSpaces.lowercased() {
                    let old = try Credentials.password(for: user.user)
                    let session = try database.authenticate(name: user.user, password: old)
                    try database.changePassword(of: session, from: old, to: UserCommand.newPassword(for: target))
                } else {
                    let session = try user.session(database, for: .administer)
                    try database.resetPassword(of: target, to: UserCommand.newPassword(for: target), by: session)
                }
                try UserCommand.show(database, target, global) { "已更新 \($0) 的密碼 / Password of \($0) changed" }
            }
        }
    }

    struct SetRole: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "role", abstract: "變更角色 / Give a user another role (never your own).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Argument(help: "帳號 / User name.") var name: String
        @Argument(help: "counter|accountant|dispatcher|supervisor|admin") var role: String

        func run() throws {
            try perform(global) {
                let chosen: Role = try parsed { try parseChoice(role, field: "role") }
                try UserCommand.change(name, global, user, text: { "\($0) 的角色已變更 / Role of \($0) changed" }) {
                    try $0.setRole(of: $1, to: chosen, by: $2)
                }
            }
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "停用帳號 / Disable a user.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Argument(help: "帳號 / User name.") var name: String

        func run() throws {
            try perform(global) {
                try UserCommand.change(name, global, user, text: { "已停用 \($0) / \($0) disabled" }) {
                    try $0.setActive($1, false, by: $2)
                }
            }
        }
    }

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "啟用帳號 / Enable a user.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Argument(help: "帳號 / User name.") var name: String

        func run() throws {
            try perform(global) {
                try UserCommand.change(name, global, user, text: { "已啟用 \($0) / \($0) enabled" }) {
                    try $0.setActive($1, true, by: $2)
                }
            }
        }
    }

    struct Unlock: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "解除鎖定 / Lift a lock after wrong passwords.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Argument(help: "帳號 / User name.") var name: String

        func run() throws {
            try perform(global) {
                try UserCommand.change(name, global, user, text: { "已解除 \($0) 的鎖定 / \($0) unlocked" }) {
                    try $0.unlockUser($1, by: $2)
                }
            }
        }
    }

    /// An administrator's change of user `name` (inside `perform`): sign in, change, print the
    /// user after it.
    static func change(
        _ name: String, _ global: GlobalOptions, _ user: UserOptions, text: (String) -> String,
        _ body: (AppDatabase, String, UserSession) throws -> Void
    ) throws {
        let database = try global.open()
        let session = try user.session(database, for: .administer)
        let target = name.trimmingSpaces.lowercased()
        try body(database, target, session)
        try show(database, target, global, text: text)
    }

    /// Prints the user after a change.
    static func show(_ database: AppDatabase, _ name: String, _ global: GlobalOptions, text: (String) -> String)
        throws
    {
        guard let summary = try database.users().first(where: { $0.name == name }) else {
            throw StoreError.userNotFound(name)
        }
        global.output.emit(UserJSON(summary)) { [text(name)] }
    }
}
