import ArgumentParser
import Foundation
import LuckyGasStore

/// `luckygas db init|check`.
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", abstract: "建立與檢查資料庫 / Create and check the branch database.",
        subcommands: [Init.self, Check.self, Migrate.self])

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "建立分店資料庫 / Create a branch database (a new branch with an admin user, or a demo copy of the sample).",
            discussion: """
                新分店：luckygas db init --db 檔案 --code TPE02 --name 台北大安門市（管理員 admin 的密碼取自 LUCKYGAS_PASSWORD 或提示輸入）。
                示範：luckygas db init --db 檔案 --sample（範例資料，標記為示範，不同步至總公司）。
                A new branch: --code and --name (asked when missing on a terminal); admin's password from LUCKYGAS_PASSWORD or a prompt.
                A demo: --sample copies the sample, marked as demo data, with its own device id.
                """)

        @OptionGroup var global: GlobalOptions
        @Flag(help: "複製範例資料庫（示範用）/ A demo copy of the bundled sample database.") var sample = false
        @Option(help: "分店代號 / Branch code, 2-10 capital letters or digits (TPE02).") var code: String?
        @Option(help: "分店名稱 / Branch name (台北大安門市).") var name: String?
        @Flag(help: "覆蓋既有檔案（需管理員 --user）/ Replace an existing file (an administrator's --user).")
        var force = false
        @Option(help: "以 --force 覆蓋分店資料庫時的管理員帳號 / The administrator who replaces a branch file with --force.")
        var user: String?
        @Flag(help: "群組可讀（預設僅擁有者）/ Let the file's group read it (default: owner only, 0600).")
        var groupReadable = false

        func run() throws {
            try perform(global) {
                let manager = FileManager.default
                if sample, code != nil || name != nil { throw CLIError.conflictingOptions("--sample", "--code/--name") }
                if URL(fileURLWithPath: global.db).lastPathComponent == "luckygas.db.sample" {
                    throw CLIError.sampleIsReadOnly
                }
                let exists = manager.fileExists(atPath: global.db)
                if exists && !force { throw CLIError.alreadyExists(global.db) }
                // Everything that can be refused is asked and checked before an existing file is
                // touched, and the new file is made beside it and moved over it only when complete:
                // a refusal never leaves a branch without its books.
                var branch: (code: String, name: String)?
                var password = ""
                if !sample {
                    branch = try BranchIdentity.checked(
                        code: code ?? Self.ask("分店代號 branch code (TPE02)", option: "--code"),
                        name: name ?? Self.ask("分店名稱 branch name", option: "--name"))
                    password = try Credentials.password(for: "admin")
                    guard password.count >= AppDatabase.minimumPasswordLength else {
                        throw StoreError.passwordTooShort(minimum: AppDatabase.minimumPasswordLength)
                    }
                }
                if exists { try Self.authorizeReplacing(global.db, user: user) }
                let staging = global.db + ".init-\(getpid())"
                defer { for suffix in ["", "-wal", "-shm"] { try? manager.removeItem(atPath: staging + suffix) } }
                try Self.build(at: staging, branch: branch, password: password, groupReadable: groupReadable)
                if exists {
                    for suffix in ["-wal", "-shm", ""] { try? manager.removeItem(atPath: global.db + suffix) }
                }
                do { try manager.moveItem(atPath: staging, toPath: global.db) } catch {
                    throw CLIError.fileError(path: global.db, detail: error.localizedDescription)
                }
                let database = try AppDatabase.open(path: global.db)
                ExportFile.restrictDatabase(global.db, groupReadable: groupReadable)
                let check = try database.check()
                let made = try database.branchIdentity()
                global.output.emit(DatabaseInitJSON(file: global.db, branch: made, check: check)) {
                    [
                        "已建立 \(global.db)（\(check.latestMigration)）/ Created \(global.db) at \(check.latestMigration)",
                        "分店 branch \(made.code) \(made.name)\(made.isDemo ? "（示範資料 demo data）" : "")",
                        "裝置 device \(made.deviceID) epoch \(made.deviceEpoch)",
                    ]
                }
            }
        }

        /// Makes the new file at `path`: a real branch (`branch` and the admin's `password`) or,
        /// without a branch, a demo copy of the sample with its own device id. The store is
        /// closed (its WAL folded in) before the file is moved into place.
        static func build(
            at path: String, branch: (code: String, name: String)?, password: String, groupReadable: Bool
        ) throws {
            let database: AppDatabase
            if let branch {
                database = try AppDatabase.open(path: path, create: true)
                try database.establishBranch(code: branch.code, name: branch.name, demo: false)
                try database.bootstrapAdministrator(password: password)
            } else {
                let shipped = try ShippedFiles.find("luckygas.db.sample")
                do { try FileManager.default.copyItem(atPath: shipped, toPath: path) } catch {
                    throw CLIError.fileError(path: path, detail: error.localizedDescription)
                }
                ExportFile.restrictDatabase(path, groupReadable: groupReadable)
                database = try AppDatabase.open(path: path)
                // Each demo copy is its own device; it keeps the sample's branch and stays a demo.
                let sampleBranch = try database.branchIdentity()
                try database.establishBranch(code: sampleBranch.code, name: sampleBranch.name, demo: true)
            }
            try database.checkpoint()
        }

        /// Asks for a value on a terminal; without one, the option is required.
        static func ask(_ label: String, option: String) throws -> String {
            guard isatty(STDIN_FILENO) == 1 else { throw CLIError.missingOption(option) }
            FileHandle.standardError.write(Data("\(label): ".utf8))
            guard let line = readLine(strippingNewline: true), !line.trimmingSpaces.isEmpty else {
                throw CLIError.missingOption(option)
            }
            return line
        }

        /// Replacing a branch file destroys its books: only an administrator of that file may.
        /// A file that is not a branch database (or not readable as one), or has no users yet, is
        /// replaced as asked. The file is opened read-only: nothing is migrated or counted.
        static func authorizeReplacing(_ path: String, user: String?) throws {
            let existing: AppDatabase
            do { existing = try AppDatabase.open(path: path, readOnly: true) } catch StoreError.notABranchDatabase {
                return
            } catch StoreError.damagedDatabase {
                return  // not readable as a database at all: there is no administrator to ask
            }
            guard try existing.hasUsers() else { return }
            guard let user else { throw CLIError.missingOption("--user（管理員 administrator）") }
            let session = try existing.authenticate(name: user, password: Credentials.password(for: user))
            try session.require(.administer)
        }

    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "檢查完整性、版本與稽核鏈 / Check integrity, schema version and the audit chain.")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try perform(global) {
                let database = try global.open()
                var check = try database.check()
                // The sync identity is checked too: a missing or unreadable one fails the check.
                var branch: BranchIdentity?
                do { branch = try database.branchIdentity() } catch {
                    check.failedChecks.append("branch identity: \(ErrorJSON(error).error.en)")
                }
                let identity: [String] =
                    branch.map { ["分店 branch \($0.code) \($0.name)  裝置 device \($0.deviceID) epoch \($0.deviceEpoch)"] }
                    ?? []
                global.output.emit(DatabaseCheckJSON(check, branch: branch)) {
                    [
                        "完整性 integrity: \(check.integrityOK ? "ok" : check.integrityMessages.joined(separator: "; "))",
                        "外鍵 foreign keys: \(check.foreignKeyViolations == 0 ? "ok" : "\(check.foreignKeyViolations) violations")",
                        "版本 schema: \(check.appliedMigrations.last ?? "-") (latest \(check.latestMigration))"
                            + (check.schemaCurrent ? " ok" : " OUTDATED"),
                        "稽核鏈 audit chain: \(check.auditEntries) entries, "
                            + (check.auditBrokenAt.map { "BROKEN at entry \($0)" } ?? "ok"),
                        "總帳 journal: "
                            + (check.journalBalanced ? "balanced" : check.journalMessages.joined(separator: "; ")),
                        "待同步 pending sync: \(check.pendingOutbox)",
                    ] + identity + check.failedChecks.map { "未通過 FAILED \($0)" }
                }
                // With --json the check itself is the answer: one JSON object, exit 1.
                if !check.ok { throw global.json ? ExitCode.failure : CLIError.checkFailed }
            }
        }
    }

    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "升級資料庫結構 / Bring the schema up to this program's version (after an upgrade).",
            discussion:
                "一般查詢從不寫入檔案；只有此指令、db init 或第一次寫入會升級。 / Reads never write; only this, db init or a write migrates."
        )

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try perform(global) {
                let schema = try global.open().schemaVersion()
                global.output.emit(SchemaJSON(schema: schema.applied, latest: schema.latest)) {
                    ["資料庫版本 schema: \(schema.applied ?? "-")（最新 latest \(schema.latest)）"]
                }
            }
        }
    }
}
