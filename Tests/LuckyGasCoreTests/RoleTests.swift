import LuckyGasCore
import Testing

// DOMAIN.md "People and rights": COUNTER (customers, orders, credit view), ACCOUNTANT (invoices,
// payments, reports), DISPATCHER (dispatch), SUPERVISOR (all of these plus overrides and
// approvals), ADMIN (users, parameters, prices).

private let expectedRights: [Role: Set<Permission>] = [
    .counter: [.viewCustomers, .editCustomers, .placeOrders, .cancelOrders, .viewCredit],
    .accountant: [.viewCustomers, .viewCredit, .invoices, .payments, .reports],
    .dispatcher: [.viewCustomers, .dispatch],
    .supervisor: [
        .viewCustomers, .editCustomers, .placeOrders, .cancelOrders, .viewCredit, .invoices, .payments, .reports,
        .dispatch, .override, .approve,
    ],
    .admin: [.viewCustomers, .editCustomers, .viewCredit, .administer],
]

@Suite("Roles and rights")
struct RoleTests {
    @Test("Each role allows exactly its rights", arguments: Role.allCases, Permission.allCases)
    func matrix(role: Role, permission: Permission) throws {
        let rights = try #require(expectedRights[role])
        #expect(role.allows(permission) == rights.contains(permission))
    }

    @Test("The counter cannot override, approve, invoice, dispatch or administer")
    func counter() {
        for permission in [Permission.override, .approve, .invoices, .payments, .dispatch, .administer] {
            #expect(!Role.counter.allows(permission), "\(permission)")
        }
    }

    @Test("A supervisor can do what counter, accountant and dispatcher can, and override")
    func supervisor() {
        let staff = Role.counter.permissions.union(Role.accountant.permissions).union(Role.dispatcher.permissions)
        #expect(staff.isSubset(of: Role.supervisor.permissions))
        #expect(Role.supervisor.allows(.override))
        #expect(Role.supervisor.allows(.approve))
        #expect(!Role.supervisor.allows(.administer))
    }

    @Test("Only the supervisor overrides and only the admin administers")
    func exclusiveRights() {
        #expect(Role.allCases.filter { $0.allows(.override) } == [.supervisor])
        #expect(Role.allCases.filter { $0.allows(.approve) } == [.supervisor])
        #expect(Role.allCases.filter { $0.allows(.administer) } == [.admin])
    }

    @Test("Every right has a label in both languages")
    func labels() {
        for permission in Permission.allCases {
            #expect(!permission.label.zh.isEmpty && !permission.label.en.isEmpty)
        }
        #expect(Permission.override.label.en == "approve an override")
        // Every label is an action a refusal can name: "is not allowed to <label>".
        #expect(Permission.invoices.label.en == "issue or change invoices")
    }
}
