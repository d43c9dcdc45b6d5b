import ArgumentParser
import LuckyGasStore
import LuckyGasTUI

/// `luckygas`: the terminal UI when run alone, and the scriptable CLI through its subcommands.
struct LuckyGas: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "luckygas",
        abstract: "幸福氣體分店後台 / Lucky Gas branch back office",
        discussion: "不加子指令時開啟終端畫面。 / With no subcommand, opens the terminal UI.",
        subcommands: [
            DatabaseCommand.self, CustomerCommand.self, OrderCommand.self, CreditCommand.self, InvoiceCommand.self,
            EInvoiceCommand.self, TaxCommand.self, LedgerCommand.self, PaymentCommand.self, BankCommand.self,
            SettlementCommand.self, ReportCommand.self, UserCommand.self, ParamCommand.self, SampleCommand.self,
            BenchCommand.self,
        ])

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try perform(global) {
            guard !global.json else { throw CLIError.jsonNotSupported("luckygas（終端畫面 screens）") }
            try TerminalLaunch.run(try global.open())
        }
    }
}

LuckyGas.runCommandLine()
