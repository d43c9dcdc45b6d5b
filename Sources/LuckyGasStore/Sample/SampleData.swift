import LuckyGasCore

/// The word lists and fixed records of the sample branch.
enum SampleData {
    static let surnames = Array("陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周徐蘇葉莊呂江何蕭羅高簡朱鍾游彭詹胡施沈余盧梁趙顏柯翁魏孫戴")
    static let givenFirst = Array("志家建俊宗承冠柏文明怡雅淑美佳欣詩宜靜惠玉秀麗婉國信正世")
    static let givenSecond = Array("明豪宏傑翰宇恩諺瑋仁婷君芬玲穎涵萍華珍如慧雯琪蓉娟龍輝雄成")
    static let shopWords = ["阿婆", "老街", "福記", "好味", "大同", "來來", "正宗", "鄉村", "永和", "佳佳", "阿忠", "美美", "新興", "旺旺"]
    static let shopKinds = ["小吃店", "麵店", "餐廳", "火鍋店", "早餐店", "自助餐", "熱炒店", "便當店", "牛肉麵", "豆花店", "燒臘店", "素食館"]
    static let industryKinds = ["工業股份有限公司", "食品廠", "鐵工廠", "金屬工業有限公司", "製衣廠", "烘焙坊有限公司"]
    static let cancelReasons = ["客戶改期 / customer rescheduled", "重複下單 / duplicate order", "客戶取消 / customer cancelled"]
    static let drivers = ["李志明", "陳建宏", "林俊傑", "黃國華", "張世雄", "吳正輝"]

    static let users: [(name: String, displayName: String, role: Role)] = [
        ("counter", "門市 林小姐", .counter), ("accountant", "會計 陳小姐", .accountant),
        ("dispatcher", "調度 黃先生", .dispatcher), ("supervisor", "主管 王經理", .supervisor),
        ("admin", "系統管理員", .admin),
    ]

    static func products() throws -> [Product] {
        func code(_ text: String) throws -> ProductCode { try ProductCode(text) }
        return [
            Product(
                code: try code("P001"), name: "20kg 瓦斯桶", category: .cylinder, sizeKg: 20, price: 850, deposit: 1500,
                requiresEmptyReturn: true),
            Product(
                code: try code("P002"), name: "4kg 瓦斯桶", category: .cylinder, sizeKg: 4, price: 300, deposit: 600,
                requiresEmptyReturn: true),
            Product(
                code: try code("P003"), name: "10kg 瓦斯桶", category: .cylinder, sizeKg: 10, price: 480, deposit: 1000,
                requiresEmptyReturn: true),
            Product(
                code: try code("P004"), name: "16kg 瓦斯桶", category: .cylinder, sizeKg: 16, price: 700, deposit: 1300,
                requiresEmptyReturn: true),
            Product(
                code: try code("P005"), name: "50kg 瓦斯桶", category: .cylinder, sizeKg: 50, price: 2050, deposit: 3000,
                requiresEmptyReturn: true),
            Product(code: try code("P101"), name: "瓦斯調壓器", category: .accessory, price: 450),
            Product(code: try code("P102"), name: "瓦斯管 1.5m", category: .accessory, price: 150),
            Product(code: try code("P103"), name: "瓦斯偵測警報器", category: .accessory, price: 1200),
        ]
    }

    /// The seed's C000123: 王大明, commercial, UBN 95753514, NET30, limit 50,000, 信義路五段7號.
    static func wangDaming() throws -> Customer {
        try Customer(
            name: "王大明", type: .commercial, phones: [PhoneNumber("0912-345-678")], taxID: TaxID("95753514"),
            terms: .net30,
            creditLimit: 50_000,
            addresses: [
                Address(
                    text: "台北市信義區信義路五段7號", postalCode: "110", zone: .north,
                    coordinate: Coordinate(latitude: 25.0330, longitude: 121.5654), instructions: "請按門鈴")
            ], invoicePreference: .b2b)
    }

    /// The seed's C000124: 陳美玲, residential, COD, B2C to mobile barcode /ABC+123, 台北市大安區.
    static func chenMeiling() throws -> Customer {
        try Customer(
            name: "陳美玲", type: .residential, phones: [PhoneNumber("0928-456-789"), PhoneNumber("02-2700-1234")],
            terms: .cod,
            addresses: [
                Address(
                    text: "台北市大安區復興南路一段390號5樓", postalCode: "106", zone: .north,
                    coordinate: Coordinate(latitude: 25.0263, longitude: 121.5436))
            ], invoicePreference: .mobileBarcode("/ABC+123"))
    }

