# shellcheck shell=bash
# Shared by the Prometheus scripts: where our server lives and how it runs.
# Debian's prometheus package provides the binary; its own service (port
# 9090, /var/lib/prometheus) is never used: ours has its own port, data
# folder and configuration.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PROMETHEUS_DIR="${INTERCHANGE_PROMETHEUS_DIR:-$REPO_ROOT/.cache/prometheus/run}"
PROMETHEUS_PORT="${INTERCHANGE_PROMETHEUS_PORT:-19090}"
PROMETHEUS_URL="http://127.0.0.1:$PROMETHEUS_PORT"
PROMETHEUS_BIN="${INTERCHANGE_PROMETHEUS_BIN:-/usr/bin/prometheus}"
# Scrape targets as Prometheus file_sd files (JSON or YAML), read the moment
# they change: tests write one naming the endpoint they serve.
PROMETHEUS_TARGETS_DIR="$PROMETHEUS_DIR/targets"

prometheus_log() { printf '[prometheus] %s\n' "$*" >&2; }

prometheus_installed() { [ -x "$PROMETHEUS_BIN" ]; }

# The PID of our server when it runs, else non-zero.
prometheus_pid() {
  local pid
  pid="$(cat "$PROMETHEUS_DIR/prometheus.pid" 2>/dev/null)" || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

prometheus_ready() {
  curl -fsS -m 5 "$PROMETHEUS_URL/-/ready" >/dev/null 2>&1
}
