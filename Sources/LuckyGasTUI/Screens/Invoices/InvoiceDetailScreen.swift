import LuckyGasCore
import LuckyGasStore
import LuckyGasTerminal

/// One invoice: buyer, lines, totals, the proof texts (barcode, random number), allowances and
/// the platform messages. F4 shows the two QR codes; F8 cancels (作廢), F6 voids and re-issues
/// with corrected buyer data (註銷) after a confirmation, F7 enters an allowance (折讓). Numbers
/// show in the plain form `AB12345678`; the printed form `AB-12345678` only on the QR proof.
struct InvoiceDetailScreen: Screen {
    static let cancelTag = "invoice.cancel"
    static let approvalTag = "invoice.cancel.approval"
    static let voidTag = "invoice.void"
    static let voidConfirmTag = "invoice.void.confirm"

    /// What the screen shows.
    enum View { case details, leftQR, rightQR }

    let number: InvoiceNumber
    private var invoice: InvoiceRecord?
    private var view = View.details
    private var reason = ""
    /// The void dialog's values and the buyer they name, waiting for the Y/N.
    private var voiding: (values: [String], buyer: InvoiceBuyer)?

    init(number: InvoiceNumber) { self.number = number }

    var title: OperatorMessage { OperatorMessage(zh: "發票 \(number.rawValue)", en: "Invoice \(number.rawValue)") }
    var functionKeys: [Int: OperatorMessage] {
        [
            4: tr("QR 預覽", "QR preview"), 6: tr("註銷重開", "Void+reissue"), 7: tr("折讓", "Allowance"),
            8: tr("作廢", "Cancel"),
        ]
    }
    /// F6–F8 only for a role that handles invoices, and only on an invoice still issued.
    func offeredKeys(context: AppContext) -> [Int: OperatorMessage] {
        guard context.may(.invoices), invoice?.status == .issued else { return functionKeys.filter { $0.key == 4 } }
        return functionKeys
    }
    var help: [KeyHelp] {
        [
            KeyHelp(keys: "F4", meaning: tr("輪流顯示左、右 QR 碼與明細", "show the left QR, the right QR, then the details")),
            KeyHelp(
                keys: "F6",
                meaning: tr("註銷並同號重開，更正買受人資料", "void and re-issue under the same number to correct the buyer")),
            KeyHelp(keys: "F7", meaning: tr("開立折讓（逐行輸入未稅金額）", "issue an allowance (amounts before tax per line)")),
            KeyHelp(keys: "F8", meaning: tr("作廢（申報期限內；需原因）", "cancel (within the filing window; reason required)")),
        ]
    }

    mutating func refresh(context: AppContext) {
        do {
            invoice = try context.database.invoice(number)
        } catch {
            context.fail(error)
        }
    }

    mutating func receive(_ result: ScreenResult, context: AppContext) { refresh(context: context) }

    mutating func handle(_ key: Key, context: AppContext) -> Navigation {
        switch key {
        case .escape:
            if view != .details {
                view = .details
                return .stay
            }
            return .pop(.changed)
        case .function(4):
            view = view == .details ? .leftQR : view == .leftQR ? .rightQR : .details
            return .stay
        case .function(8):
            guard context.may(.invoices) else { return context.denied(.invoices) }
            guard isIssued else { return notIssued(tr("作廢", "cancelled again"), context) }
            return cancelDialog(context, problem: nil)
        case .function(6):
            guard context.may(.invoices) else { return context.denied(.invoices) }
            guard isIssued else { return notIssued(tr("註銷重開", "voided and re-issued"), context) }
            return voidDialog(context, values: nil, problem: nil)
        case .function(7):
            guard context.may(.invoices) else { return context.denied(.invoices) }
            guard let invoice, invoice.status == .issued else {
                return notIssued(tr("折讓", "given an allowance"), context)
            }
            return .push(AllowanceEntryScreen(invoice: invoice))
        default: return .stay
        }
    }

    private var isIssued: Bool { invoice?.status == .issued }

    /// Why an action is refused on a cancelled invoice, and what to do instead.
    private func notIssued(_ action: OperatorMessage, _ context: AppContext) -> Navigation {
        context.say(
            OperatorMessage(
                zh: "發票 \(number.rawValue) 已作廢，不能\(action.zh)；請開立新發票",
                en: "Invoice \(number.rawValue) is cancelled: it cannot be \(action.en); issue a new one"), .warning)
        return .stay
    }

