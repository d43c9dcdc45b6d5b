import GRDB
import LuckyGasCore

/// The credit reservation ledger, the one writer of `credit_reservation`: RESERVE at
/// confirmation, RELEASE at cancellation, USE at delivery.
enum Reservations {
    enum Kind: String { case reserve = "RESERVE", release = "RELEASE", use = "USE" }

    static func record(
        _ db: Database, _ kind: Kind, customer: CustomerID, order: OrderNumber, amount: Money, at: LocalDateTime,
        by user: String
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO credit_reservation (customer_id, order_number, kind, amount, at, by_user)
                VALUES (?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [customer.rawValue, order.rawValue, kind.rawValue, amount.amount, at.iso, user])
    }
}
