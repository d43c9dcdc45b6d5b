import LuckyGasCore
import LuckyGasStore
import LuckyGasTerminal

/// Add or edit a customer. Each field is checked when the clerk leaves it (UBN checksum, phone,
/// mobile barcode, citizen certificate, donation code) and all of them again on F2; the postal
/// code and zone fill themselves in from the district at the start of the address.
struct CustomerFormScreen: TypingScreen {
    private enum Field: Int, CaseIterable {
        case name, type, phones, taxID, terms, limit, address, postalCode, zone, instructions, einvoice, carrier,
            status
    }

    private let editing: CustomerRecord?
    private var form: Form
    private var dirty = false
    /// The address text postal code and zone were last filled in from.
    private var completedAddress: String?
    /// Whether the postal code was filled in by the program (and may be replaced again).
    private var postalCodeIsAutomatic = false

    init(editing: CustomerRecord?, context: AppContext) {
        self.editing = editing
        var fields = [
            InputField(.text, width: 30, row: 0, maxLength: 60),
            InputField(.choice([]), width: 12, row: 1),
            InputField(.text, width: 30, row: 2, maxLength: 60),
            InputField(.text, width: 10, row: 3, maxLength: 8),
            InputField(.choice([]), width: 18, row: 4),
            InputField(.number(allowsNegative: false), width: 12, row: 5, maxLength: 9),
            InputField(.text, width: 44, row: 6, maxLength: 100),
            InputField(.text, width: 8, row: 7, maxLength: 6),
            InputField(.choice([]), width: 10, row: 8),
            InputField(.text, width: 30, row: 9, maxLength: 60),
            InputField(.choice([]), width: 18, row: 10),
            InputField(.text, width: 18, row: 11, maxLength: 16),
            InputField(.choice([]), width: 10, row: 12),
        ]
        if editing == nil { fields.removeLast() }
        form = Form(fields)
        relabel(context)
        if let customer = editing?.customer {
            form[Field.name.rawValue].set(customer.name)
            form[Field.type.rawValue].choose(CustomerType.allCases.firstIndex(of: customer.type) ?? 0)
            form[Field.phones.rawValue].set(customer.phones.map(\.display).joined(separator: ", "))
            form[Field.taxID.rawValue].set(customer.taxID?.rawValue ?? "")
            form[Field.terms.rawValue].choose(PaymentTerms.allCases.firstIndex(of: customer.terms) ?? 0)
            form[Field.limit.rawValue].set(String(customer.creditLimit.amount))
            if let address = customer.defaultAddress {
                form[Field.address.rawValue].set(address.text)
                form[Field.postalCode.rawValue].set(address.postalCode)
                form[Field.zone.rawValue].choose(Zone.allCases.firstIndex(of: address.zone) ?? 0)
                form[Field.instructions.rawValue].set(address.instructions)
            }
            form[Field.einvoice.rawValue].choose(Self.invoiceKinds.firstIndex(of: customer.invoicePreference.kind) ?? 0)
            form[Field.carrier.rawValue].set(customer.invoicePreference.value)
            form[Field.status.rawValue].choose(CustomerStatus.allCases.firstIndex(of: customer.status) ?? 0)
        }
    }

    private static let invoiceKinds = ["PRINTED", "MOBILE_BARCODE", "CITIZEN_CERTIFICATE", "DONATION", "B2B"]

    private mutating func relabel(_ context: AppContext) {
        let labels = [
            tr("客戶名稱", "Name"), tr("類別", "Type"), tr("電話", "Phones"), tr("統一編號", "UBN"), tr("付款條件", "Terms"),
            tr("信用額度", "Credit limit"), tr("地址", "Address"), tr("郵遞區號", "Postal code"), tr("區域", "Zone"),
            tr("送貨備註", "Driver notes"), tr("電子發票", "E-invoice"), tr("載具/捐贈碼", "Carrier/code"), tr("狀態", "Status"),
        ]
        for index in form.fields.indices { form[index].label = context.text(labels[index]) }
        form[Field.type.rawValue].setOptions(CustomerType.allCases.map { context.text(Labels.type($0)) })
        form[Field.terms.rawValue].setOptions(PaymentTerms.allCases.map { context.text(Labels.terms($0)) })
        form[Field.zone.rawValue].setOptions(Zone.allCases.map { context.text(Labels.zone($0)) })
        form[Field.einvoice.rawValue].setOptions([
            context.t("紙本證明聯", "Printed"), context.t("手機條碼", "Mobile barcode"), context.t("自然人憑證", "Citizen cert."),
            context.t("捐贈", "Donation"), context.t("三聯式 B2B", "B2B (UBN)"),
        ])
        if editing != nil {
            form[Field.status.rawValue].setOptions(
                CustomerStatus.allCases.map { context.text(Labels.customerStatus($0)) })
        }
    }

