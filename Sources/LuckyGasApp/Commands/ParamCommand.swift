import ArgumentParser
import LuckyGasCore
import LuckyGasStore

/// `luckygas param`: the branch's parameters (administrator; issue 13).
struct ParamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "param", abstract: "分店參數（管理員）/ Branch parameters (administrator).",
        subcommands: [List.self, Show.self, Set.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "參數列表 / List the parameters.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions

        func run() throws {
            try perform(global) {
                let database = try global.open()
                _ = try user.session(database, for: .administer)
                let parameters = try database.parameters()
                global.output.emit(parameters.map(ParameterJSON.init)) {
                    parameters.map { "\(pad($0.key, 38)) \(pad($0.value, 16)) \($0.description)" }
                }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "參數值 / Show one parameter.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Argument(help: "參數名稱 / Key.") var key: String

        func run() throws {
            try perform(global) {
                let database = try global.open()
                _ = try user.session(database, for: .administer)
                let parameter = try ParamCommand.find(database, key)
                global.output.emit(ParameterJSON(parameter)) {
                    ["\(parameter.key) = \(parameter.value)", parameter.description]
                }
            }
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "變更參數（需原因）/ Change a parameter, with a reason.",
            discussion: "值不符格式時拒絕，不會儲存。 / A value that does not parse is refused and nothing is saved.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var user: UserOptions
        @Argument(help: "參數名稱 / Key.") var key: String
        @Argument(help: "新值 / New value.") var value: String
        @Option(help: "原因 / Reason.") var reason: String

        func run() throws {
            try perform(global) {
                let database = try global.open()
                let session = try user.session(database, for: .administer)
                try database.changeParameter(key, value: value, reason: reason, by: session)
                let parameter = try ParamCommand.find(database, key)
                global.output.emit(ParameterJSON(parameter)) {
                    ["已變更 \(parameter.key) = \(parameter.value) / Changed \(parameter.key) to \(parameter.value)"]
                }
            }
        }
    }

    static func find(_ database: AppDatabase, _ key: String) throws -> ParameterRecord {
        let parameters = try database.parameters()
        guard let found = parameters.first(where: { $0.key == key }) else {
            throw StoreError.invalid(.unknownValue(field: "參數 parameter", value: key, allowed: parameters.map(\.key)))
        }
        return found
    }
}
