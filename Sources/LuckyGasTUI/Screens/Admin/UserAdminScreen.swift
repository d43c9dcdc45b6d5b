import LuckyGasCore
import LuckyGasStore
import LuckyGasTerminal

/// The administrator's users (使用者管理): every user with role, state, last sign-in, wrong
/// passwords and lock. F2 adds a user, F3 resets a password, F4 gives another role, F5 disables or
/// enables, F6 lifts a lock. Only the keys that work on the selected row are offered: nobody
/// changes their own role or disables themselves here, and F6 shows only for a locked user. The
/// store enforces the same rules (the last active administrator stays), audits every change and
/// queues it for central.
struct UserAdminScreen: Screen {
    static let addTag = "user.add"
    static let resetTag = "user.reset"
    static let roleTag = "user.role"
    static let activeTag = "user.active"
    static let unlockTag = "user.unlock"

    private var users: [UserSummary] = []
    private var table = TableView(columns: [], filters: true)
    /// The user a dialog is about.
    private var target: String?
    /// A user just added, to select once the table shows it.
    private var added: String?

    var title: OperatorMessage { tr("使用者管理", "Users") }
    var functionKeys: [Int: OperatorMessage] {
        [
            2: tr("新增", "Add"), 3: tr("重設密碼", "Reset pw"), 4: tr("角色", "Role"), 5: tr("停用", "Disable"),
            6: tr("解鎖", "Unlock"),
        ]
    }

    func offeredKeys(context: AppContext) -> [Int: OperatorMessage] {
        guard context.may(.administer) else { return [:] }
        var keys: [Int: OperatorMessage] = [2: tr("新增", "Add")]
        guard let user = selected else { return keys }
        let own = user.name == context.user?.name
        keys[3] = own ? tr("變更密碼", "Change pw") : tr("重設密碼", "Reset pw")
        if !own {
            keys[4] = tr("角色", "Role")
            keys[5] = user.active ? tr("停用", "Disable") : tr("啟用", "Enable")
        }
        if isLocked(user, context) || user.failedAttempts > 0 { keys[6] = tr("解鎖", "Unlock") }
        return keys
    }

    var help: [KeyHelp] {
        [
            KeyHelp(keys: "↑ ↓", meaning: tr("選擇使用者（輸入文字即篩選）", "choose a user (typing filters)")),
            KeyHelp(
                keys: "規則 Rules",
                meaning: tr(
                    "密碼至少 8 字；新增或重設的密碼須於下次登入時變更；最後一位管理員不可停用或改角色",
                    "8+ character passwords, changed at the next sign-in after an add or reset; the last administrator stays"
                )),
            KeyHelp(keys: "Esc", meaning: tr("返回", "back")),
        ]
    }

    private var selected: UserSummary? {
        guard let row = table.selectedRow, users.indices.contains(row) else { return nil }
        return users[row]
    }

    private func isLocked(_ user: UserSummary, _ context: AppContext) -> Bool {
        user.lockedUntil.map { $0 > context.database.clock.now() } ?? false
    }

    mutating func refresh(context: AppContext) {
        do {
            users = try context.database.users()
        } catch {
            users = []
            context.fail(error)
        }
        table.setRows(rows(context))
    }

    private func rows(_ context: AppContext) -> [[String]] {
        users.map { user in
            [
                user.name, user.displayName, context.t(user.role.chinese, Labels.english(user.role.rawValue)),
                context.text(state(user, context)), user.lastSignIn?.short ?? context.t("未曾登入", "never"),
                user.failedAttempts > 0 ? "\(user.failedAttempts)" : "",
                isLocked(user, context)
                    ? (user.lockedUntil.map { "\($0.date.month)/\($0.date.day) \($0.short.suffix(5))" } ?? "") : "",
            ]
        }
    }

    private func state(_ user: UserSummary, _ context: AppContext) -> OperatorMessage {
        if !user.active { return tr("停用", "Disabled") }
        if isLocked(user, context) { return tr("鎖定", "Locked") }
        if user.mustChangePassword { return tr("待改密碼", "Must chg") }
        if user.demoPassword { return tr("示範密碼", "Demo pw") }
        return tr("啟用", "Active")
    }

    mutating func handle(_ key: Key, context: AppContext) -> Navigation {
        if case .function(let number) = key, (2...6).contains(number) {
            guard context.may(.administer) else { return context.denied(.administer) }
            if number == 2 { return addDialog(context, values: nil, problem: nil) }
            guard let user = selected else {
                context.say(tr("請先選擇使用者", "Choose a user first"), .warning)
                return .stay
            }
            guard offeredKeys(context: context)[number] != nil else {
                context.say(refusal(number, user, context), .warning)
                return .stay
            }
            target = user.name
            switch number {
            case 3:
                if user.name == context.user?.name { return .push(PasswordChangeScreen(.chosen)) }
                return resetDialog(user, context, problem: nil)
            case 4: return roleDialog(user, context, problem: nil)
            case 5: return activeDialog(user, context)
            default: return unlockDialog(user, context)
            }
        }
        switch key {
        case .escape where !table.filter.text.isEmpty: table.setFilter("")
        case .escape: return .pop(nil)
        default: _ = table.handle(key)
        }
        return .stay
    }

