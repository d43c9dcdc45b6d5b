import Foundation

/// A small lock wrapper so fixtures stay Sendable without pulling in Synchronization.
final class NSLockish: @unchecked Sendable {
    private let lock = NSLock()

    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
