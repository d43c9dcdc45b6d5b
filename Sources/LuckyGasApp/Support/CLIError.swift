import LuckyGasCore

/// Errors of the command line itself (arguments, files, prompts), apart from store errors.
enum CLIError: OperatorFacingError {
    case passwordUnavailable(user: String, variable: String)
    case shippedFileNotFound(String, searched: [String])
    case alreadyExists(String)
    case badItem(String)
    case checkFailed
    case fileError(path: String, detail: String)
    case sampleIsReadOnly
    case noTerminal(term: String)
    case badAllowanceLine(String)
    case proofNotPrinted(String, String)
    case conflictingOptions(String, String)
    case missingOption(String)
    case badAllocation(String)
    case jsonNotSupported(String)
    case usage(english: String)
    case unprintableArgument(String)

    /// The command line itself was wrong (exit 2, JSON code `USAGE`).
    var isUsage: Bool {
        switch self {
        case .usage, .jsonNotSupported, .unprintableArgument, .badItem, .badAllowanceLine, .badAllocation,
            .conflictingOptions, .missingOption:
            true
        default: false
        }
    }

    var operatorMessage: OperatorMessage {
        switch self {
        case .passwordUnavailable(let user, let variable):
            OperatorMessage(
                zh: "需要 \(user) 的密碼：請設定環境變數 \(variable) 或在終端機輸入",
                en: "The password of \(user) is needed: set \(variable) or run in a terminal to be prompted")
        case .shippedFileNotFound(let name, let searched):
            OperatorMessage(
                zh: "找不到 \(name)（已找：\(searched.joined(separator: ", "))；可設定 LUCKYGAS_HOME 為程式目錄）",
                en:
                    "Cannot find \(name) (looked in: \(searched.joined(separator: ", ")); set LUCKYGAS_HOME to the program folder)"
            )
        case .alreadyExists(let path):
            OperatorMessage(zh: "\(path) 已存在；加上 --force 才會覆蓋", en: "\(path) already exists; add --force to replace it")
        case .badItem(let text):
            OperatorMessage(
                zh: "品項格式錯誤：\(text)（應為 產品代號=數量，例如 P001=2）",
                en: "Invalid item: \(text) (CODE=QTY, e.g. P001=2)")
        case .badAllowanceLine(let text):
            OperatorMessage(
                zh: "折讓行格式錯誤：\(text)（應為 行號=未稅金額，例如 1=500）",
                en: "Invalid allowance line: \(text) (LINE=AMOUNT before tax, e.g. 1=500)")
        case .proofNotPrinted(let number, let buyer):
            OperatorMessage(
                zh: "發票 \(number)（\(buyer)）不列印證明聯（載具、捐贈或已作廢）",
                en: "Invoice \(number) (\(buyer)) has no printed proof (carrier, donation or cancelled)")
        case .checkFailed:
            OperatorMessage(zh: "資料庫檢查未通過", en: "The database check failed")
        case .sampleIsReadOnly:
            OperatorMessage(
                zh: "範例資料庫不可直接開啟；請用 luckygas db init --sample --db 檔名 複製一份",
                en: "The sample database is never opened in place; copy it with luckygas db init --sample --db FILE")
        case .noTerminal(let term):
            OperatorMessage(
                zh: "無法開啟終端畫面（TERM=\(term)）：請在終端機（ssh、tmux）中執行，或使用子指令，例如 luckygas --help",
                en:
                    "Cannot open the terminal screens (TERM=\(term)): run it in a terminal (ssh, tmux) or use a subcommand, see luckygas --help"
            )
        case .conflictingOptions(let first, let second):
            OperatorMessage(zh: "\(first) 與 \(second) 不可同時使用", en: "Use either \(first) or \(second), not both")
        case .missingOption(let option):
            OperatorMessage(zh: "缺少選項 \(option)", en: "Missing option \(option)")
        case .badAllocation(let text):
            OperatorMessage(
                zh: "沖銷格式錯誤：\(text)（應為 發票號碼=金額，例如 AB12345678=1000）",
                en: "Invalid allocation: \(text) (INVOICE=AMOUNT, e.g. AB12345678=1000)")
        case .jsonNotSupported(let command):
            OperatorMessage(
                zh: "\(command) 不支援 --json（輸出為檔案格式文字）",
                en: "\(command) does not support --json (it writes file-format text)")
        case .usage(let english): CommandLineText.translate(english)
        case .unprintableArgument(let text):
            OperatorMessage(
                zh: "參數含有控制字元（如 ESC、換行）：\(FreeText.printable(text))；請只輸入可列印文字",
                en:
                    "An argument holds a control character (ESC, newline...): \(FreeText.printable(text)); use printable text only"
            )
        case .fileError(let path, let detail):
            OperatorMessage(zh: "檔案錯誤 \(path)：\(detail)", en: "File error \(path): \(detail)")
        }
    }
}
