import Foundation
import Testing

@testable import LuckyGasTerminal

@Suite("QR code matrix and half-block preview")
struct QRCodeTests {
    /// A Taiwan e-invoice left-code style text with a Chinese item name.
    static let invoiceText =
        "AB112233441020523999900000144000001540000000001234567ajrLaenbGmyWaZBdJk9diw=="
        + ":**********:3:3:1:乾電池:1:105:"
    static let qrencodePath = "/usr/bin/qrencode"

    @Test("A short text gives a version 1 symbol of 21 modules")
    func versionOne() throws {
        let code = try QRCode(text: "LuckyGas")
        #expect(code.size == 21)
        #expect(code.version == 1)
        #expect(!code.isDark(row: -1, column: 0) && !code.isDark(row: 0, column: 21))
    }

    @Test("The three finder patterns sit in the corners", arguments: ["LuckyGas", QRCodeTests.invoiceText])
    func finderPatterns(text: String) throws {
        let code = try QRCode(text: text)
        let last = code.size - 7
        for (top, left) in [(0, 0), (0, last), (last, 0)] {
            for row in -1...7 {
                for column in -1...7 {
                    let ring = max(abs(2 * row - 6), abs(2 * column - 6)) / 2  // 0 centre ... 3 border, 4 separator
                    let expected = ring == 3 || ring <= 1
                    #expect(
                        code.isDark(row: top + row, column: left + column) == expected,
                        "finder at \(top),\(left): module \(row),\(column)")
                }
            }
        }
    }

    @Test("A text with Chinese encodes as UTF-8 bytes")
    func chineseText() throws {
        let code = try QRCode(text: Self.invoiceText)
        #expect(code.size >= 25)
        #expect(code.size == 17 + 4 * code.version)
        let minimum = try QRCode(text: "AB", minimumVersion: 6)
        #expect(minimum.version == 6)
    }

    @Test("Empty, too long and bad version are typed errors")
    func errors() {
        #expect(throws: QRCodeError.emptyText) { try QRCode(text: "") }
        let long = String(repeating: "9", count: 3_000)
        #expect(throws: QRCodeError.textTooLong(bytes: 3_000)) { try QRCode(text: long) }
        #expect(throws: QRCodeError.invalidVersion(41)) { try QRCode(text: "A", minimumVersion: 41) }
        #expect(QRCodeError.textTooLong(bytes: 3_000).description.contains("3000 bytes"))
        #expect((try? QRCode(text: String(repeating: "A", count: 2_953))) != nil)
    }

    @Test("Half-block lines: ceil((size + 2q) / 2) lines, all size + 2q columns", arguments: [0, 1, 2, 4])
    func halfBlockShape(quietZone: Int) throws {
        for text in ["LuckyGas", Self.invoiceText] {
            let code = try QRCode(text: text)
            let side = code.size + 2 * quietZone
            for lightOnDark in [true, false] {
                let lines = code.halfBlockLines(quietZone: quietZone, lightOnDark: lightOnDark)
                #expect(lines.count == (side + 1) / 2)
                for line in lines {
                    #expect(line.count == side)
                    #expect(DisplayWidth.of(line) == side)
                    #expect(line.allSatisfy { "█▀▄ ".contains($0) })
                }
            }
        }
    }

    @Test("Half blocks decode back to the modules, inverted for light-on-dark terminals")
    func halfBlockLogic() throws {
        let code = try QRCode(text: Self.invoiceText)
        let zone = 2
        let side = code.size + 2 * zone
        for lightOnDark in [true, false] {
            let lines = code.halfBlockLines(quietZone: zone, lightOnDark: lightOnDark).map(Array.init)
            for row in 0..<side {
                for column in 0..<side {
                    let glyph = lines[row / 2][column]
                    let ink = row % 2 == 0 ? (glyph == "█" || glyph == "▀") : (glyph == "█" || glyph == "▄")
                    let dark = code.isDark(row: row - zone, column: column - zone)
                    #expect(ink == (lightOnDark ? !dark : dark), "module \(row),\(column)")
                }
            }
        }
        // Odd height: the last line's lower half lies outside the code and is never ink.
        let odd = code.halfBlockLines(quietZone: 0, lightOnDark: true)
        #expect(code.size % 2 == 1)
        #expect(odd.last?.allSatisfy { $0 == "▀" || $0 == " " } == true)
        // The light-on-dark quiet zone is solid blocks.
        #expect(code.halfBlockLines(quietZone: 2, lightOnDark: true).first == String(repeating: "█", count: side))
    }

    @Test("The view draws the whole code or nothing")
    func view() throws {
        let code = try QRCode(text: "LuckyGas")
        let view = QRCodeView(code, quietZone: 2)
        #expect(view.size.rows == 13 && view.size.columns == 25)
        var grid = Grid(rows: 20, columns: 40)
        #expect(QRCodeView.draw(code, into: &grid, row: 1, column: 3))
        let lines = code.halfBlockLines(quietZone: 2)
        for (index, line) in lines.enumerated() {
            #expect(grid.lines[1 + index] == String(repeating: " ", count: 3) + line)
        }
        #expect(grid.lines[0].isEmpty && grid.lines[14].isEmpty)

        let style = CellStyle(foreground: .white, background: .black)
        var small = Grid(rows: 12, columns: 40)
        #expect(!view.render(into: &small, row: 0, column: 0, style: style))
        #expect(small == Grid(rows: 12, columns: 40))
        var narrow = Grid(rows: 20, columns: 40)
        #expect(!view.render(into: &narrow, row: 0, column: 16))
        #expect(!view.render(into: &narrow, row: 0, column: 0, maxWidth: 24))
        #expect(!view.render(into: &narrow, row: 0, column: 0, maxHeight: 12))
        #expect(!view.render(into: &narrow, row: -1, column: 0))
        #expect(narrow == Grid(rows: 20, columns: 40))
        #expect(view.render(into: &narrow, row: 7, column: 15, style: style))
        #expect(narrow[7, 15].style == style && narrow[7, 39].text == "█" && narrow[19, 39].text == "▀")
    }

    @Test(
        "Modules match the qrencode command line (-8 -l L -m 0)",
        .enabled(if: FileManager.default.isExecutableFile(atPath: QRCodeTests.qrencodePath)),
        arguments: ["https://luckygas.example/order/C000123?x=1", QRCodeTests.invoiceText])
    func matchesCommandLine(text: String) throws {
        let reference = try Self.qrencodeModules(text)
        let code = try QRCode(text: text, level: .low)
        #expect(reference.count == code.size)
        for (row, line) in reference.enumerated() {
            #expect(line.count == code.size, "row \(row)")
            for (column, dark) in line.enumerated() {
                #expect(code.isDark(row: row, column: column) == dark, "module \(row),\(column)")
            }
        }
    }

    /// Runs `qrencode -t ASCII -l L -8 -m 0 -v 0 text`: '#' is dark, each module two characters wide.
    private static func qrencodeModules(_ text: String) throws -> [[Bool]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: qrencodePath)
        process.arguments = ["-t", "ASCII", "-l", "L", "-8", "-m", "0", "-v", "0", "-o", "-", text]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        return lines.map { line in
            stride(from: 0, to: line.count, by: 2).map { line[line.index(line.startIndex, offsetBy: $0)] == "#" }
        }
    }
}
