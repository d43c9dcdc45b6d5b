import Foundation
import LuckyGasCore
import Testing

// DOMAIN.md "Money and tax": whole NT$ (Int64), every rounding explicit and half-up (四捨五入);
// VAT 5 % computed once: tax = roundHalfUp(net x 0.05); from a tax-inclusive total
// net = roundHalfUp(total / 1.05), tax = total - net.

/// numerator, denominator, expected quotient rounded half away from zero.
private let halfUpCases: [(Int64, Int64, Int64)] = [
    (0, 1, 0),
    (10, 5, 2),  // exact
    (1, 2, 1),  // 0.5 -> 1
    (3, 2, 2),  // 1.5 -> 2
    (5, 2, 3),  // 2.5 -> 3
    (7, 2, 4),  // 3.5 -> 4
    (149, 100, 1),  // 1.49 -> 1
    (150, 100, 2),  // 1.50 -> 2
    (151, 100, 2),  // 1.51 -> 2
    (249, 100, 2),  // 2.49 -> 2
    (250, 100, 3),  // 2.50 -> 3
    (1, 3, 0),  // 0.33 -> 0
    (2, 3, 1),  // 0.67 -> 1
    (178_500, 105, 1_700),  // 1,785 / 1.05 exactly
    (-1, 2, -1),  // -0.5 -> -1 (mirror image of 0.5)
    (-3, 2, -2),  // -1.5 -> -2
    (-5, 2, -3),  // -2.5 -> -3
    (-149, 100, -1),  // -1.49 -> -1
    (-150, 100, -2),  // -1.50 -> -2
    (-1, 3, 0),  // -0.33 -> 0
    (-2, 3, -1),  // -0.67 -> -1
    (-10, 5, -2),  // exact
]

/// amount, percent, expected discount.
private let percentCases: [(Int64, Int64, Int64)] = [
    (1_700, 2, 34),
    (8_500, 2, 170),
    (16_150, 2, 323),
    (17_000, 3, 510),
    (1_325, 2, 27),  // 26.5 -> 27
    (2_650, 3, 80),  // 79.5 -> 80
    (2_125, 2, 43),  // 42.5 -> 43
    (810, 2, 16),  // 16.2 -> 16
    (1_530, 2, 31),  // 30.6 -> 31
    (1_700, 5, 85),
    (10, 5, 1),  // 0.5 -> 1
    (9, 5, 0),  // 0.45 -> 0
    (0, 3, 0),
    (-1_325, 2, -27),  // -26.5 -> -27
]

/// amount, permille, expected.
private let permilleCases: [(Int64, Int64, Int64)] = [
    (50, 1_000, 50),
    (50, 1_300, 65),
    (80, 1_300, 104),
    (100, 1_300, 130),
    (200, 1_300, 260),
    (50, 1_500, 75),
    (80, 1_500, 120),
    (100, 1_500, 150),
    (200, 1_500, 300),
    (50, 2_000, 100),
    (200, 2_000, 400),
    (5, 1_300, 7),  // 6.5 -> 7
    (15, 1_300, 20),  // 19.5 -> 20
    (45, 1_300, 59),  // 58.5 -> 59
    (1, 1_500, 2),  // 1.5 -> 2
    (-15, 1_300, -20),  // -19.5 -> -20
]

@Suite("Half-up rounding (四捨五入)")
struct RoundingTests {
    @Test("Integer division rounds half away from zero, negatives mirror positives", arguments: halfUpCases)
    func halfUp(numerator: Int64, denominator: Int64, expected: Int64) {
        #expect(Rounding.halfUp(numerator, dividedBy: denominator) == expected)
    }

    @Test("Rounding a negative amount gives the negative of rounding the positive one")
    func negativesAreSymmetric() {
        var asymmetric: [(Int64, Int64)] = []
        for denominator: Int64 in [2, 3, 7, 20, 100, 105] {
            for numerator: Int64 in 0...1_000
            where Rounding.halfUp(-numerator, dividedBy: denominator)
                != -Rounding.halfUp(numerator, dividedBy: denominator)
            {
                asymmetric.append((numerator, denominator))
            }
        }
        #expect(asymmetric.isEmpty, "asymmetric: \(asymmetric.prefix(5))")
    }

    @Test("A percentage of an amount rounds half-up", arguments: percentCases)
    func percent(amount: Int64, percent: Int64, expected: Int64) {
        #expect(Rounding.percent(Money(amount), percent) == Money(expected))
    }

    @Test("A permille factor on an amount rounds half-up", arguments: permilleCases)
    func permille(amount: Int64, permille: Int64, expected: Int64) {
        #expect(Rounding.permille(Money(amount), permille) == Money(expected))
    }
}

