import GRDB
import LuckyGasCore

/// Who this store is to central: the sync device (`device_id`, `device_epoch` in `sync_state`)
/// and the branch (`branch.code`, `branch.name`, `branch.demo`). One device = one SQLite file.
public struct BranchIdentity: Sendable, Hashable {
    /// UUID v4 of this store.
    public var deviceID: String
    /// 1 when created; a restored or copied store takes a new identity.
    public var deviceEpoch: Int
    /// Branch code (`TPE01`).
    public var code: String
    /// Branch name (`台北信義門市`).
    public var name: String
    /// A copy of the demo sample, not a real branch: central must never take its events.
    public var isDemo: Bool
}

extension BranchIdentity {
    /// A branch code (2-10 capital letters and digits, upper-cased) and a printable, non-empty
    /// name, or the refusal: checked before anything is written (`db init --force` checks first).
    public static func checked(code: String, name: String) throws -> (code: String, name: String) {
        let code = code.trimmingSpaces.uppercased()
        guard (2...10).contains(code.count), code.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }) else {
            throw StoreError.invalid(.branchCode(code))
        }
        let name = try inputText(name, field: "分店名稱 branch name", limit: FreeText.Limit.name)
        guard !name.isEmpty else { throw StoreError.invalid(.empty(field: "分店名稱 branch name")) }
        return (code, name)
    }
}

extension AppDatabase {
    /// The store's identity. A missing or unreadable `device_id` / `device_epoch` is an error
    /// naming the row (migration `v4-contracts` sets both).
    public func branchIdentity() throws -> BranchIdentity {
        try read { db in
            func state(_ key: String) throws -> String {
                guard
                    let value = try String.fetchOne(
                        db, sql: "SELECT value FROM sync_state WHERE key = ?", arguments: [key])
                else { throw StoreError.badStoredValue(table: "sync_state", row: key, column: "value", value: "NULL") }
                return value
            }
            let epochText = try state("device_epoch")
            guard let epoch = Int(epochText), epoch >= 1 else {
                throw StoreError.badStoredValue(
                    table: "sync_state", row: "device_epoch", column: "value", value: epochText)
            }
            return BranchIdentity(
                deviceID: try state("device_id"), deviceEpoch: epoch,
                code: try Parameters.value(db, "branch.code") ?? "",
                name: try Parameters.value(db, "branch.name") ?? "",
                isDemo: try Parameters.value(db, "branch.demo") == "1")
        }
    }

    /// Names the branch and gives the store a new device identity (a fresh UUID, epoch 1): at
    /// `db init`, when the sample is generated, and when the sample is copied for a demo (each
    /// copy is its own device). Branch code: 2-10 capital letters and digits.
    public func establishBranch(code: String, name: String, demo: Bool) throws {
        let (code, name) = try BranchIdentity.checked(code: code, name: name)
        try intent(.system) { intent in
            let device = intent.ids.uuid()
            for (key, value) in [("branch.code", code), ("branch.name", name), ("branch.demo", demo ? "1" : "0")] {
                try Parameters.store(intent.db, key, value)
            }
            try SyncState.setDevice(intent.db, id: device, epoch: 1)
            try intent.audit(
                "branch.establish", "branch", code,
                after: ["code": code, "name": name, "demo": demo ? "1" : "0", "deviceID": device, "deviceEpoch": "1"])
        }
    }
}

/// The one writer of `sync_state`.
enum SyncState {
    /// Sets the device identity.
    static func setDevice(_ db: Database, id: String, epoch: Int) throws {
        try db.execute(
            sql: """
                INSERT INTO sync_state (key, value) VALUES ('device_id', ?), ('device_epoch', ?)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """, arguments: [id, String(epoch)])
    }
}
