#!/usr/bin/env bash
# Starts a private PostgreSQL cluster (Debian's postgresql package) on
# 127.0.0.1 for the database tests, so they never touch a system database.
# Idempotent; prints the connection string as its last line.
#   INTERCHANGE_PG_PORT  port (default 15432)
#   INTERCHANGE_PG_DIR   data directory (default /tmp/interchange-postgres)
set -euo pipefail

port="${INTERCHANGE_PG_PORT:-15432}"
dir="${INTERCHANGE_PG_DIR:-/tmp/interchange-postgres}"
url="postgresql://postgres@127.0.0.1:${port}/postgres"

bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "PostgreSQL server binaries not found: install Debian's package with 'apt-get install -y postgresql'" >&2
  exit 1
fi

# initdb and postgres refuse to run as root; use the package's own user then.
as_pg() {
  if [ "$(id -u)" = "0" ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

if [ ! -f "$dir/PG_VERSION" ]; then
  mkdir -p "$dir"
  [ "$(id -u)" = "0" ] && chown postgres:postgres "$dir"
  # Trust on loopback only: this cluster exists for tests on this machine.
  as_pg "$bindir/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 >/dev/null
fi

if ! as_pg "$bindir/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
  as_pg "$bindir/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
fi

for _ in $(seq 1 60); do
  if "$bindir/pg_isready" -h 127.0.0.1 -p "$port" -q; then
    echo "$url"
    exit 0
  fi
  sleep 0.5
done
echo "PostgreSQL did not become ready on port $port; see $dir/server.log" >&2
tail -n 20 "$dir/server.log" >&2 || true
exit 1