    /// Why a key is not offered on this row.
    private func refusal(_ number: Int, _ user: UserSummary, _ context: AppContext) -> OperatorMessage {
        switch number {
        case 4: tr("不能變更自己的角色，請由另一位管理員變更", "You cannot change your own role: another administrator must")
        case 5: tr("不能停用自己；請由另一位管理員停用", "You cannot disable yourself: another administrator must")
        default:
            OperatorMessage(
                zh: "\(user.name) 沒有被鎖定，也沒有密碼錯誤紀錄，不需解鎖", en: "\(user.name) is not locked and has no wrong passwords")
        }
    }

    private func roleOptions(_ context: AppContext) -> [String] {
        Role.allCases.map { context.t($0.chinese, Labels.english($0.rawValue)) }
    }

    private func addDialog(_ context: AppContext, values: [String]?, problem: String?) -> Navigation {
        var role = InputField(
            .choice(roleOptions(context)), label: context.t("角色", "Role"), width: 12, row: 2, labelWidth: 12)
        role.set(values?[2] ?? roleOptions(context)[0])
        var form = Form([
            InputField(
                .text, label: context.t("帳號", "User name"), text: values?[0] ?? "", width: 16, row: 0, labelWidth: 12,
                maxLength: 32),
            InputField(
                .text, label: context.t("姓名", "Name"), text: values?[1] ?? "", width: 16, row: 1, labelWidth: 12,
                maxLength: 40),
            role,
            InputField(.secret, label: context.t("密碼", "Password"), width: 16, row: 3, labelWidth: 12, maxLength: 64),
            InputField(
                .secret, label: context.t("再輸入一次", "Once more"), width: 16, row: 4, labelWidth: 12, maxLength: 64),
        ])
        if values != nil { form.focus(on: 3) }
        var box = Dialog(
            .form(form), title: context.t("新增使用者", "Add a user"),
            lines: [
                context.t(
                    "帳號用小寫英數字；密碼至少 8 字，首次登入時須變更；角色以 ← → 選擇",
                    "User names: a-z 0-9 . _; the password (8+) is changed at the first sign-in; ← → picks the role")
            ],
            hint: context.t("Enter 新增   Esc 取消", "Enter add   Esc cancel"))
        box.problem = problem
        return .dialog(box, tag: Self.addTag)
    }

    private func resetDialog(_ user: UserSummary, _ context: AppContext, problem: String?) -> Navigation {
        let form = Form([
            InputField(
                .secret, label: context.t("新密碼", "New password"), width: 16, row: 0, labelWidth: 12, maxLength: 64),
            InputField(
                .secret, label: context.t("再輸入一次", "Once more"), width: 16, row: 1, labelWidth: 12, maxLength: 64),
        ])
        var box = Dialog(
            .form(form), title: context.t("重設密碼 ", "Reset the password of ") + "\(user.name) \(user.displayName)",
            lines: [
                context.t(
                    "解除鎖定；\(user.name) 下次登入時須變更此密碼", "Lifts any lock; \(user.name) must change it at the next sign-in")
            ],
            hint: context.t("Enter 重設   Esc 取消", "Enter reset   Esc cancel"))
        box.problem = problem
        return .dialog(box, tag: Self.resetTag)
    }

    private func roleDialog(_ user: UserSummary, _ context: AppContext, problem: String?) -> Navigation {
        var role = InputField(
            .choice(roleOptions(context)), label: context.t("新角色", "New role"), width: 12, row: 0, labelWidth: 12)
        role.choose(Role.allCases.firstIndex(of: user.role) ?? 0)
        var box = Dialog(
            .form(Form([role])), title: context.t("變更角色 ", "Role of ") + "\(user.name) \(user.displayName)",
            lines: [
                context.t("目前：", "Now: ") + context.t(user.role.chinese, Labels.english(user.role.rawValue))
                    + context.t("；以 ← → 選擇", "; ← → to choose")
            ],
            hint: context.t("Enter 變更   Esc 取消", "Enter change   Esc cancel"))
        box.problem = problem
        return .dialog(box, tag: Self.roleTag)
    }

    private func activeDialog(_ user: UserSummary, _ context: AppContext) -> Navigation {
        let title =
            user.active
            ? context.t("停用 \(user.name) \(user.displayName)？", "Disable \(user.name) \(user.displayName)?")
            : context.t("啟用 \(user.name) \(user.displayName)？", "Enable \(user.name) \(user.displayName)?")
        let line =
            user.active
            ? context.t("停用後無法登入，紀錄保留；可再啟用", "They can no longer sign in; their records stay; enable again any time")
            : context.t("啟用後可再登入", "They can sign in again")
        return .dialog(
            Dialog(
                .confirm(defaultYes: false), title: title, lines: [line],
                hint: context.t("Y 確定   N 取消", "Y yes   N no")), tag: Self.activeTag)
    }

