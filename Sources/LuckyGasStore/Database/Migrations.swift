import GRDB

/// The schema, as named append-only migrations. Never edit a registered migration: add a new one.
/// Migrations reference no app types, so old databases always migrate the same way.
enum Migrations {
    /// All migrations in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-foundation", migrate: foundation)
        migrator.registerMigration("v2-invoicing", migrate: invoicing)
        migrator.registerMigration("v3-receivables", migrate: receivables)
        migrator.registerMigration("v4-contracts", migrate: contracts)
        migrator.registerMigration("v5-users", migrate: users)
        migrator.registerMigration("v6-sign-in", migrate: signIn)
        migrator.registerMigration("v7-reference-version", migrate: referenceVersion)
        migrator.registerMigration("v8-ledger-as-of", migrate: ledgerAsOf)
        return migrator
    }

    /// The name of the newest migration this program knows.
    static var latest: String { migrator.migrations.last ?? "" }

    private static func foundation(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE parameter (
                  key TEXT PRIMARY KEY, value TEXT NOT NULL, description TEXT NOT NULL);
                CREATE TABLE holiday (
                  date TEXT PRIMARY KEY, name TEXT NOT NULL, delivers INTEGER NOT NULL DEFAULT 0 CHECK (delivers IN (0, 1)));

                CREATE TABLE app_user (
                  name TEXT PRIMARY KEY, display_name TEXT NOT NULL,
                  role TEXT NOT NULL CHECK (role IN ('COUNTER','ACCOUNTANT','DISPATCHER','SUPERVISOR','ADMIN')),
                  password_hash TEXT NOT NULL, failed_attempts INTEGER NOT NULL DEFAULT 0,
                  locked_until TEXT, active INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL);

                CREATE TABLE customer (
                  id TEXT PRIMARY KEY CHECK (id GLOB 'C[0-9][0-9][0-9][0-9][0-9][0-9]'),
                  uuid TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
                  type TEXT NOT NULL CHECK (type IN ('RESIDENTIAL','COMMERCIAL','INDUSTRIAL')),
                  status TEXT NOT NULL CHECK (status IN ('ACTIVE','SUSPENDED','CLOSED')),
                  tax_id TEXT, terms TEXT NOT NULL CHECK (terms IN ('COD','NET30','MONTHLY')),
                  credit_limit INTEGER NOT NULL DEFAULT 0 CHECK (credit_limit >= 0),
                  invoice_kind TEXT NOT NULL, invoice_value TEXT NOT NULL DEFAULT '',
                  cylinder_balance INTEGER NOT NULL DEFAULT 0, notes TEXT NOT NULL DEFAULT '',
                  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1,
                  list_phone TEXT NOT NULL DEFAULT '', list_address TEXT NOT NULL DEFAULT '', list_zone TEXT);
                CREATE INDEX customer_tax_id ON customer(tax_id);
                CREATE TABLE customer_contact (
                  customer_id TEXT NOT NULL REFERENCES customer(id), position INTEGER NOT NULL,
                  name TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL, kind TEXT NOT NULL,
                  PRIMARY KEY (customer_id, position));
                CREATE INDEX customer_contact_phone ON customer_contact(phone);
                CREATE TABLE customer_address (
                  id INTEGER PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES customer(id),
                  kind TEXT NOT NULL CHECK (kind IN ('DELIVERY','BILLING')), text TEXT NOT NULL,
                  postal_code TEXT NOT NULL, zone TEXT NOT NULL CHECK (zone IN ('NORTH','CENTRAL','SOUTH','REMOTE')),
                  latitude REAL, longitude REAL, is_default INTEGER NOT NULL DEFAULT 0,
                  instructions TEXT NOT NULL DEFAULT '', active INTEGER NOT NULL DEFAULT 1);
                CREATE INDEX customer_address_customer ON customer_address(customer_id);

                CREATE TABLE product (
                  code TEXT PRIMARY KEY CHECK (code GLOB 'P[0-9][0-9][0-9]'), name TEXT NOT NULL,
                  category TEXT NOT NULL CHECK (category IN ('CYLINDER','ACCESSORY')), size_kg INTEGER,
                  price INTEGER NOT NULL CHECK (price >= 0), deposit INTEGER NOT NULL DEFAULT 0,
                  requires_empty_return INTEGER NOT NULL DEFAULT 0, active INTEGER NOT NULL DEFAULT 1);
                CREATE TABLE price_rule (
                  kind TEXT NOT NULL, key TEXT NOT NULL, value INTEGER NOT NULL, PRIMARY KEY (kind, key));
                CREATE TABLE special_price (
                  customer_id TEXT NOT NULL REFERENCES customer(id), product_code TEXT NOT NULL REFERENCES product(code),
                  price INTEGER NOT NULL CHECK (price >= 0), valid_from TEXT NOT NULL, valid_until TEXT NOT NULL,
                  PRIMARY KEY (customer_id, product_code, valid_from));

                CREATE TABLE driver (
                  id TEXT PRIMARY KEY, name TEXT NOT NULL, phone TEXT NOT NULL, license_no TEXT NOT NULL,
                  active INTEGER NOT NULL DEFAULT 1);
                CREATE TABLE vehicle (
                  plate TEXT PRIMARY KEY, capacity_cylinders INTEGER NOT NULL CHECK (capacity_cylinders > 0),
                  driver_id TEXT REFERENCES driver(id), active INTEGER NOT NULL DEFAULT 1);

                CREATE TABLE sales_order (
                  number TEXT PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
                  customer_id TEXT NOT NULL REFERENCES customer(id),
                  address_id INTEGER NOT NULL REFERENCES customer_address(id),
                  delivery_date TEXT NOT NULL, slot TEXT NOT NULL, status TEXT NOT NULL,
                  goods_gross INTEGER NOT NULL, discount INTEGER NOT NULL, goods_net INTEGER NOT NULL,
                  delivery_fee INTEGER NOT NULL, net INTEGER NOT NULL, tax INTEGER NOT NULL, total INTEGER NOT NULL,
                  deposit_at_risk INTEGER NOT NULL, cylinders INTEGER NOT NULL, discount_percent INTEGER NOT NULL,
                  fee_factor_permille INTEGER NOT NULL, placed_at TEXT NOT NULL, placed_by TEXT NOT NULL,
                  credit_override_by TEXT, credit_override_reason TEXT,
                  cancelled_at TEXT, cancelled_by TEXT, cancel_reason TEXT, version INTEGER NOT NULL DEFAULT 1);
                CREATE INDEX sales_order_customer ON sales_order(customer_id, delivery_date);
                CREATE INDEX sales_order_date ON sales_order(delivery_date, status);
                CREATE TABLE order_line (
                  order_number TEXT NOT NULL REFERENCES sales_order(number), line_no INTEGER NOT NULL,
                  product_code TEXT NOT NULL REFERENCES product(code), name TEXT NOT NULL,
                  quantity INTEGER NOT NULL CHECK (quantity > 0), unit_price INTEGER NOT NULL,
                  is_special_price INTEGER NOT NULL, gross INTEGER NOT NULL, discount INTEGER NOT NULL, net INTEGER NOT NULL,
                  PRIMARY KEY (order_number, line_no));
                CREATE TABLE order_sequence (day TEXT PRIMARY KEY, last INTEGER NOT NULL);

                CREATE TABLE credit_reservation (
                  id INTEGER PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES customer(id),
                  order_number TEXT NOT NULL REFERENCES sales_order(number),
                  kind TEXT NOT NULL CHECK (kind IN ('RESERVE','RELEASE','USE')),
                  amount INTEGER NOT NULL CHECK (amount >= 0), at TEXT NOT NULL, by_user TEXT NOT NULL);
                CREATE INDEX credit_reservation_customer ON credit_reservation(customer_id);
                CREATE INDEX credit_reservation_order ON credit_reservation(order_number);
                CREATE TABLE open_item (
                  id INTEGER PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES customer(id),
                  kind TEXT NOT NULL, reference TEXT NOT NULL, document_date TEXT NOT NULL, due_date TEXT NOT NULL,
                  amount INTEGER NOT NULL, open_amount INTEGER NOT NULL,
                  CHECK (open_amount >= 0 AND open_amount <= amount));
                CREATE INDEX open_item_customer ON open_item(customer_id, due_date) WHERE open_amount > 0;
                CREATE TABLE credit_hold (
                  id INTEGER PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES customer(id), reason TEXT NOT NULL,
                  placed_at TEXT NOT NULL, placed_by TEXT NOT NULL,
                  released_at TEXT, released_by TEXT, release_reason TEXT);
                CREATE INDEX credit_hold_customer ON credit_hold(customer_id) WHERE released_at IS NULL;

                CREATE TABLE audit_log (
                  id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, user TEXT NOT NULL, action TEXT NOT NULL,
                  entity TEXT NOT NULL, entity_id TEXT NOT NULL, before TEXT, after TEXT,
                  prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
                CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
                CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

                CREATE TABLE sync_outbox (
                  seq INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL UNIQUE,
                  aggregate_type TEXT NOT NULL, aggregate_id TEXT NOT NULL, aggregate_version INTEGER NOT NULL,
                  event_type TEXT NOT NULL, schema_version INTEGER NOT NULL DEFAULT 1,
                  payload TEXT NOT NULL CHECK (json_valid(payload)), created_at TEXT NOT NULL,
                  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','acked','rejected')),
                  attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, acked_at TEXT, server_result TEXT);
                CREATE INDEX sync_outbox_pending ON sync_outbox(status, seq);
                CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE sync_issue (
                  id INTEGER PRIMARY KEY, seq INTEGER, kind TEXT NOT NULL, message TEXT NOT NULL,
                  created_at TEXT NOT NULL, resolved_at TEXT);

                CREATE VIRTUAL TABLE customer_fts USING fts5(
                  customer_id UNINDEXED, name, address, phones, tax_id, tokenize = 'trigram');
                CREATE VIRTUAL TABLE customer_gram USING fts5(
                  customer_id UNINDEXED, name, address, tokenize = 'unicode61');
                """)
        // Default parameters and price rules of DOMAIN.md (all changeable by an administrator).
        try db.execute(
            sql: """
                INSERT INTO parameter (key, value, description) VALUES
                  ('branch.code', 'TPE01', '分店代號 branch code'),
                  ('branch.name', '台北信義門市', '分店名稱 branch name'),
                  ('business.weekday_open', '08:00', '平日營業開始 weekday opening'),
                  ('business.weekday_close', '18:00', '平日營業結束 weekday closing'),
                  ('business.saturday_open', '08:00', '週六營業開始 Saturday opening'),
                  ('business.saturday_close', '12:00', '週六營業結束 Saturday closing'),
                  ('order.same_day_cutoff', '14:00', '當日訂單截止 same-day cutoff'),
                  ('order.advance_booking_days', '30', '可預約天數 advance booking days'),
                  ('order.cancellation_window_hours', '4', '取消期限(配送前小時) cancellation window hours'),
                  ('order.urgent_within_hours', '2', '急件送達時限 urgent within hours'),
                  ('credit.overdue_hold_days', '30', '逾期自動凍結天數 overdue days before a hold'),
                  ('auth.max_failed_attempts', '5', '密碼錯誤上限 failed sign-ins before lock'),
                  ('auth.lock_minutes', '5', '鎖定分鐘 lock minutes');
                INSERT INTO price_rule (kind, key, value) VALUES
                  ('VOLUME_DISCOUNT_PERCENT', '10', 2), ('VOLUME_DISCOUNT_PERCENT', '20', 3),
                  ('ZONE_FEE', 'NORTH', 50), ('ZONE_FEE', 'CENTRAL', 80), ('ZONE_FEE', 'SOUTH', 100),
                  ('ZONE_FEE', 'REMOTE', 200),
                  ('FEE_FACTOR_PERMILLE', 'EVENING', 1300), ('FEE_FACTOR_PERMILLE', 'URGENT', 1500),
                  ('FEE_FACTOR_PERMILLE', 'HOLIDAY', 2000),
                  ('FREE_DELIVERY_FROM', 'GOODS_NET', 1500), ('MINIMUM_ORDER', 'GOODS_NET', 800),
                  ('TAX_RATE_PERCENT', 'VAT', 5);
                """)
    }

    /// E-invoices, number tracks, platform messages, allowances, deliveries and the journal.
    private static func invoicing(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE invoice_track (
                  id INTEGER PRIMARY KEY, period TEXT NOT NULL, invoice_type TEXT NOT NULL DEFAULT '07',
                  track TEXT NOT NULL CHECK (track GLOB '[A-Z][A-Z]'),
                  begin_no INTEGER NOT NULL, end_no INTEGER NOT NULL, next_no INTEGER NOT NULL,
                  imported_at TEXT NOT NULL, imported_by TEXT NOT NULL, source TEXT NOT NULL, blank_reported_at TEXT,
                  UNIQUE (period, track, begin_no),
                  CHECK (begin_no % 50 = 0 AND (end_no + 1) % 50 = 0 AND end_no >= begin_no
                         AND next_no BETWEEN begin_no AND end_no + 1));
                CREATE TABLE invoice (
                  number TEXT PRIMARY KEY CHECK (number GLOB '[A-Z][A-Z][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
                  period TEXT NOT NULL, track_id INTEGER NOT NULL REFERENCES invoice_track(id),
                  order_number TEXT REFERENCES sales_order(number), customer_id TEXT NOT NULL REFERENCES customer(id),
                  issued_at TEXT NOT NULL, issued_by TEXT NOT NULL, buyer TEXT NOT NULL CHECK (json_valid(buyer)),
                  buyer_identifier TEXT NOT NULL, is_business INTEGER NOT NULL, random_number TEXT NOT NULL,
                  net INTEGER NOT NULL, tax INTEGER NOT NULL, total INTEGER NOT NULL,
                  status TEXT NOT NULL CHECK (status IN ('ISSUED','CANCELLED')),
                  cancelled_at TEXT, cancelled_by TEXT, cancel_reason TEXT, approved_by TEXT,
                  voids INTEGER NOT NULL DEFAULT 0, prints INTEGER NOT NULL DEFAULT 0,
                  version INTEGER NOT NULL DEFAULT 1);
                CREATE INDEX invoice_issued ON invoice(issued_at);
                CREATE INDEX invoice_period ON invoice(period, number);
                CREATE INDEX invoice_customer ON invoice(customer_id, issued_at);
                CREATE UNIQUE INDEX invoice_order ON invoice(order_number);
                CREATE TABLE invoice_line (
                  invoice_number TEXT NOT NULL REFERENCES invoice(number), sequence INTEGER NOT NULL,
                  product_code TEXT, description TEXT NOT NULL, quantity INTEGER NOT NULL, unit TEXT NOT NULL,
                  amount INTEGER NOT NULL, net INTEGER NOT NULL, PRIMARY KEY (invoice_number, sequence));
                CREATE TABLE allowance (
                  number TEXT PRIMARY KEY, invoice_number TEXT NOT NULL REFERENCES invoice(number),
                  customer_id TEXT NOT NULL REFERENCES customer(id), issued_at TEXT NOT NULL, issued_by TEXT NOT NULL,
                  net INTEGER NOT NULL, tax INTEGER NOT NULL, reason TEXT NOT NULL, approved_by TEXT,
                  status TEXT NOT NULL CHECK (status IN ('ISSUED','CANCELLED')),
                  cancelled_at TEXT, cancelled_by TEXT, cancel_reason TEXT);
                CREATE INDEX allowance_invoice ON allowance(invoice_number);
                CREATE TABLE allowance_line (
                  allowance_number TEXT NOT NULL REFERENCES allowance(number), line_no INTEGER NOT NULL,
                  invoice_sequence INTEGER NOT NULL, description TEXT NOT NULL, net INTEGER NOT NULL,
                  tax INTEGER NOT NULL, PRIMARY KEY (allowance_number, line_no));
                CREATE TABLE allowance_sequence (day TEXT PRIMARY KEY, last INTEGER NOT NULL);
                CREATE TABLE einvoice_message (
                  id INTEGER PRIMARY KEY, message_type TEXT NOT NULL, reference TEXT NOT NULL,
                  document_date TEXT NOT NULL, created_at TEXT NOT NULL, due_date TEXT NOT NULL, xml TEXT NOT NULL,
                  status TEXT NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','EXPORTED','ACCEPTED','REJECTED')),
                  file_name TEXT, exported_at TEXT, result_at TEXT, result_reason TEXT);
                CREATE INDEX einvoice_message_status ON einvoice_message(status, id);
                CREATE INDEX einvoice_message_reference ON einvoice_message(reference, message_type);
                CREATE TABLE delivery (
                  order_number TEXT PRIMARY KEY REFERENCES sales_order(number), delivered_at TEXT NOT NULL,
                  delivered_by TEXT NOT NULL, empties_returned INTEGER NOT NULL, missing_empties INTEGER NOT NULL,
                  deposit INTEGER NOT NULL, collected INTEGER NOT NULL, method TEXT,
                  invoice_number TEXT REFERENCES invoice(number));
                CREATE TABLE delivery_line (
                  order_number TEXT NOT NULL REFERENCES delivery(order_number), product_code TEXT NOT NULL,
                  ordered INTEGER NOT NULL, delivered INTEGER NOT NULL, PRIMARY KEY (order_number, product_code));
                CREATE TABLE journal_entry (
                  id INTEGER PRIMARY KEY, date TEXT NOT NULL, source TEXT NOT NULL, reference TEXT NOT NULL,
                  description TEXT NOT NULL, created_at TEXT NOT NULL, created_by TEXT NOT NULL);
                CREATE INDEX journal_entry_date ON journal_entry(date, id);
                CREATE TABLE journal_line (
                  entry_id INTEGER NOT NULL REFERENCES journal_entry(id), line_no INTEGER NOT NULL,
                  account TEXT NOT NULL, customer_id TEXT, debit INTEGER NOT NULL CHECK (debit >= 0),
                  credit INTEGER NOT NULL CHECK (credit >= 0), PRIMARY KEY (entry_id, line_no));
                CREATE INDEX journal_line_account ON journal_line(account, customer_id);
                CREATE TRIGGER journal_line_no_update BEFORE UPDATE ON journal_line
                  BEGIN SELECT RAISE(ABORT, 'journal lines are never changed: post a reversing entry'); END;
                CREATE TRIGGER journal_line_no_delete BEFORE DELETE ON journal_line
                  BEGIN SELECT RAISE(ABORT, 'journal lines are never deleted: post a reversing entry'); END;
                ALTER TABLE open_item ADD COLUMN closed_reason TEXT;
                INSERT INTO parameter (key, value, description) VALUES
                  ('company.ubn', '', '公司統一編號 seller UBN'),
                  ('company.name', '', '公司名稱 company name'),
                  ('company.address', '', '公司地址 company address'),
                  ('company.tax_registration_no', '', '稅籍編號 tax registration number (401 media file)'),
                  ('einvoice.qr_key', '', 'QR 種子密碼 Hex 32 碼 QR code AES key (secret)'),
                  ('einvoice.qr_key_is_test', '0', 'QR 金鑰為測試用 the QR key is a test key'),
                  ('einvoice.allowance_supervisor_above', '10000', '折讓超過此金額需主管核准 allowances above need a supervisor');
                """)
    }

    /// Payments and allocations, bank statements, driver settlements, bad-debt provisions, and a
    /// dated history of every change to an open item (for aging as of any date).
    private static func receivables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE payment (
                  number TEXT PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES customer(id),
                  received_on TEXT NOT NULL, amount INTEGER NOT NULL CHECK (amount > 0),
                  method TEXT NOT NULL
                    CHECK (method IN ('CASH','CHECK','BANK_TRANSFER','CREDIT_CARD','LINE_PAY','JKOPAY')),
                  reference TEXT NOT NULL DEFAULT '', check_bank TEXT, check_number TEXT, check_due TEXT,
                  check_status TEXT CHECK (check_status IN ('HELD','CLEARED','BOUNCED')),
                  source TEXT NOT NULL CHECK (source IN ('COUNTER','DELIVERY','BANK')),
                  collector TEXT, order_number TEXT, bank_line_id INTEGER,
                  unapplied INTEGER NOT NULL CHECK (unapplied >= 0), refunded INTEGER NOT NULL DEFAULT 0,
                  status TEXT NOT NULL DEFAULT 'POSTED' CHECK (status IN ('POSTED','REVERSED')),
                  reversed_on TEXT, reversed_by TEXT, reversal_reason TEXT,
                  created_at TEXT NOT NULL, created_by TEXT NOT NULL,
                  CHECK (unapplied + refunded <= amount));
                CREATE INDEX payment_customer ON payment(customer_id, received_on);
                CREATE INDEX payment_collector ON payment(collector, received_on) WHERE collector IS NOT NULL;
                CREATE TABLE receipt_sequence (day TEXT PRIMARY KEY, last INTEGER NOT NULL);
                CREATE TABLE allocation (
                  id INTEGER PRIMARY KEY, payment_number TEXT NOT NULL REFERENCES payment(number),
                  open_item_id INTEGER NOT NULL REFERENCES open_item(id), amount INTEGER NOT NULL CHECK (amount > 0),
                  allocated_on TEXT NOT NULL, allocated_at TEXT NOT NULL, allocated_by TEXT NOT NULL,
                  rule TEXT NOT NULL, reversed_on TEXT, reversed_at TEXT, reversed_by TEXT, reversal_reason TEXT);
                CREATE INDEX allocation_payment ON allocation(payment_number);
                CREATE INDEX allocation_item ON allocation(open_item_id);
                CREATE TABLE payment_refund (
                  id INTEGER PRIMARY KEY, payment_number TEXT NOT NULL REFERENCES payment(number),
                  amount INTEGER NOT NULL CHECK (amount > 0), date TEXT NOT NULL, reason TEXT NOT NULL,
                  at TEXT NOT NULL, by_user TEXT NOT NULL);
                CREATE TABLE open_item_change (
                  id INTEGER PRIMARY KEY, open_item_id INTEGER NOT NULL REFERENCES open_item(id),
                  date TEXT NOT NULL, delta INTEGER NOT NULL, cause TEXT NOT NULL, reference TEXT NOT NULL);
                CREATE INDEX open_item_change_item ON open_item_change(open_item_id, date);
                CREATE INDEX open_item_change_date ON open_item_change(date);
                CREATE INDEX open_item_reference ON open_item(reference);
                CREATE INDEX open_item_amount ON open_item(open_amount) WHERE open_amount > 0;

                CREATE TABLE bank_statement (
                  id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, format TEXT NOT NULL, account TEXT NOT NULL,
                  reference TEXT NOT NULL, sequence TEXT, currency TEXT NOT NULL, opening INTEGER, closing INTEGER,
                  balanced INTEGER, line_count INTEGER NOT NULL, file_name TEXT NOT NULL,
                  imported_at TEXT NOT NULL, imported_by TEXT NOT NULL);
                CREATE TABLE bank_line (
                  id INTEGER PRIMARY KEY, statement_id INTEGER NOT NULL REFERENCES bank_statement(id),
                  key TEXT NOT NULL UNIQUE, ordinal INTEGER NOT NULL, value_date TEXT NOT NULL, mark TEXT NOT NULL,
                  amount_cents INTEGER NOT NULL, type_code TEXT NOT NULL, customer_ref TEXT NOT NULL,
                  bank_ref TEXT, text TEXT NOT NULL, virtual_account TEXT, payer_name TEXT, payer_account TEXT,
                  status TEXT NOT NULL CHECK (status IN ('OPEN','MATCHED','REJECTED','IGNORED')),
                  rule TEXT, customer_id TEXT, suggestion TEXT CHECK (suggestion IS NULL OR json_valid(suggestion)),
                  payment_number TEXT REFERENCES payment(number), decided_at TEXT, decided_by TEXT, note TEXT);
                CREATE INDEX bank_line_status ON bank_line(status, id);
                CREATE TABLE bank_payer (
                  payer_account TEXT PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES customer(id),
                  learned_at TEXT NOT NULL, learned_by TEXT NOT NULL);

                CREATE TABLE driver_settlement (
                  id INTEGER PRIMARY KEY, collector TEXT NOT NULL, day TEXT NOT NULL,
                  expected_cash INTEGER NOT NULL, expected_checks INTEGER NOT NULL,
                  counted_cash INTEGER NOT NULL, counted_checks INTEGER NOT NULL, reason TEXT NOT NULL,
                  status TEXT NOT NULL CHECK (status IN ('SUBMITTED','APPROVED')),
                  submitted_at TEXT NOT NULL, submitted_by TEXT NOT NULL, approved_at TEXT, approved_by TEXT,
                  UNIQUE (collector, day));
                ALTER TABLE delivery ADD COLUMN driver_id TEXT;
                ALTER TABLE delivery ADD COLUMN payment_number TEXT;

                INSERT INTO parameter (key, value, description) VALUES
                  ('bank.va_prefix', '99123', '虛擬帳號企業代號 virtual account prefix from the bank (5 digits)'),
                  ('bank.account', '004/012345678901', '收款帳戶 the company account statements are for'),
                  ('receivables.collection_days', '90', '催收候選逾期天數 days past due for collection candidates'),
                  ('receivables.collection_balance', '50000', '催收候選餘額 balance above which to collect'),
                  ('receivables.provision_percent', '0,1,5,10,50',
                   '備抵呆帳提列率 provision percent per bucket: current,1-30,31-60,61-90,91+'),
                  ('receivables.dso_days', '90', 'DSO 計算天數 days of sales DSO looks back over');

                INSERT INTO journal_entry (date, source, reference, description, created_at, created_by)
                  SELECT document_date, 'OPENING', reference, '期初應收 ' || reference, document_date, 'migration'
                  FROM open_item WHERE kind = 'OPENING' ORDER BY id;
                INSERT INTO journal_line (entry_id, line_no, account, customer_id, debit, credit)
                  SELECT e.id, 1, '1140', o.customer_id, o.amount, 0 FROM journal_entry e
                  JOIN open_item o ON o.kind = 'OPENING' AND o.reference = e.reference
                  WHERE e.source = 'OPENING';
                INSERT INTO journal_line (entry_id, line_no, account, customer_id, debit, credit)
                  SELECT e.id, 2, '3300', NULL, 0, o.amount FROM journal_entry e
                  JOIN open_item o ON o.kind = 'OPENING' AND o.reference = e.reference
                  WHERE e.source = 'OPENING';
                """)
    }

    /// Issue 12: a version column on every aggregate the outbox names (each event carries the
    /// aggregate's version after the change), starting above any version an older outbox row
    /// already carried; and the branch identity of the sync protocol (`device_id`, a UUID v4,
    /// and `device_epoch` 1) in `sync_state`.
    private static func contracts(_ db: Database) throws {
        let aggregates: [(table: String, key: String, type: String, hasVersion: Bool)] = [
            ("sales_order", "number", "order", true), ("invoice", "number", "invoice", true),
            ("customer", "id", "customer", true), ("payment", "number", "payment", false),
            ("allowance", "number", "allowance", false),
            ("driver_settlement", "collector || '/' || day", "settlement", false),
            ("bank_line", "CAST(id AS TEXT)", "bank_line", false),
            ("credit_hold", "CAST(id AS TEXT)", "credit_hold", false),
            ("product", "code", "product", false), ("holiday", "date", "holiday", false),
            ("parameter", "key", "parameter", false), ("driver", "id", "driver", false),
            ("vehicle", "plate", "vehicle", false), ("open_item", "CAST(id AS TEXT)", "open_item", false),
        ]
        // The highest version each aggregate's events already carried, read once (a branch keeps
        // its whole outbox: a lookup per row without this index was quadratic).
        try db.execute(
            sql: """
                CREATE TEMP TABLE outbox_version AS
                  SELECT aggregate_type, aggregate_id, MAX(aggregate_version) AS version FROM sync_outbox
                  GROUP BY aggregate_type, aggregate_id;
                CREATE UNIQUE INDEX temp.outbox_version_key ON outbox_version (aggregate_type, aggregate_id);
                """)
        for aggregate in aggregates {
            if !aggregate.hasVersion {
                try db.execute(sql: "ALTER TABLE \(aggregate.table) ADD COLUMN version INTEGER NOT NULL DEFAULT 1")
            }
            try db.execute(
                sql: """
                    UPDATE \(aggregate.table) SET version = MAX(version, (
                      SELECT o.version FROM outbox_version o WHERE o.aggregate_type = ? AND o.aggregate_id = \(aggregate.key)))
                    WHERE EXISTS (
                      SELECT 1 FROM outbox_version o WHERE o.aggregate_type = ? AND o.aggregate_id = \(aggregate.key))
                    """, arguments: [aggregate.type, aggregate.type])
        }
        try db.execute(sql: "DROP TABLE outbox_version")
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO sync_state (key, value) VALUES ('device_id',
                  lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
                  substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random()) % 4, 1) ||
                  substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))));
                INSERT OR IGNORE INTO sync_state (key, value) VALUES ('device_epoch', '1');
                ALTER TABLE credit_hold ADD COLUMN kind TEXT NOT NULL DEFAULT 'MANUAL'
                  CHECK (kind IN ('MANUAL', 'BOUNCED_CHECK'));
                UPDATE credit_hold SET kind = 'BOUNCED_CHECK' WHERE reason LIKE '支票退票 %';
                INSERT OR IGNORE INTO parameter (key, value, description) VALUES
                  ('branch.demo', '0', '示範資料庫 1 = demo data, not a real branch');
                """)
    }

    /// Issue 13: users are an aggregate of their own (`UserAdded`, `UserChanged`).
    private static func users(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE app_user ADD COLUMN version INTEGER NOT NULL DEFAULT 1")
    }

    /// Issue 13: a password set by an administrator must be changed at the next sign-in; the
    /// user list shows the last sign-in; the demo sample's users are marked while they keep
    /// their demo password (the user name), so a real branch is warned about them. The
    /// parameters that were read with a default but had no row get one (empty = the default), so
    /// the settings screen can change them.
    private static func signIn(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE app_user ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE app_user ADD COLUMN last_sign_in_at TEXT;
                ALTER TABLE app_user ADD COLUMN demo_password INTEGER NOT NULL DEFAULT 0;
                INSERT OR IGNORE INTO parameter (key, value, description) VALUES
                  ('receivables.provision_percent', '',
                   '備抵呆帳提列百分比(當期,1-30,31-60,61-90,91+天) provision percents by age'),
                  ('limits.document_amount_max', '', '單筆金額上限 largest amount of one document'),
                  ('limits.line_quantity_max', '', '單品數量上限 largest quantity of one product on an order'),
                  ('limits.credit_limit_max', '', '信用額度上限 largest credit limit'),
                  ('limits.collected_due_multiple', '', '送達收款上限(應收倍數) most collected at a delivery, times what is due');
                UPDATE parameter SET description = '示範資料庫（1 為示範） demo data (1), not a real branch'
                  WHERE key = 'branch.demo';
                """)
        // An older database made from the sample: a user whose password is still their name.
        for row in try Row.fetchAll(db, sql: "SELECT name, password_hash FROM app_user") {
            let name: String = row["name"]
            guard PasswordHasher.verify(name, against: row["password_hash"]) else { continue }
            try db.execute(sql: "UPDATE app_user SET demo_password = 1 WHERE name = ?", arguments: [name])
        }
    }
}

extension Migrations {
    /// Issue 14: the reference data (parameters, price rules, products, holidays) is read once
    /// per change instead of inside every quote and order (`ReferenceCache`). Its one writer is
    /// these triggers: any change to those tables, by any process, moves `reference_version`.
    static func referenceVersion(_ db: Database) throws {
        var sql = """
            CREATE TABLE reference_version (
              id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
            INSERT INTO reference_version (id, version) VALUES (1, 0);

            """
        for table in ["parameter", "price_rule", "product", "holiday"] {
            for change in ["INSERT", "UPDATE", "DELETE"] {
                sql += """
                    CREATE TRIGGER reference_\(table)_\(change.lowercased()) AFTER \(change) ON \(table)
                    BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;

                    """
            }
        }
        try db.execute(sql: sql)
    }
}

extension Migrations {
    /// Issue 14: the trial balance as of a date reads every journal line with its entry's date.
    /// This covering index gives the lines in account order with their entry and amounts, so
    /// the lines are never read from the table and each account's entries are looked up in id
    /// order (measured on 937,500 lines with the sqlite3 shell: 0.2 s of CPU, against 1.4 s
    /// through `journal_line_account`, which needs the table for the amounts).
    static func ledgerAsOf(_ db: Database) throws {
        try db.execute(
            sql: "CREATE INDEX journal_line_account_entry ON journal_line(account, entry_id, debit, credit)")
    }
}
