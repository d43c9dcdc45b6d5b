import GRDB

extension Stored {
    /// The first row of `statement`, decoded by `body` while the statement still holds it, or nil.
    ///
    /// GRDB's `fetchOne`/`fetchAll` copy each row, and a copied row finds a column by name by
    /// lowercasing every column name in turn: quadratic in the columns of a `SELECT *` (9 % of
    /// a delivery, whose order has thirty columns). The statement's own row finds it in a
    /// dictionary.
    static func first<T>(
        _ statement: Statement, arguments: StatementArguments, _ body: (Row) throws -> T
    ) throws -> T? {
        let cursor = try Row.fetchCursor(statement, arguments: arguments)
        return try withExtendedLifetime(cursor) { try cursor.next().map(body) }
    }

    /// Every row of `statement`, each decoded by `body` while the statement holds it (`first`).
    static func all<T>(
        _ statement: Statement, arguments: StatementArguments, _ body: (Row) throws -> T
    ) throws -> [T] {
        let cursor = try Row.fetchCursor(statement, arguments: arguments)
        var decoded: [T] = []
        while let row = try cursor.next() { decoded.append(try body(row)) }
        return decoded
    }
}
