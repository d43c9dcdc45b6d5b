import LuckyGasCore

/// Free text an intent method writes (reasons, notes, references): trimmed, printable, within
/// `limit` characters (`FreeText`), or `StoreError.invalid` naming the field.
func inputText(_ text: String, field: String, limit: Int = FreeText.Limit.note) throws -> String {
    do { return try FreeText.checked(text, field: field, limit: limit) } catch {
        throw StoreError.invalid(error)
    }
}