/// net, tax, total.
private let fromNetCases: [(Int64, Int64, Int64)] = [
    (1_700, 85, 1_785),  // seed: 2 x 850
    (850, 43, 893),  // 42.5 -> 43
    (900, 45, 945),
    (1_050, 53, 1_103),  // 52.5 -> 53
    (8_330, 417, 8_747),  // 416.5 -> 417
    (16_490, 825, 17_315),  // 824.5 -> 825
    (30, 2, 32),  // 1.5 -> 2
    (10, 1, 11),  // 0.5 -> 1
    (9, 0, 9),  // 0.45 -> 0
    (1, 0, 1),  // 0.05 -> 0
    (0, 0, 0),
    (-10, -1, -11),  // an allowance mirrors the invoice
    (-1_700, -85, -1_785),
]

/// total, net, tax.
private let fromTotalCases: [(Int64, Int64, Int64)] = [
    (1_785, 1_700, 85),  // seed
    (1_050, 1_000, 50),
    (105, 100, 5),
    (893, 850, 43),  // 850.476 -> 850
    (1_103, 1_050, 53),  // 1,050.476 -> 1,050
    (1_000, 952, 48),  // 952.38 -> 952
    (999, 951, 48),  // 951.43 -> 951
    (100_000, 95_238, 4_762),  // 95,238.095 -> 95,238
    (21, 20, 1),
    (11, 10, 1),  // 10.476 -> 10
    (10, 10, 0),  // 9.52 -> 10
    (1, 1, 0),  // 0.95 -> 1
    (0, 0, 0),
    (-1_785, -1_700, -85),
]

@Suite("Tax split, 5 % output VAT")
struct TaxSplitTests {
    @Test("B2B tax from a tax-exclusive net rounds half-up", arguments: fromNetCases)
    func fromNet(net: Int64, tax: Int64, total: Int64) {
        let split = TaxSplit.fromNet(Money(net))
        #expect(split.net == Money(net))
        #expect(split.tax == Money(tax))
        #expect(split.total == Money(total))
    }

    @Test("B2C net from a tax-inclusive total rounds half-up and tax is the rest", arguments: fromTotalCases)
    func fromTotal(total: Int64, net: Int64, tax: Int64) {
        let split = TaxSplit.fromTotal(Money(total))
        #expect(split.net == Money(net))
        #expect(split.tax == Money(tax))
        #expect(split.total == Money(total))
    }

    @Test("Splitting the total of a net gives back the same net and tax, for every net up to 20,000")
    func roundTrip() {
        var mismatches: [Int64] = []
        for net: Int64 in -2_000...20_000 {
            let forward = TaxSplit.fromNet(Money(net))
            if TaxSplit.fromTotal(forward.total) != forward { mismatches.append(net) }
        }
        #expect(mismatches.isEmpty, "nets that do not round-trip: \(mismatches.prefix(10))")
    }

    @Test("The rate is 5 % and another rate can be passed")
    func rate() {
        #expect(TaxSplit.ratePercent == 5)
        #expect(TaxSplit.fromNet(1_000, ratePercent: 10) == TaxSplit(net: 1_000, tax: 100))
        #expect(TaxSplit.fromTotal(1_100, ratePercent: 10) == TaxSplit(net: 1_000, tax: 100))
    }
}

/// amount, description, grouped.
private let formattingCases: [(Int64, String, String)] = [
    (1_785, "NT$1,785", "1,785"),
    (0, "NT$0", "0"),
    (5, "NT$5", "5"),
    (999, "NT$999", "999"),
    (1_000, "NT$1,000", "1,000"),
    (12_345, "NT$12,345", "12,345"),
    (100_000, "NT$100,000", "100,000"),
    (1_234_567, "NT$1,234,567", "1,234,567"),
    (-50, "-NT$50", "-50"),
    (-1_785, "-NT$1,785", "-1,785"),
    (-1_000_000, "-NT$1,000,000", "-1,000,000"),
]

@Suite("Money")
struct MoneyTests {
    @Test("Amounts are shown as NT$ with thousands separators", arguments: formattingCases)
    func formatting(amount: Int64, description: String, grouped: String) {
        #expect(Money(amount).description == description)
        #expect(Money(amount).grouped == grouped)
    }

    @Test("Arithmetic stays in whole dollars")
    func arithmetic() {
        let price: Money = 850
        #expect(price * 2 == 1_700)
        #expect(price * 2 + 85 == 1_785)
        #expect(Money(1_785) - 85 == 1_700)
        #expect(-Money(50) == Money(-50))
        var running = Money.zero
        running += 1_785
        running -= 85
        #expect(running == 1_700)
        #expect([Money(850), 850, 85].sum() == 1_785)
        #expect([Money]().sum() == .zero)
    }

    @Test("Amounts order by value")
    func ordering() {
        #expect(Money(-1) < .zero)
        #expect(Money(1_700) < 1_785)
        #expect([Money(300), -5, 0, 1_785].sorted() == [-5, 0, 300, 1_785])
    }

    @Test("Money is stored as a bare integer")
    func coding() throws {
        let data = try JSONEncoder().encode([Money(1_785), Money(-50)])
        #expect(String(decoding: data, as: UTF8.self) == "[1785,-50]")
        let decoded = try JSONDecoder().decode([Money].self, from: Data("[1785,-50]".utf8))
        #expect(decoded == [1_785, -50])
    }
}
