#!/usr/bin/env bash
# The one test command (README, CI): dependencies, format lint, build, every test, then the
# end-to-end run of the real binary in tmux.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash Resources/scripts/install-deps.sh
export LC_ALL=C.UTF-8 LANG=C.UTF-8
swift format lint --strict --recursive Package.swift Sources Tests
swift build --build-tests
# A hung test must not eat the CI's 90 minutes.
timeout 1200 swift test --skip-build
bash Tests/e2e/tui-e2e.sh "$(swift build --show-bin-path)/luckygas"
