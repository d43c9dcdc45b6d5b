/// A Taiwanese district (鄉鎮市區): its 3-digit postal code, delivery zone, centre and a few real
/// road names. The full list is `District.taiwan`.
public struct District: Sendable, Hashable {
    /// City or county (台北市).
    public var city: String
    /// District (信義區).
    public var district: String
    /// 3-digit postal code.
    public var postalCode: String
    /// Delivery zone.
    public var zone: Zone
    /// Latitude of the centre.
    public var latitude: Double
    /// Longitude of the centre.
    public var longitude: Double
    /// Real road names in the district.
    public var roads: [String]

    init(
        _ city: String, _ district: String, _ postalCode: String, _ zone: Zone, _ latitude: Double,
        _ longitude: Double, _ roads: [String]
    ) {
        self.city = city
        self.district = district
        self.postalCode = postalCode
        self.zone = zone
        self.latitude = latitude
        self.longitude = longitude
        self.roads = roads
    }

    /// The districts a postal code belongs to (its first 3 digits for a 5- or 6-digit code):
    /// one, except 300 (新竹市's three districts) and 600 (嘉義市's two).
    public static func forPostalCode(_ code: String) -> [District] { byCode[String(code.prefix(3))] ?? [] }

    private static let byCode: [String: [District]] = Dictionary(grouping: taiwan, by: \.postalCode)

    /// Checks that `postalCode` is a real Taiwanese code and that `address` names its district
    /// (and, when it names a city, its city): 100 is 台北市中正區, so 100 with 中山區 is refused.
    /// 臺 and 台 are the same character here.
    public static func checkPostalCode(_ postalCode: String, address: String) throws(ValidationError) {
        let districts = forPostalCode(postalCode)
        guard let first = districts.first else { throw .unknownPostalCode(postalCode) }
        let text = String(address.map { $0 == "臺" ? "台" : $0 })
        let namedCity = cities.filter { text.contains($0) }
        let matches = districts.contains { district in
            (namedCity.isEmpty || namedCity.contains(district.city)) && text.contains(district.district)
        }
        guard matches else {
            throw .postalCodeMismatch(
                postalCode: postalCode, expected: first.city + districts.map(\.district).joined(separator: "/"),
                address: address)
        }
    }

    private static let cities: Set<String> = Set(taiwan.map(\.city))

    /// The landline area code of the city (02 Taipei, 04 Taichung, 049 Nantou, ...).
    public var areaCode: String {
        switch city {
        case "台北市", "新北市", "基隆市": "02"
        case "桃園市", "新竹市", "新竹縣", "宜蘭縣", "花蓮縣": "03"
        case "苗栗縣": "037"
        case "台中市", "彰化縣": "04"
        case "南投縣": "049"
        case "雲林縣", "嘉義市", "嘉義縣": "05"
        case "台南市", "澎湖縣": "06"
        case "高雄市": "07"
        case "屏東縣": "08"
        case "台東縣": "089"
        case "金門縣": "082"
        default: "0836"
        }
    }
}
