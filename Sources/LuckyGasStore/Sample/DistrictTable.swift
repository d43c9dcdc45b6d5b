import LuckyGasCore

/// One row of `Resources/districts.csv`: a real Taiwanese district with its postal code,
/// delivery zone, centre and a few real road names.
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

    /// Parses the CSV text (header `city,district,postal_code,zone,lat,lon,roads`).
    public static func parse(csv: String) throws -> [District] {
        var rows: [District] = []
        for (index, line) in csv.split(whereSeparator: \.isNewline).enumerated() where index > 0 {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 7, let zone = Zone(rawValue: fields[3]), let lat = Double(fields[4]),
                let lon = Double(fields[5])
            else { throw StoreError.database("districts.csv line \(index + 1) is malformed: \(line)") }
            rows.append(
                District(
                    city: fields[0], district: fields[1], postalCode: fields[2], zone: zone, latitude: lat,
                    longitude: lon,
                    roads: fields[6].split(separator: "|").map(String.init)))
        }
        return rows
    }

    /// The landline area code of the city (02 Taipei, 04 Taichung, 049 Nantou, ...).
    var areaCode: String {
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