    private func cancelDialog(_ context: AppContext, problem: String?) -> Navigation {
        let form = Form([
            InputField(.text, label: context.t("原因", "Reason"), width: 24, row: 0, labelWidth: 8, maxLength: 20)
        ])
        var box = Dialog(
            .form(form), title: context.t("作廢發票 ", "Cancel invoice ") + number.rawValue,
            lines: [context.t("作廢原因（20 字內，必填）", "Reason (required, at most 20 characters)")],
            hint: context.t("Enter 作廢   Esc 不作廢", "Enter cancel it   Esc keep it"))
        box.problem = problem
        return .dialog(box, tag: Self.cancelTag)
    }

    private func voidDialog(_ context: AppContext, values: [String]?, problem: String?) -> Navigation {
        let kinds = Self.buyerKinds.map { context.text($0) }
        let form = Form([
            InputField(
                .choice(kinds), label: context.t("買受人", "Buyer"), text: values?[0] ?? kinds[0], width: 16, row: 0,
                labelWidth: 10),
            InputField(
                .text, label: context.t("號碼", "Code"), text: values?[1] ?? "", width: 18, row: 1, labelWidth: 10,
                maxLength: 16),
            InputField(
                .text, label: context.t("名稱", "Name"), text: values?[2] ?? invoice?.customerName ?? "", width: 24,
                row: 2, labelWidth: 10, maxLength: 60),
            InputField(
                .text, label: context.t("原因", "Reason"), text: values?[3] ?? "", width: 24, row: 3, labelWidth: 10,
                maxLength: 20),
        ])
        var box = Dialog(
            .form(form), title: context.t("註銷並重開 ", "Void and re-issue ") + number.rawValue,
            lines: [context.t("同號重開，金額不變；更正買受人資料", "Same number and amounts; corrects the buyer")],
            hint: context.t("Enter 註銷重開   Esc 取消", "Enter void and re-issue   Esc back"))
        box.problem = problem
        return .dialog(box, tag: Self.voidTag)
    }

    mutating func dialogFinished(tag: String, outcome: Dialog.Outcome, context: AppContext) -> Navigation {
        if tag == Self.voidConfirmTag { return voidConfirmed(outcome, context) }
        guard case .submitted(let values) = outcome, let user = context.user else { return .stay }
        switch tag {
        case Self.cancelTag, Self.approvalTag:
            var approval: OverrideApproval?
            if tag == Self.cancelTag {
                reason = values.first ?? ""
            } else if values.count >= 2 {
                approval = OverrideApproval(supervisor: values[0], password: values[1], reason: reason)
            }
            do {
                try context.database.cancelInvoice(number, reason: reason, by: user, approval: approval)
                context.say(
                    OperatorMessage(zh: "已作廢發票 \(number.rawValue)", en: "Invoice \(number.rawValue) cancelled"),
                    .success)
                refresh(context: context)
            } catch StoreError.invoicing(.supervisorRequired(let why)) {
                var box = Dialog(
                    .form(SupervisorApproval.form(context, supervisor: "", reason: nil)),
                    title: context.t("需主管核准", "Supervisor needed"), lines: [context.text(why)],
                    hint: context.t("Enter 核准   Esc 不作廢", "Enter approve   Esc keep it"))
                box.problem = nil
                return .dialog(box, tag: Self.approvalTag)
            } catch {
                let message = context.text(AppContext.message(for: error))
                if tag == Self.cancelTag, case StoreError.reasonRequired = error {
                    return cancelDialog(context, problem: message)
                }
                if case StoreError.invoicing(.reasonTooLong) = error { return cancelDialog(context, problem: message) }
                context.fail(error)
            }
        case Self.voidTag:
            do {
                let buyer = try Self.buyer(values, invoice: invoice)
                guard !values[3].trimmingSpaces.isEmpty else {
                    return voidDialog(
                        context, values: values, problem: context.t("請輸入註銷原因", "Type the reason for the void"))
                }
                voiding = (values, buyer)
                return voidConfirmation(buyer, reason: values[3], context)
            } catch {
                return voidDialog(context, values: values, problem: context.text(AppContext.message(for: error)))
            }
        default: break
        }
        return .stay
    }

