import LuckyGasCore

// Helpers that build values from the text a person types, so the tables stay readable.
// A typo in a table throws and fails the test that uses it.

/// A calendar day from `YYYY-MM-DD`.
func day(_ text: String) throws -> LocalDate { try LocalDate(text) }

/// A Taipei wall-clock moment from `YYYY-MM-DD HH:MM[:SS]`.
func moment(_ text: String) throws -> LocalDateTime { try LocalDateTime(text) }

/// A product code from `Pnnn`.
func productCode(_ text: String) throws -> ProductCode { try ProductCode(text) }
