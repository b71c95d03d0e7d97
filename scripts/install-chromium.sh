#!/usr/bin/env bash
# Installs Debian's chromium for the server's browser test
# (crates/serve/tests/browser.rs) when it is missing. Idempotent.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
  echo "install-chromium: $(command -v chromium || command -v chromium-browser) is there"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends chromium
command -v chromium
