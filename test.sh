#!/usr/bin/env bash
# Runs every test of the solution: unit, application (SQLite), bUnit, HTTP API and
# end-to-end (Playwright in Debian's Chromium). Installs Chromium when it is missing.
# The last line printed is "N passed, N failed, N skipped", summed over all test projects.
set -uo pipefail
cd "$(dirname "$0")"

chromium="${PORTAL_CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "Chromium not found at $chromium: installing Debian's chromium package"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends chromium >/dev/null \
    || { echo "could not install chromium"; echo "0 passed, 1 failed"; exit 1; }
fi
