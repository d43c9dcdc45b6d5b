#!/usr/bin/env bash
# Sets up and opens the terminal UI on ./luckygas.db (copied from luckygas.db.sample when absent).
set -euo pipefail
cd "$(dirname "$0")/../.."
bash Resources/scripts/install-deps.sh
export LC_ALL="${LC_ALL:-C.UTF-8}"
swift build --product luckygas
exec "$(swift build --show-bin-path)/luckygas" --db ./luckygas.db "$@"