    var title: OperatorMessage {
        if let id = editing?.customer.id { return OperatorMessage(zh: "修改客戶 \(id)", en: "Edit customer \(id)") }
        return tr("新增客戶", "New customer")
    }
    var functionKeys: [Int: OperatorMessage] { [2: tr("存檔", "Save")] }
    var help: [KeyHelp] {
        [
            KeyHelp(keys: "← → Space", meaning: tr("切換選項", "change a choice")),
            KeyHelp(keys: "F2", meaning: tr("檢查並存檔", "check and save")),
        ]
    }
    var isDirty: Bool { dirty }

    mutating func handle(_ key: Key, context: AppContext) -> Navigation {
        if key == .escape {
            guard dirty else { return .pop(nil) }
            return .dialog(
                Dialog(
                    .confirm(defaultYes: false), title: context.t("放棄修改？", "Discard the changes?"),
                    hint: context.t("Y 放棄   N 繼續編輯", "Y discard   N keep editing")), tag: "discard")
        }
        switch form.handle(key) {
        case .submit: return save(context)
        case .focusMoved(let from, _):
            check(from, context)
        case .field(let index, .changed):
            dirty = true
            form[index].error = nil
            if index == Field.postalCode.rawValue { postalCodeIsAutomatic = false }
        case .field(_, .rejected(let why)): context.say(why)
        default: break
        }
        return .stay
    }

    func dialogFinished(tag: String, outcome: Dialog.Outcome, context: AppContext) -> Navigation {
        tag == "discard" && outcome == .confirmed ? .pop(nil) : .stay
    }

    private func value(_ field: Field) -> String { form[field.rawValue].value.trimmingSpaces }

    /// Checks one field; puts the message beside it and on the status line.
    private mutating func check(_ index: Int, _ context: AppContext) {
        guard let field = Field(rawValue: index) else { return }
        if field == .address { completeAddress(context) }
        let problem: OperatorMessage?
        do {
            switch field {
            case .name: problem = value(.name).isEmpty ? tr("請輸入客戶名稱", "Enter the name") : nil
            case .phones:
                _ = try phones()
                problem = nil
            case .taxID:
                _ = try taxID()
                problem = nil
            case .address: problem = value(.address).isEmpty ? tr("請輸入地址", "Enter the address") : nil
            case .postalCode:
                let code = value(.postalCode)
                problem =
                    [3, 5, 6].contains(code.count) && code.allSatisfy(\.isASCIIDigit)
                    ? nil : tr("郵遞區號應為 3、5 或 6 位數字", "Postal code: 3, 5 or 6 digits")
            case .carrier, .einvoice:
                _ = try invoicePreference()
                problem = nil
            default: problem = nil
            }
        } catch {
            problem = AppContext.message(for: error)
        }
        let target = field == .einvoice ? Field.carrier.rawValue : index
        form[target].error = problem.map { context.text($0) }
        if let problem { context.say(problem, .error) }
    }

    /// Fills postal code and zone from the district the address starts with (台北市信義區...),
    /// once per new address text, and never over a postal code the clerk typed.
    private mutating func completeAddress(_ context: AppContext) {
        let text = value(.address).replacingOccurrences(of: "臺", with: "台")
        guard text != completedAddress, value(.postalCode).isEmpty || postalCodeIsAutomatic else { return }
        completedAddress = text
        guard
            let district = context.environment.districts.first(where: { text.hasPrefix($0.city + $0.district) })
        else { return }
        form[Field.postalCode.rawValue].set(district.postalCode)
        form[Field.postalCode.rawValue].error = nil
        postalCodeIsAutomatic = true
        form[Field.zone.rawValue].choose(Zone.allCases.firstIndex(of: district.zone) ?? 0)
        // A field filled from another says so (the zone sets the delivery fee).
        let zone = Labels.zone(district.zone)
        context.say(
            OperatorMessage(
                zh: "依地址帶入郵遞區號 \(district.postalCode)、\(zone.zh)（可修改）",
                en: "From the address: postal code \(district.postalCode), zone \(zone.en) (you may change them)"))
    }

