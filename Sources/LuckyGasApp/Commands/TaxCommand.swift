import ArgumentParser
import Foundation
import LuckyGasCore
import LuckyGasFormats
import LuckyGasStore

/// `luckygas tax media-file`: the 401 VAT media file of a period.
struct TaxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tax", abstract: "營業稅 / VAT filing.", subcommands: [MediaFile.self])

    struct MediaFile: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "media-file", abstract: "401 媒體申報檔（81 位元組記錄）/ The 401 media file (81-byte records).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "期別，例 11512 / Period, e.g. 11512.") var period: String
        @Option(help: "輸出檔 / Output file.") var out: String

        func run() throws {
            try perform(global) {
                let value = try parsed { try InvoicePeriod(period) }
                let (registration, records) = try global.open().mediaRecords(period: value)
                let text = try VATMediaFile.render(taxRegistrationNumber: registration, records: records)
                do { try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic) } catch {
                    throw CLIError.fileError(path: out, detail: error.localizedDescription)
                }
                global.output.emit(["file": out, "records": "\(records.count)"]) {
                    ["\(value.label) 共 \(records.count) 筆寫入 \(out) / \(records.count) records written to \(out)"]
                }
            }
        }
    }
}
