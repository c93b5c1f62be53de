#!/usr/bin/env bash
# Stops the cluster started by start.sh; --clean also deletes its data.
set -euo pipefail
dir="${INTERCHANGE_PG_DIR:-/tmp/interchange-postgres}"
bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -n "$bindir" ] && [ -f "$dir/PG_VERSION" ]; then
  if [ "$(id -u)" = "0" ]; then
    runuser -u postgres -- "$bindir/pg_ctl" -D "$dir" -m fast stop >/dev/null 2>&1 || true
  else
    "$bindir/pg_ctl" -D "$dir" -m fast stop >/dev/null 2>&1 || true
  fi
fi
if [ "${1:-}" = "--clean" ]; then
  rm -rf "$dir"
fi
