import ArgumentParser
import Foundation
import LuckyGasCore
import LuckyGasStore

/// `--db` and `--json`, taken by `luckygas` itself and every subcommand.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long, help: "分店資料庫檔案（以 luckygas db init 建立）/ Branch database file (create one with luckygas db init).")
    var db: String = "./luckygas.db"

    @Flag(name: .long, help: "以 JSON 輸出 / Machine-readable JSON output.")
    var json = false

    var output: Output { Output(json: json) }

    /// Opens the branch database. A path that does not exist is refused with the advice to
    /// run `db init` (a mistyped path never becomes a new branch).
    func open(clock: Clock = .system) throws -> AppDatabase {
        // The committed sample must stay byte-identical to its generator's output: never open it in place.
        if URL(fileURLWithPath: db).lastPathComponent == "luckygas.db.sample" { throw CLIError.sampleIsReadOnly }
        return try AppDatabase.open(path: db, clock: clock)
    }
}

/// `--user`, for commands that write.
struct UserOptions: ParsableArguments {
    @Option(
        name: .long, help: "操作人員帳號（密碼取自 LUCKYGAS_PASSWORD 或提示輸入）/ User; password from LUCKYGAS_PASSWORD or a prompt.")
    var user: String

    /// Signs the user in and checks that the role grants one of `permissions`. Every command
    /// calls this right after opening the database, before it reads or writes anything else,
    /// so a refusal leaves no file and no row behind.
    func session(_ database: AppDatabase, for permissions: Permission...) throws -> UserSession {
        let session = try database.authenticate(name: user, password: Credentials.password(for: user))
        // A password an administrator set is changed first (`user passwd` signs in on its own).
        guard !session.mustChangePassword else { throw StoreError.passwordChangeRequired(session.name) }
        guard let first = permissions.first, !permissions.contains(where: session.role.allows) else { return session }
        throw StoreError.notPermitted(user: session.name, role: session.role, permission: first)
    }
}

/// `--override-by` and `--override-reason`: a supervisor's approval, password from
/// `LUCKYGAS_OVERRIDE_PASSWORD` or a prompt.
struct OverrideOptions: ParsableArguments {
    @Option(name: .long, help: "核准主管帳號 / Supervisor who approves an override.")
    var overrideBy: String?

    @Option(name: .long, help: "核准原因 / Reason for the override.")
    var overrideReason: String?

    func approval() throws -> OverrideApproval? {
        guard let overrideBy else { return nil }
        let password = try Credentials.password(for: overrideBy, variable: "LUCKYGAS_OVERRIDE_PASSWORD")
        return OverrideApproval(supervisor: overrideBy, password: password, reason: overrideReason ?? "")
    }
}

/// Runs a command body, turning any error into a bilingual message and a non-zero exit.
func perform(_ options: GlobalOptions, _ body: () throws -> Void) throws {
    do {
        try body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        options.output.report(error)
        if case StoreError.creditRefused = error { throw ExitCode(3) }
        if let error = error as? CLIError, error.isUsage { throw ExitCode(2) }
        throw ExitCode.failure
    }
}

/// Parses a value with Core's validation and reports the bilingual message on failure.
func parsed<T>(_ build: () throws -> T) throws -> T {
    do { return try build() } catch let error as LuckyGasCore.ValidationError { throw StoreError.invalid(error) }
}

/// A `--limit` of rows: at least 1 (SQLite would read a negative LIMIT as "no limit").
func rowLimit(_ limit: Int) throws -> Int {
    guard limit > 0 else { throw StoreError.invalid(.notPositive(field: "--limit", value: Int64(limit))) }
    return limit
}