    private func phones() throws -> [PhoneNumber] {
        let parts = value(.phones).split(whereSeparator: { $0 == "," || $0 == "、" || $0 == "，" }).map {
            String($0).trimmingSpaces
        }.filter { !$0.isEmpty }
        guard !parts.isEmpty else { throw ValidationError.empty(field: "電話 phone") }
        return try parts.map { try PhoneNumber($0) }
    }

    private func taxID() throws -> TaxID? {
        let text = value(.taxID)
        return text.isEmpty ? nil : try TaxID(text)
    }

    private func invoicePreference() throws -> InvoicePreference {
        let kind = Self.invoiceKinds[form[Field.einvoice.rawValue].choiceIndex]
        return try InvoicePreference(kind: kind, value: value(.carrier))
    }

    private mutating func save(_ context: AppContext) -> Navigation {
        for index in form.fields.indices { check(index, context) }
        if let first = form.fields.firstIndex(where: { $0.error != nil }) {
            form.focus(on: first)
            if let error = form[first].error { context.status.message = error }
            context.status.tone = .error
            return .stay
        }
        do {
            let old = editing?.customer
            var addresses = old?.addresses.filter { $0.id != old?.defaultAddress?.id } ?? []
            let address = try Address(
                id: old?.defaultAddress?.id, text: value(.address), postalCode: value(.postalCode),
                zone: Zone.allCases[form[Field.zone.rawValue].choiceIndex],
                coordinate: old?.defaultAddress?.coordinate, isDefault: true, instructions: value(.instructions))
            addresses.insert(address, at: 0)
            let customer = try Customer(
                id: old?.id, name: value(.name), type: CustomerType.allCases[form[Field.type.rawValue].choiceIndex],
                status: editing == nil ? .active : CustomerStatus.allCases[form[Field.status.rawValue].choiceIndex],
                phones: phones(), taxID: taxID(), terms: PaymentTerms.allCases[form[Field.terms.rawValue].choiceIndex],
                creditLimit: Money(form[Field.limit.rawValue].number ?? 0), addresses: addresses,
                invoicePreference: invoicePreference(), cylinderBalance: old?.cylinderBalance ?? 0,
                notes: old?.notes ?? "")
            guard let user = context.user else { return .signOut }
            if let editing {
                try context.database.updateCustomer(customer, expectedVersion: editing.version, by: user)
                context.say(OperatorMessage(zh: "已儲存 \(customer.name)", en: "Saved \(customer.name)"), .success)
                dirty = false
                return .pop(.changed)
            }
            let id = try context.database.addCustomer(customer, by: user)
            context.say(OperatorMessage(zh: "已新增客戶 \(id)", en: "Added customer \(id)"), .success)
            dirty = false
            return .replace(CustomerDetailScreen(id: id))
        } catch {
            if case ValidationError.buyerNeedsTaxID = error { form.focus(on: Field.taxID.rawValue) }
            context.fail(error)
            return .stay
        }
    }

    mutating func render(into grid: inout Grid, area: Area, context: AppContext) {
        relabel(context)
        // A problem too long for the room after its field (a phone number's, at 80 columns) is
        // marked there and said whole on lines of its own under the form.
        let errors = form.fields.map(\.error)
        var below: [String] = []
        for index in form.fields.indices {
            guard let error = errors[index] else { continue }
            let field = form[index]
            let room = area.columns - (2 + field.column + field.labelWidth + field.width) - 1
            if DisplayWidth.of(error) > room {
                form[index].error = context.t("✗ 見下方", "✗ see below")
                below.append(error)
            }
        }
        form.render(into: &grid, top: area.top + 1, left: 2, theme: context.theme)
        for index in form.fields.indices { form[index].error = errors[index] }
        var row = area.top + 2 + form.fields.count
        for error in below {
            for line in LineWrap.lines("✗ " + error, width: area.columns - 4)
            where row < area.top + area.rows - 1 {
                grid.put(line, row: row, column: 2, style: context.theme.error)
                row += 1
            }
        }
        grid.put(
            context.t("Tab 下一欄  F2 存檔  Esc 放棄", "Tab next field  F2 save  Esc discard"), row: area.top + area.rows - 1,
            column: 2, style: context.theme.dim)
    }
}
