#!/usr/bin/env bash
# Runs every test of the solution: unit, application, bUnit, HTTP API and end-to-end (Playwright in
# Debian's Chromium) on SQLite; then the application and HTTP API suites, and the multi-instance tests,
# again on a throwaway PostgreSQL cluster. Installs Chromium and PostgreSQL when they are missing.
# The last line printed is "N passed, N failed, N skipped", summed over all test runs.
set -uo pipefail
cd "$(dirname "$0")"

# Test processes and the portals they start live for seconds to minutes: the JIT's profile-guided recompilation costs
# them more than it gives back (a quarter less processor time for the application and API suites). Behaviour is the same.
export DOTNET_TieredPGO=0

sudo_cmd=""
[ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"

chromium="${PORTAL_CHROMIUM_PATH:-/usr/bin/chromium}"
# The newest installed server (a client-only package has the folder but no initdb).
server_bin() { for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do [ -x "$d/initdb" ] && { echo "$d"; return; }; done; }

# Debian's chromium and postgresql, when missing, are installed while the portal builds: the download and unpacking
# wait on the network and the disk, the build on the processors.
missing=()
[ -x "$chromium" ] || missing+=(chromium)
[ -n "$(server_bin)" ] || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian's ${missing[*]} with apt-get while the portal builds"
  apt_log=$(mktemp)
  ( $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" ) >"$apt_log" 2>&1 &
  apt_pid=$!
  # The test projects are built by dotnet test below, which starts each one's tests as soon as it is built.
  dotnet build src/AdminPortal.Web || { echo "the build failed: see its output above"; echo "0 passed, 1 failed"; exit 1; }
  wait "$apt_pid" || { cat "$apt_log"; echo "could not install ${missing[*]}"; echo "0 passed, 1 failed"; exit 1; }
  rm -f "$apt_log"
fi
[ -x "$chromium" ] || { echo "Chromium not found at $chromium"; echo "0 passed, 1 failed"; exit 1; }
pgbin=$(server_bin)

# A throwaway cluster under a temp folder, reached through its Unix socket only (no TCP port to collide with),
# stopped and removed however the run ends.
pgdir=$(mktemp -d)
pgport=5432
as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$pgdir"
chmod 755 "$pgdir"
stop_pg() { as_pg "$pgbin/pg_ctl -D $pgdir/data -m immediate stop" >/dev/null 2>&1; rm -rf "$pgdir"; }
trap stop_pg EXIT
as_pg "$pgbin/initdb -D $pgdir/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null \
  && as_pg "$pgbin/pg_ctl -D $pgdir/data -l $pgdir/pg.log -o \"-p $pgport -k $pgdir -c listen_addresses='' -c fsync=off -c max_connections=300\" -w start" >/dev/null \
  || { echo "could not start PostgreSQL"; echo "0 passed, 1 failed"; exit 1; }
postgres="Host=$pgdir;Port=$pgport;Username=postgres"

# Builds and runs every test project; each prints a "Passed!/Failed! - Failed: N, Passed: N, Skipped: N" line.
log=$(mktemp)
dotnet test AdminPortal.sln --blame-hang-timeout 5m "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

for suite in AdminPortal.Application.Tests AdminPortal.Api.Tests; do
  echo "== $suite on PostgreSQL"
  PORTAL_TEST_POSTGRES="$postgres" dotnet test "tests/$suite" --no-build --blame-hang-timeout 5m "$@" 2>&1 | tee -a "$log"
  [ "${PIPESTATUS[0]}" -ne 0 ] && status=1
done

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
