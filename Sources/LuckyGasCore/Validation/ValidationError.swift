/// Input that does not satisfy a format or checksum rule. Each case names the field and the value.
public enum ValidationError: OperatorFacingError, Equatable {
    case customerID(String)
    case productCode(String)
    case orderNumber(String)
    case invoiceNumber(String)
    case taxID(String)
    case phone(String)
    case mobileBarcode(String)
    case citizenCertificate(String)
    case donationCode(String)
    case date(String)
    case postalCode(String)
    case coordinate(latitude: Double, longitude: Double)
    case empty(field: String)
    case notPositive(field: String, value: Int64)
    case unknownValue(field: String, value: String, allowed: [String])
    case buyerNeedsTaxID
    case receiptNumber(String)
    case virtualAccount(String)
    case unknownPostalCode(String)
    case postalCodeMismatch(postalCode: String, expected: String, address: String)
    case controlCharacter(field: String)
    case tooLong(field: String, limit: Int, length: Int)
    case aboveLimit(field: String, value: Int64, limit: Int64)
    case negative(field: String, value: Int64)
    case overflow(field: String)
    case branchCode(String)

    /// The field the error is about: the label the caller gave, or the kind of value.
    public var field: String {
        switch self {
        case .empty(let field), .notPositive(let field, _), .unknownValue(let field, _, _),
            .controlCharacter(let field),
            .tooLong(let field, _, _), .aboveLimit(let field, _, _), .negative(let field, _), .overflow(let field):
            field
        case .customerID: "customer"
        case .productCode: "product"
        case .orderNumber: "order"
        case .invoiceNumber: "invoice"
        case .taxID, .buyerNeedsTaxID: "taxID"
        case .phone: "phone"
        case .mobileBarcode, .citizenCertificate, .donationCode: "invoicePreference"
        case .date: "date"
        case .postalCode, .unknownPostalCode, .postalCodeMismatch: "postalCode"
        case .coordinate: "coordinate"
        case .receiptNumber: "payment"
        case .virtualAccount: "virtualAccount"
        case .branchCode: "code"
        }
    }