    /// The Y/N before a void and re-issue: what is voided, the buyer before and after, the amount.
    private func voidConfirmation(_ buyer: InvoiceBuyer, reason: String, _ context: AppContext) -> Navigation {
        let total = invoice?.draft.total.grouped ?? "-"
        return .dialog(
            Dialog(
                .confirm(defaultYes: false),
                title: context.t("註銷並重開 \(number.rawValue)？", "Void and re-issue \(number.rawValue)?"),
                lines: [
                    context.t("原買受人 ", "Buyer now ") + (invoice?.draft.buyer.summary ?? "-"),
                    context.t("改為 ", "Becomes ") + buyer.summary,
                    context.t(
                        "同號重開，總計 \(total) 不變；上傳 F0701 註銷與新的 F0401",
                        "Same number, total \(total) unchanged; F0701 void and a new F0401 are queued"),
                    context.t("原因：", "Reason: ") + reason,
                ],
                hint: context.t("Y 註銷重開   N 返回修改", "Y void and re-issue   N go back")), tag: Self.voidConfirmTag)
    }

    private mutating func voidConfirmed(_ outcome: Dialog.Outcome, _ context: AppContext) -> Navigation {
        guard let (values, buyer) = voiding, let user = context.user else { return .stay }
        guard outcome == .confirmed else { return voidDialog(context, values: values, problem: nil) }
        voiding = nil
        do {
            try context.database.voidAndReissue(number, buyer: buyer, reason: values[3], by: user)
            context.say(
                OperatorMessage(
                    zh: "已註銷並重開 \(number.rawValue)：\(buyer.summary)",
                    en: "Invoice \(number.rawValue) voided and re-issued: \(buyer.summary)"), .success)
            refresh(context: context)
        } catch {
            return voidDialog(context, values: values, problem: context.text(AppContext.message(for: error)))
        }
        return .stay
    }

    /// The buyer kinds of the void dialog, in the order `buyer(_:invoice:)` reads them.
    static let buyerKinds = [
        tr("B2B 統編", "B2B UBN"), tr("手機條碼", "Mobile barcode"), tr("自然人憑證", "Citizen cert."),
        tr("捐贈碼", "Donation"), tr("紙本證明聯", "Printed"),
    ]

    /// The buyer typed in the void dialog (kind index by position of the choice label).
    static func buyer(_ values: [String], invoice: InvoiceRecord?) throws -> InvoiceBuyer {
        let code = values[1].trimmingSpaces
        switch buyerKinds.firstIndex(where: { $0.zh == values[0] || $0.en == values[0] }) {
        case 0:
            let ubn = try TaxID(code)
            let name = values[2].trimmingSpaces
            return InvoiceBuyer(
                name: name.isEmpty ? invoice?.customerName ?? "" : name, delivery: .business(ubn: ubn.rawValue))
        case 1:
            return InvoiceBuyer(
                name: InvoiceBuyer.consumerName, delivery: .mobileBarcode(try InvoiceCarrier.mobileBarcode(code)))
        case 2:
            return InvoiceBuyer(
                name: InvoiceBuyer.consumerName,
                delivery: .citizenCertificate(try InvoiceCarrier.citizenCertificate(code)))
        case 3:
            return InvoiceBuyer(
                name: InvoiceBuyer.consumerName, delivery: .donation(try InvoiceCarrier.donationCode(code)))
        default: return InvoiceBuyer(name: InvoiceBuyer.consumerName, delivery: .printed)
        }
    }

