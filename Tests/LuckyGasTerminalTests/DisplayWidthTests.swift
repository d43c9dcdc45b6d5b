import LuckyGasTerminal
import Testing

@Suite("Display width")
struct DisplayWidthTests {
    @Test("Agrees with glibc wcwidth on every code point glibc knows")
    func agreesWithGlibc() {
        var compared = 0
        var mismatches: [String] = []
        for value in UInt32(0x20)...0x3FFFD {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let system = CursesLibrary.systemWidth(scalar)
            guard system >= 0 else { continue }  // unassigned in glibc's Unicode 14, or a control
            compared += 1
            if DisplayWidth.of(scalar) != system && mismatches.count < 10 {
                mismatches.append("U+\(String(value, radix: 16)) ours \(DisplayWidth.of(scalar)) glibc \(system)")
            }
        }
        #expect(compared > 140_000)
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    @Test(
        "Columns of typical back-office text",
        arguments: [
            ("王大明", 6), ("C000123 王大明", 14), ("0912-345-678", 12), ("𡘙", 2), ("e\u{301}", 1), ("台北市信義區", 12),
            ("ＡＢ", 4), ("NT$1,785", 8), ("", 0), ("\u{7}", 0),
        ])
    func columns(text: String, expected: Int) {
        #expect(DisplayWidth.of(text) == expected)
    }

    @Test(
        "Fitting pads by columns, cuts ending in … and never splits a wide character",
        arguments: [
            ("王大明", 5, "王大…"), ("王大明", 6, "王大明"), ("王大明", 8, "王大明  "), ("王大明", 4, "王… "), ("ab王", 3, "ab…"),
            ("abc", 2, "a…"), ("王", 1, "…"), ("", 3, "   "),
        ])
    func fit(text: String, width: Int, expected: String) {
        #expect(DisplayWidth.fit(text, width: width) == expected)
        #expect(DisplayWidth.of(DisplayWidth.fit(text, width: width)) == width)
    }

    @Test("Amounts right-align by columns")
    func rightAligned() {
        #expect(DisplayWidth.rightAligned("1,785", width: 8) == "   1,785")
        // A figure wider than its cell is #####, never its last digits (issue 18).
        #expect(DisplayWidth.rightAligned("10,000,000", width: 8) == "########")
        #expect(DisplayWidth.rightAligned("10,000,000", width: 10) == "10,000,000")
        #expect(DisplayWidth.rightAligned("王大明", width: 8) == "  王大明")
    }
}
