import GRDB
import LuckyGasCore

/// Reads stored values that must parse: a value that does not is an error naming the table,
/// row and column (`StoreError.badStoredValue`), never a silent default.
enum Stored {
    /// The row's id for the message: `id`, else `number`, else `key`, else `?`.
    private static func rowID(_ row: Row, _ id: String?) -> String {
        if let id { return id }
        for column in ["id", "number", "key"] {
            if let value = row[column] as DatabaseValue? {
                switch value.storage {
                case .string(let text): return text
                case .int64(let number): return String(number)
                case .double(let number): return String(number)
                case .blob, .null: continue
                }
            }
        }
        return "?"
    }

    private static func text(_ row: Row, _ column: String, table: String, id: String?) throws -> String {
        guard let text = row[column] as String? else {
            throw StoreError.badStoredValue(table: table, row: rowID(row, id), column: column, value: "NULL")
        }
        return text
    }

    /// A stored enumeration (`status`, `method`, `kind`, ...).
    static func value<Value: RawRepresentable>(
        _ type: Value.Type, _ row: Row, _ column: String, table: String, id: String? = nil
    ) throws -> Value where Value.RawValue == String {
        let text = try text(row, column, table: table, id: id)
        guard let value = Value(rawValue: text) else {
            throw StoreError.badStoredValue(table: table, row: rowID(row, id), column: column, value: text)
        }
        return value
    }

    /// A stored enumeration that may be NULL.
    static func optional<Value: RawRepresentable>(
        _ type: Value.Type, _ row: Row, _ column: String, table: String, id: String? = nil
    ) throws -> Value? where Value.RawValue == String {
        guard row[column] as String? != nil else { return nil }
        return try value(type, row, column, table: table, id: id)
    }

    /// A stored ISO date.
    static func date(_ row: Row, _ column: String, table: String, id: String? = nil) throws -> LocalDate {
        let text = try text(row, column, table: table, id: id)
        do { return try LocalDate(text) } catch {
            throw StoreError.badStoredValue(table: table, row: rowID(row, id), column: column, value: text)
        }
    }

    /// A stored ISO date that may be NULL.
    static func optionalDate(_ row: Row, _ column: String, table: String, id: String? = nil) throws -> LocalDate? {
        guard row[column] as String? != nil else { return nil }
        return try date(row, column, table: table, id: id)
    }

    /// A stored ISO date-time that may be NULL.
    static func moment(_ row: Row, _ column: String, table: String, id: String? = nil) throws -> LocalDateTime? {
        guard let text = row[column] as String? else { return nil }
        do { return try LocalDateTime(text) } catch {
            throw StoreError.badStoredValue(table: table, row: rowID(row, id), column: column, value: text)
        }
    }

    /// A stored customer id.
    static func customerID(_ row: Row, _ column: String, table: String, id: String? = nil) throws -> CustomerID {
        let text = try text(row, column, table: table, id: id)
        do { return try CustomerID(text) } catch {
            throw StoreError.badStoredValue(table: table, row: rowID(row, id), column: column, value: text)
        }
    }

    /// Any other stored value with a throwing parser.
    static func parsed<Value>(
        _ row: Row, _ column: String, table: String, id: String? = nil, _ parse: (String) throws -> Value
    ) throws -> Value {
        let text = try text(row, column, table: table, id: id)
        do { return try parse(text) } catch {
            throw StoreError.badStoredValue(table: table, row: rowID(row, id), column: column, value: text)
        }
    }
}
