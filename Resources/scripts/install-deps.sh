#!/usr/bin/env bash
# Installs the Debian packages the branch app and its tests need, only when missing.
set -euo pipefail
packages=(libncurses-dev libsqlite3-dev libqrencode-dev tmux libxml2-utils hledger)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi
