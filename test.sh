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

# Restores, builds and runs every test project; each prints a "Passed!/Failed! - Failed: N, Passed: N, Skipped: N" line.
log=$(mktemp)
dotnet test AdminPortal.sln --blame-hang-timeout 5m "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

read -r passed failed skipped < <(awk '
  /(Passed|Failed)! +- +Failed:/ {
    gsub(/,/, "");
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i + 1);
      if ($i == "Passed:") p += $(i + 1);
      if ($i == "Skipped:") s += $(i + 1);
    }
  }
  END { printf "%d %d %d\n", p, f, s }' "$log")
rm -f "$log"

# A build or runner failure produces no summary line: count it as a failure rather than report green.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with status $status without a failed test: see the build output above"
  failed=1
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
