#!/usr/bin/env bash
# The one test command (README, CI): dependencies, format lint, build, every test.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash Resources/scripts/install-deps.sh
export LC_ALL=C.UTF-8
swift format lint --strict --recursive Package.swift Sources Tests
swift build --build-tests
swift test --skip-build