    private func unlockDialog(_ user: UserSummary, _ context: AppContext) -> Navigation {
        .dialog(
            Dialog(
                .confirm(defaultYes: true), title: context.t("解除 \(user.name) 的鎖定？", "Unlock \(user.name)?"),
                lines: [context.t("清除密碼錯誤次數 \(user.failedAttempts)", "Clears \(user.failedAttempts) wrong passwords")],
                hint: context.t("Y 解鎖   N 取消", "Y unlock   N no")), tag: Self.unlockTag)
    }

    mutating func dialogFinished(tag: String, outcome: Dialog.Outcome, context: AppContext) -> Navigation {
        guard let session = context.user else { return .stay }
        let database = context.database
        if tag == Self.addTag {
            guard case .submitted(let values) = outcome, values.count == 5 else { return .stay }
            guard values[3] == values[4] else {
                return addDialog(
                    context, values: values,
                    problem: context.t("兩次輸入的密碼不同，請再輸入", "The two passwords differ: type them again"))
            }
            let role = Role.allCases[roleOptions(context).firstIndex(of: values[2]) ?? 0]
            do {
                try database.addUser(
                    name: values[0], displayName: values[1], role: role, password: values[3], by: session)
                let name = values[0].trimmingSpaces.lowercased()
                added = name
                context.say(
                    OperatorMessage(
                        zh: "已新增 \(name)；首次登入時須變更密碼", en: "Added \(name); they change the password at the first sign-in"
                    ),
                    .success)
            } catch {
                return addDialog(context, values: values, problem: context.text(AppContext.message(for: error)))
            }
            return .stay
        }
        guard let name = target, let user = users.first(where: { $0.name == name }) else { return .stay }
        do {
            switch (tag, outcome) {
            case (Self.resetTag, .submitted(let values)):
                guard values.count == 2, values[0] == values[1] else {
                    return resetDialog(
                        user, context, problem: context.t("兩次輸入的密碼不同，請再輸入", "The two passwords differ: type them again")
                    )
                }
                do { try database.resetPassword(of: name, to: values[0], by: session) } catch {
                    return resetDialog(user, context, problem: context.text(AppContext.message(for: error)))
                }
                context.say(
                    OperatorMessage(
                        zh: "已重設 \(name) 的密碼；下次登入時須變更",
                        en: "Password of \(name) reset; they change it at the next sign-in"),
                    .success)
            case (Self.roleTag, .submitted(let values)):
                let role = Role.allCases[roleOptions(context).firstIndex(of: values.first ?? "") ?? 0]
                guard role != user.role else {
                    context.say(
                        OperatorMessage(zh: "\(name) 的角色未變更", en: "The role of \(name) is unchanged"), .info)
                    return .stay
                }
                do { try database.setRole(of: name, to: role, by: session) } catch {
                    return roleDialog(user, context, problem: context.text(AppContext.message(for: error)))
                }
                context.say(
                    OperatorMessage(
                        zh: "\(name) 的角色改為\(role.chinese)", en: "\(name) is now \(Labels.english(role.rawValue))"),
                    .success)
            case (Self.activeTag, .confirmed):
                try database.setActive(name, !user.active, by: session)
                context.say(
                    user.active
                        ? OperatorMessage(zh: "已停用 \(name)", en: "\(name) disabled")
                        : OperatorMessage(zh: "已啟用 \(name)", en: "\(name) enabled"), .success)
            case (Self.unlockTag, .confirmed):
                try database.unlockUser(name, by: session)
                context.say(OperatorMessage(zh: "已解除 \(name) 的鎖定", en: "\(name) unlocked"), .success)
            default:
                return .stay
            }
        } catch {
            context.fail(error)
        }
        return .stay
    }

    mutating func render(into grid: inout Grid, area: Area, context: AppContext) {
        let theme = context.theme
        let active = users.filter(\.active).count
        if table.filter.text.isEmpty {
            grid.put(
                context.t("使用者 \(users.count) 位（啟用 \(active)）", "\(users.count) users (\(active) active)"),
                row: area.top + 1, column: 2, style: theme.text)
        } else {
            grid.put(
                context.t("篩選：", "Filter: ") + table.filter.text + "  \(table.position)"
                    + context.t("（Esc 清除）", " (Esc clears)"), row: area.top + 1, column: 2, style: theme.dim)
        }
        table.columns = [
            .init(context.t("帳號", "User"), width: 10, identifier: true), .init(context.t("姓名", "Name"), width: 0),
            .init(context.t("角色", "Role"), width: 10), .init(context.t("狀態", "State"), width: 8),
            .init(context.t("最後登入", "Last sign-in"), width: 16),
            .init(context.t("錯誤", "Wrong"), width: 5, alignRight: true),
            .init(context.t("鎖定至", "Locked to"), width: 11),
        ]
        table.setRows(rows(context))
        if let added, let row = users.firstIndex(where: { $0.name == added }) {
            table.select(row: row)
            self.added = nil
        }
        table.render(
            into: &grid, top: area.top + 2, left: 1, width: area.columns - 2, height: area.rows - 3, theme: theme)
    }
}