    /// A random customer: mostly in greater Taipei (the branch's area), some elsewhere.
    static func customer(_ random: inout SampleRandom, districts: [District]) throws -> Customer {
        let near = districts.filter { $0.city == "台北市" || $0.city == "新北市" }
        let district = random.chance(80) && !near.isEmpty ? random.pick(near) : random.pick(districts)
        let roll = random.int(0...99)
        let type: CustomerType = roll < 62 ? .residential : roll < 92 ? .commercial : .industrial
        let person = String(random.pick(surnames)) + String(random.pick(givenFirst)) + String(random.pick(givenSecond))
        let name: String =
            switch type {
            case .residential: person
            case .commercial: random.pick(shopWords) + random.pick(shopKinds)
            case .industrial:
                district.district.dropLast() + random.pick(["興", "榮", "豐", "隆"]) + random.pick(industryKinds)
            }
        var street = random.pick(district.roads)
        if !street.hasSuffix("村") && random.chance(30) { street += "\(random.int(1...200))巷" }
        let floor = type == .residential && random.chance(60) ? "\(random.int(2...15))樓" : ""
        let text = district.city + district.district + street + "\(random.int(1...300))號" + floor
        let coordinate = try Coordinate(
            latitude: district.latitude + Double(random.int(-80...80)) / 10_000,
            longitude: district.longitude + Double(random.int(-80...80)) / 10_000)
        var phones = [try PhoneNumber("09" + random.digits(8))]
        if type != .residential || random.chance(30) {
            let area = district.areaCode
            phones.append(try PhoneNumber(area + random.digits(area == "02" ? 8 : 10 - area.count)))
            if type != .residential { phones.swapAt(0, 1) }
        }
        let taxID: TaxID? = type == .residential ? nil : try TaxID(validUBN(&random))
        let terms: PaymentTerms =
            switch type {
            case .residential: random.chance(90) ? .cod : .monthly
            case .commercial: random.pick([.cod, .net30, .net30, .monthly])
            case .industrial: random.pick([.net30, .monthly, .monthly])
            }
        let limit =
            terms.usesCredit ? Money(Int64(random.pick([20_000, 30_000, 50_000, 80_000, 120_000, 200_000]))) : .zero
        let preference: InvoicePreference
        if taxID != nil {
            preference = .b2b
        } else {
            let kind = random.int(0...99)
            let barcodeAlphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ.+-")
            preference =
                kind < 45
                ? .mobileBarcode("/" + String((0..<7).map { _ in random.pick(barcodeAlphabet) }))
                : kind < 55
                    ? .donation(random.pick(["919", "5380", "8957282", "25885", "168001"]))
                    : kind < 60 ? .citizenCertificate(random.pick(["AB", "CD", "TP"]) + random.digits(14)) : .printed
        }
        return try Customer(
            name: name, type: type, phones: phones, taxID: taxID, terms: terms, creditLimit: limit,
            addresses: [
                Address(text: text, postalCode: district.postalCode, zone: district.zone, coordinate: coordinate)
            ], invoicePreference: preference)
    }

    /// Seven random digits and the check digit that makes a valid UBN under the 2023 rule.
    static func validUBN(_ random: inout SampleRandom) -> String {
        while true {
            let stem = random.digits(7)
            if let check = (0...9).first(where: { TaxID.isValid(stem + String($0)) }) { return stem + String(check) }
        }
    }

    /// Items typical of the customer type, always above the minimum order.
    static func items(_ random: inout SampleRandom, type: CustomerType) -> [QuoteRequest.Item] {
        func item(_ code: String, _ quantity: Int) -> QuoteRequest.Item? {
            (try? ProductCode(code)).map { QuoteRequest.Item(product: $0, quantity: quantity) }
        }
        var items: [QuoteRequest.Item?]
        switch type {
        case .residential:
            items = [random.chance(85) ? item("P001", random.int(1...2)) : item("P004", random.int(2...3))]
            if random.chance(8) { items.append(item(random.pick(["P101", "P102", "P103"]), 1)) }
        case .commercial:
            items = [item("P001", random.int(2...12))]
            if random.chance(25) { items.append(item("P005", random.int(1...4))) }
        case .industrial:
            items = [item("P005", random.int(4...24))]
        }
        return items.compactMap { $0 }
    }
}