    public var operatorMessage: OperatorMessage {
        switch self {
        case .customerID(let value):
            OperatorMessage(
                zh: "客戶編號格式錯誤：\(value)（應為 C 加 6 位數字）",
                en: "Invalid customer id: \(value) (C followed by 6 digits)")
        case .productCode(let value):
            OperatorMessage(
                zh: "產品代號格式錯誤：\(value)（應為 P 加 3 位數字）",
                en: "Invalid product code: \(value) (P followed by 3 digits)")
        case .orderNumber(let value):
            OperatorMessage(
                zh: "訂單編號格式錯誤：\(value)（應為 O-年月日-6 位序號）",
                en: "Invalid order number: \(value) (O-YYYYMMDD-NNNNNN)")
        case .invoiceNumber(let value):
            OperatorMessage(
                zh: "發票號碼格式錯誤：\(value)（應為 2 個英文字母加 8 位數字）",
                en: "Invalid invoice number: \(value) (2 letters and 8 digits)")
        case .taxID(let value):
            OperatorMessage(
                zh: "統一編號錯誤：\(value)（須為 8 位數字且通過檢查碼）",
                en: "Invalid tax id (UBN): \(value) (8 digits with a valid check sum)")
        case .phone(let value):
            OperatorMessage(
                zh: "電話號碼錯誤：\(value)（手機 09xx-xxx-xxx 或市話 0X-XXXX-XXXX）",
                en: "Invalid phone number: \(value) (mobile 09xx-xxx-xxx or landline 0X-XXXX-XXXX)")
        case .mobileBarcode(let value):
            OperatorMessage(
                zh: "手機條碼載具錯誤：\(value)（/ 加 7 碼 0-9 A-Z . + -）",
                en: "Invalid mobile barcode carrier: \(value) (/ and 7 of 0-9 A-Z . + -)")
        case .citizenCertificate(let value):
            OperatorMessage(
                zh: "自然人憑證載具錯誤：\(value)（2 個大寫字母加 14 位數字）",
                en: "Invalid citizen certificate carrier: \(value) (2 capital letters and 14 digits)")
        case .donationCode(let value):
            OperatorMessage(
                zh: "捐贈碼錯誤：\(value)（3 至 7 位數字）",
                en: "Invalid donation code: \(value) (3 to 7 digits)")
        case .date(let value):
            LocalDate.problem(with: value)
                ?? OperatorMessage(zh: "日期錯誤：\(value)（格式 YYYY-MM-DD）", en: "Invalid date: \(value) (YYYY-MM-DD)")
        case .postalCode(let value):
            OperatorMessage(
                zh: "郵遞區號錯誤：\(value)（3、5 或 6 位數字）",
                en: "Invalid postal code: \(value) (3, 5 or 6 digits)")
        case .coordinate(let latitude, let longitude):
            OperatorMessage(
                zh: "座標不在台灣範圍內：\(latitude), \(longitude)",
                en: "Coordinates outside Taiwan: \(latitude), \(longitude)")
        case .empty(let field):
            OperatorMessage(zh: "\(field) 不可空白", en: "\(field) must not be empty")
        case .notPositive(let field, let value):
            OperatorMessage(zh: "\(field) 必須大於 0（輸入為 \(value)）", en: "\(field) must be above 0 (got \(value))")
        case .unknownValue(let field, let value, let allowed):
            OperatorMessage(
                zh: "\(field) 不接受「\(value)」，可用：\(allowed.joined(separator: ", "))",
                en: "\(field) does not accept \"\(value)\"; allowed: \(allowed.joined(separator: ", "))")
        case .buyerNeedsTaxID:
            OperatorMessage(zh: "B2B 發票需要統一編號", en: "A B2B invoice needs the buyer's tax id (UBN)")
        case .receiptNumber(let value):
            OperatorMessage(
                zh: "收款單號格式錯誤：\(value)（應為 RCP-年月日-序號）",
                en: "Invalid receipt number: \(value) (RCP-YYYYMMDD-NNN)")
        case .branchCode(let value):
            OperatorMessage(
                zh: "分店代號格式錯誤：\(value)（2 到 10 個大寫英文字母或數字，例如 TPE02）",
                en: "Invalid branch code: \(value) (2 to 10 capital letters or digits, e.g. TPE02)")
        case .virtualAccount(let value):
            OperatorMessage(
                zh: "虛擬帳號錯誤：\(value)（公司代號加 8 位客戶號碼加檢查碼）",
                en: "Invalid virtual account: \(value) (company prefix, 8-digit customer number, check digit)")
        case .unknownPostalCode(let value):
            OperatorMessage(zh: "郵遞區號 \(value) 不存在", en: "Postal code \(value) does not exist in Taiwan")
        case .postalCodeMismatch(let code, let expected, let address):
            OperatorMessage(
                zh: "郵遞區號 \(code) 是 \(expected)，與地址「\(FreeText.printable(address))」不符",
                en:
                    "Postal code \(code) is \(expected), which does not match the address \"\(FreeText.printable(address))\""
            )
        case .controlCharacter(let field):
            OperatorMessage(
                zh: "\(field) 含有控制字元（如 ESC、換行、Tab），請只輸入可列印文字",
                en: "\(field) holds a control character (ESC, newline, tab...); type printable text only")
        case .tooLong(let field, let limit, let length):
            OperatorMessage(
                zh: "\(field) 最多 \(limit) 字（輸入 \(length) 字）",
                en: "\(field) is at most \(limit) characters (got \(length))")
        case .aboveLimit(let field, let value, let limit):
            OperatorMessage(
                zh: "\(field) 不可超過 \(Money(limit).grouped)（輸入為 \(Money(value).grouped)）",
                en: "\(field) may not exceed \(Money(limit).grouped) (got \(Money(value).grouped))")
        case .negative(let field, let value):
            OperatorMessage(zh: "\(field) 不可為負數（輸入為 \(value)）", en: "\(field) must not be negative (got \(value))")
        case .overflow(let field):
            OperatorMessage(
                zh: "\(field) 計算結果超出可處理範圍，未儲存任何資料",
                en: "\(field) is too large to compute; nothing was saved")
        }
    }
}
