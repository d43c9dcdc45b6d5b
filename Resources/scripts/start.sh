#!/usr/bin/env bash
# Sets up and opens the terminal UI on ./luckygas.db: a demo copy of luckygas.db.sample
# (`luckygas db init --sample`) the first time, the same file afterwards.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash Resources/scripts/install-deps.sh
export LC_ALL="${LC_ALL:-C.UTF-8}"
swift build --product luckygas
BIN="$(swift build --show-bin-path)/luckygas"
if [ ! -e ./luckygas.db ]; then
    "$BIN" db init --sample --db ./luckygas.db
fi
exec "$BIN" --db ./luckygas.db "$@"