    mutating func render(into grid: inout Grid, area: Area, context: AppContext) {
        let theme = context.theme
        guard let invoice else {
            grid.put(
                context.t("找不到發票 \(number.rawValue)", "No invoice \(number.rawValue)"), row: area.top + 1, column: 2,
                style: theme.error)
            return
        }
        if view != .details {
            renderQR(invoice, into: &grid, area: area, context: context)
            return
        }
        var row = area.top + 1
        func line(_ label: String, _ value: String, style: CellStyle? = nil) {
            grid.put(DisplayWidth.fit(label, width: 10), row: row, column: 2, style: theme.dim)
            grid.put(value, row: row, column: 12, style: style ?? theme.text, maxWidth: area.columns - 14)
            row += 1
        }
        line(
            context.t("狀態", "Status"),
            context.text(InvoiceLabels.status(invoice.status)) + "  " + invoice.period.label
                + (invoice.voids > 0
                    ? context.t("  已註銷重開 \(invoice.voids) 次", "  voided and re-issued \(invoice.voids)x") : ""),
            style: invoice.status == .cancelled ? theme.error : theme.text)
        line(context.t("客戶", "Customer"), "\(invoice.customer) \(invoice.customerName)")
        line(context.t("買受人", "Buyer"), invoice.draft.buyer.summary)
        line(
            context.t("開立", "Issued"), "\(invoice.issuedAt.short) \(invoice.issuedBy)  \(invoice.order?.rawValue ?? "")"
        )
        line(
            context.t("隨機碼", "Random"),
            invoice.randomNumber + "   " + context.t("條碼", "Barcode") + " " + invoice.barcode)
        row += 1
        for item in invoice.draft.lines where row < area.top + area.rows - 9 {
            let text =
                "\(DisplayWidth.rightAligned(String(item.sequence), width: 2)) \(DisplayWidth.fit(item.description, width: 20)) "
                + "\(DisplayWidth.rightAligned(String(item.quantity), width: 4)) \(DisplayWidth.fit(item.unit, width: 2)) x "
                + "\(DisplayWidth.rightAligned(item.unitPrice, width: 9)) = \(DisplayWidth.rightAligned(item.amount.grouped, width: 9))"
            grid.put(text, row: row, column: 2, style: theme.text, maxWidth: area.columns - 4)
            row += 1
        }
        row += 1
        line(
            context.t("金額", "Amounts"),
            context.t(
                "未稅 \(invoice.draft.split.net.grouped)  稅 \(invoice.draft.split.tax.grouped)  總計 \(invoice.draft.total.grouped)",
                "net \(invoice.draft.split.net.grouped)  tax \(invoice.draft.split.tax.grouped)  total \(invoice.draft.total.grouped)"
            ),
            style: theme.heading)
        line(
            context.t("應收", "Receivable"),
            context.t(
                "未收 \(invoice.open.grouped)  到期 \(invoice.dueDate?.iso ?? "-")",
                "open \(invoice.open.grouped)  due \(invoice.dueDate?.iso ?? "-")"))
        for allowance in invoice.allowances where row < area.top + area.rows - 2 {
            line(
                context.t("折讓", "Allowance"),
                "\(allowance.number) \(context.text(InvoiceLabels.status(allowance.status))) "
                    + context.t(
                        "未稅 \(allowance.draft.net.grouped) 稅 \(allowance.draft.tax.grouped)",
                        "net \(allowance.draft.net.grouped) tax \(allowance.draft.tax.grouped)")
                    + "  \(allowance.reason)")
        }
        for message in invoice.messages.suffix(3) where row < area.top + area.rows - 1 {
            line(
                context.t("上傳", "Upload"),
                "\(message.type) \(context.text(InvoiceLabels.message(message.type))) "
                    + "\(context.text(InvoiceLabels.upload(message.status))) "
                    + context.t("期限 ", "due ") + message.dueDate.iso + (message.resultReason.map { "  \($0)" } ?? ""),
                style: message.status == .rejected ? theme.error : theme.text)
        }
        if let reason = invoice.cancelReason, row < area.top + area.rows {
            line(context.t("作廢原因", "Cancelled"), reason, style: theme.error)
        }
    }

    private func renderQR(_ invoice: InvoiceRecord, into grid: inout Grid, area: Area, context: AppContext) {
        let theme = context.theme
        let left = view == .leftQR
        let text = left ? invoice.qrLeft : invoice.qrRight
        let label = left ? context.t("左側 QR 碼", "Left QR code") : context.t("右側 QR 碼", "Right QR code")
        // The proof as printed: the only place the number takes its printed form.
        grid.put(
            invoice.number.printed + "  " + label + "  (F4 " + context.t("下一個", "next") + ", Esc "
                + context.t("返回", "back") + ")", row: area.top + 1, column: 2, style: theme.heading)
        guard let code = try? QRCode(text: text) else {
            grid.put(
                context.t("無法產生 QR 碼", "Cannot make the QR code"), row: area.top + 3, column: 2, style: theme.error)
            return
        }
        let drawn = QRCodeView.draw(
            code, into: &grid, row: area.top + 2, column: 2, quietZone: 1,
            style: CellStyle(foreground: .white, background: .black),
            maxWidth: area.columns - 4, maxHeight: area.rows - 3)
        if !drawn {
            grid.put(
                context.t(
                    "視窗太小，無法顯示 QR 碼（需 \(code.size + 2) 欄 x \((code.size + 3) / 2) 列）",
                    "The window is too small for the QR code (needs \(code.size + 2) x \((code.size + 3) / 2))"),
                row: area.top + 3, column: 2, style: theme.warning)
        }
        grid.put(text, row: area.top + area.rows - 1, column: 2, style: theme.dim, maxWidth: area.columns - 4)
    }
}
