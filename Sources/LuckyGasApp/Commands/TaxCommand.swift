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
        @OptionGroup var user: UserOptions
        @Option(help: "期別，例 11512 / Period, e.g. 11512.") var period: String
        @Option(help: "輸出檔 / Output file.") var out: String

        func run() throws {
            try perform(global) {
                let value = try parsed { try InvoicePeriod(period) }
                let database = try global.open()
                _ = try user.session(database, for: .reports)
                let (registration, records) = try database.mediaRecords(period: value)
                let text = try VATMediaFile.render(taxRegistrationNumber: registration, records: records)
                try ExportFile.write(Data(text.utf8), to: out, beside: database)
                global.output.emit(MediaFileJSON(file: out, records: records.count)) {
                    ["\(value.label) 共 \(records.count) 筆寫入 \(out) / \(records.count) records written to \(out)"]
                }
            }
        }
    }
}
