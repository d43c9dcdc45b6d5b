import LuckyGasCore
import LuckyGasWire

/// One example of every event kind, the values of the golden files in `Golden/`.
extension Examples {
    static func all() throws -> [any WireEvent] {
        [
            OrderPlaced(
                number: "O-20261204-0001", uuid: "3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b", customerID: "C000123",
                addressID: 1234, deliveryDate: "2026-12-07", slot: "MORNING",
                lines: [
                    WireOrderLine(
                        QuoteLine(
                            product: try ProductCode("P001"), name: "20公斤桶裝瓦斯", quantity: 2, unitPrice: Money(900),
                            isSpecialPrice: false, gross: Money(1800), discount: Money(100), net: Money(1700)))
                ], goodsGross: 1800, discount: 100, deliveryFee: 0, net: 1700, tax: 85, total: 1785, depositAtRisk: 0,
                reserved: 1785, placedAt: "2026-12-04T09:15:00+08:00", placedBy: "counter",
                creditOverrideBy: "supervisor", creditOverrideReason: "老客戶，月底付清"),
            OrderCancelled(
                number: "O-20261204-0001", reason: "客戶改期", released: 1785, cancelledAt: "2026-12-04T10:00:00+08:00",
                cancelledBy: "counter", approvedBy: "supervisor"),
            OrderAssigned(
                number: "O-20261204-0001", status: "ASSIGNED", note: "", at: "2026-12-04T10:00:00+08:00",
                by: "dispatcher"),
            OrderUnassigned(
                number: "O-20261204-0001", status: "CONFIRMED", note: "", at: "2026-12-04T10:00:00+08:00",
                by: "dispatcher"),
            OrderDeparted(
                number: "O-20261204-0001", status: "EN_ROUTE", note: "", at: "2026-12-04T10:00:00+08:00",
                by: "dispatcher"),
            OrderFailed(
                number: "O-20261204-0001", status: "FAILED", note: "客戶不在家", at: "2026-12-04T10:00:00+08:00",
                by: "dispatcher"),
            OrderRescheduled(
                number: "O-20261204-0001", status: "CONFIRMED", note: "", at: "2026-12-04T10:00:00+08:00",
                by: "dispatcher"),
            OrderDelivered(
                number: "O-20261204-0001", invoiceNumber: "AB12345678", total: 1785, deposit: 1500, emptiesReturned: 1,
                missingEmpties: 1, cylinderBalanceChange: 1, collected: 1785, paymentNumber: "R-20261204-0001",
                dueDate: "2027-01-03",
                driverID: "DRV001", deliveredAt: "2026-12-04T11:30:00+08:00", deliveredBy: "dispatcher"),
            SmsRequested(
                order: "O-20261204-0001", to: "0912345678", sender: "LUCKYGAS",
                message: "您的訂單 O-20261204-0001 已確認。預計配送時間：12/7 上午。金額：NT$1,785"),
            InvoiceIssued(
                number: "AB12345678", orderNumber: "O-20261204-0001", customerID: "C000123",
                buyer: WireBuyer(InvoiceBuyer(name: "0000", delivery: .donation("25885"))), net: 1700, tax: 85,
                total: 1785, randomNumber: "0427", issuedAt: "2026-12-04T11:30:00+08:00", issuedBy: "dispatcher"),
            InvoiceCancelled(
                number: "AB12345678", reason: "客戶取消訂購", approvedBy: "supervisor",
                cancelledAt: "2026-12-04T10:00:00+08:00", cancelledBy: "counter"),
            InvoiceVoidedAndReissued(
                number: "AB12345678", reason: "買方統編錯誤",
                previousBuyer: WireBuyer(InvoiceBuyer(name: "0000", delivery: .printed)),
                buyer: WireBuyer(InvoiceBuyer(name: "幸福小吃店", delivery: .business(ubn: "83235679"))),
                at: "2026-12-04T10:00:00+08:00", by: "dispatcher"),
            AllowanceIssued(
                number: "AL-20261204-0001", invoiceNumber: "AB12345678", customerID: "C000123", net: 200, tax: 10,
                total: 210, reason: "鋼瓶短少", approvedBy: "supervisor", issuedAt: "2026-12-04T11:30:00+08:00",
                issuedBy: "dispatcher"),
            AllowanceCancelled(
                number: "AL-20261204-0001", invoiceNumber: "AB12345678", reason: "誤開",
                cancelledAt: "2026-12-04T10:00:00+08:00", cancelledBy: "counter"),
            PaymentRecorded(
                number: "R-20261204-0001", customerID: "C000123", receivedOn: "2026-12-04", amount: 1785,
                method: "CASH", source: "DELIVERY", reference: "", collector: "DRV001", orderNumber: "O-20261204-0001",
                recordedAt: "2026-12-04T11:30:00+08:00", recordedBy: "dispatcher"),
            PaymentAllocated(
                number: "R-20261204-0001", rule: "OLDEST_FIRST",
                allocations: [WireAllocation(AllocationShare(item: 9, reference: "AB12345678", amount: Money(1785)))],
                unapplied: 0, at: "2026-12-04T10:00:00+08:00", by: "dispatcher"),
            PaymentUnallocated(
                number: "R-20261204-0001", amount: 1785, reason: "沖錯發票", unapplied: 1785,
                at: "2026-12-04T10:00:00+08:00", by: "dispatcher"),
            PaymentRefunded(
                number: "R-20261204-0001", amount: 500, reason: "溢收退款", unapplied: 0, at: "2026-12-04T10:00:00+08:00",
                by: "dispatcher"),
            PaymentReversed(
                number: "R-20261204-0002", reason: "支票退票", bounced: true, at: "2026-12-04T10:00:00+08:00",
                by: "dispatcher"),
            CheckCleared(
                number: "R-20261204-0002", amount: 3400, clearedOn: "2026-12-20", at: "2026-12-04T10:00:00+08:00",
                by: "dispatcher"),
            BankLinePosted(
                lineID: 42, paymentNumber: "R-20261204-0003", customerID: "C000123", amount: 5250,
                valueDate: "2026-12-04", rule: "VIRTUAL_ACCOUNT", at: "2026-12-04T10:00:00+08:00", by: "dispatcher"),
            BankLineRejected(
                lineID: 42, reason: "非客戶款項", at: "2026-12-04T10:00:00+08:00", by: "dispatcher"),
            SettlementSubmitted(
                key: "DRV001/2026-12-04", collector: "DRV001", day: "2026-12-04", expectedCash: 12600,
                expectedChecks: 3400, countedCash: 12500, countedChecks: 3400, reason: "找零短少",
                at: "2026-12-04T10:00:00+08:00", by: "dispatcher"),
            SettlementApproved(
                key: "DRV001/2026-12-04", collector: "DRV001", day: "2026-12-04", countedCash: 12500,
                countedChecks: 3400, at: "2026-12-04T10:00:00+08:00", by: "supervisor"),
            ProvisionPosted(
                reference: "PROV-2026-11-30", asOf: "2026-11-30", required: 18250, change: -1200,
                at: "2026-12-04T10:00:00+08:00", by: "dispatcher"),
            CreditHoldPlaced(
                holdID: 7, customerID: "C000123", kind: "MANUAL", reason: "逾期未付", at: "2026-12-04T10:00:00+08:00",
                by: "dispatcher"),
            CreditHoldReleased(
                holdID: 7, customerID: "C000123", reason: "已結清", at: "2026-12-04T10:00:00+08:00", by: "dispatcher"),
            CustomerAdded(
                id: "C000123", customer: try Examples.customer(), at: "2026-12-04T10:00:00+08:00", by: "dispatcher"),
            CustomerChanged(
                id: "C000123", customer: try Examples.customer(), at: "2026-12-04T10:00:00+08:00", by: "dispatcher"),
            SpecialPriceSet(
                customerID: "C000123", product: "P001", price: 720, validFrom: "2026-12-01", validUntil: "2027-05-31",
                at: "2026-12-04T10:00:00+08:00", by: "dispatcher"),
            OpeningBalanceImported(
                openItemID: 9, customerID: "C000123", reference: "OLD-2026-0031", documentDate: "2026-10-31",
                dueDate: "2026-11-30", amount: 4200, at: "2026-12-04T10:00:00+08:00", by: "dispatcher"),
            ProductSaved(
                code: "P001", name: "20公斤桶裝瓦斯", category: "CYLINDER", sizeKg: 20, price: 760, deposit: 1500,
                active: true, at: "2026-12-04T10:00:00+08:00", by: "dispatcher"),
            HolidaySaved(
                date: "2027-01-01", name: "中華民國開國紀念日", delivers: false, at: "2026-12-04T10:00:00+08:00",
                by: "dispatcher"),
            ParameterChanged(
                key: "credit.overdue_hold_days", value: "30", at: "2026-12-04T10:00:00+08:00", by: "dispatcher"),
            DriverSaved(
                id: "DRV001", name: "陳大明", phone: "0912345678", active: true, at: "2026-12-04T10:00:00+08:00",
                by: "dispatcher"),
            VehicleSaved(
                plate: "ABC-1234", capacityCylinders: 60, driverID: "DRV001", active: true,
                at: "2026-12-04T10:00:00+08:00", by: "dispatcher"),
            UserAdded(
                name: "lin", displayName: "林小姐", role: "ACCOUNTANT", at: "2026-12-04T10:00:00+08:00", by: "admin"),
            UserChanged(
                name: "lin", change: "ROLE", role: "SUPERVISOR", active: true, at: "2026-12-04T10:05:00+08:00",
                by: "admin"),
        ]
    }
}
