#!/usr/bin/env bash
# Runs every test: unit tests, integration tests against SQLite and against a real PostgreSQL server,
# and browser tests in Debian's Chromium. Installs what is missing (PostgreSQL server, Chromium,
# SMTP catcher, pdftotext, npm packages), starts a throw-away PostgreSQL cluster on loopback, stops what it
# started, and exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || need+=(python3-aiosmtpd)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} from Debian packages..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# A throw-away PostgreSQL cluster on loopback, removed on exit whatever happens.
PGBIN=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
PGDATA=$(mktemp -d /tmp/rcphub-pg.XXXXXX)
PGPORT=${RCPHUB_TEST_PGPORT:-55432}
pg_user=postgres
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u "$pg_user" -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown "$pg_user:$pg_user" "$PGDATA"
cleanup() {
  run_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PGDATA"
}
trap cleanup EXIT
run_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --no-locale >/dev/null
run_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/log" -w \
  -o "-p $PGPORT -k $PGDATA -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c full_page_writes=off" start >/dev/null
export RCPHUB_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Password=postgres;Include Error Detail=true"

dotnet tool restore >/dev/null
dotnet build RcpHub.slnx -c Release -nologo -clp:ErrorsOnly

failed=0
run() {
  echo "== $1"; shift
  "$@" || failed=1
}
test_args=(--no-build -c Release --logger "console;verbosity=minimal")
run "unit tests" dotnet test tests/RcpHub.Tests "${test_args[@]}"
run "integration tests on SQLite" env RCPHUB_TEST_DB=sqlite dotnet test tests/RcpHub.IntegrationTests "${test_args[@]}"
run "integration tests on PostgreSQL" env RCPHUB_TEST_DB=postgres dotnet test tests/RcpHub.IntegrationTests "${test_args[@]}"
run "browser tests (Chromium)" dotnet test tests/RcpHub.BrowserTests "${test_args[@]}"

if [ "$failed" != 0 ]; then
  echo "Some tests failed." >&2
  exit 1
fi
echo "All tests passed."
