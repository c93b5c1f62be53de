# shellcheck shell=bash
# Debian packages the test suite and the service scripts need (Chromium for
# the end-to-end tests, PostgreSQL, RabbitMQ, Prometheus, Java and Maven).
# Installed on demand, once. The caller defines `log`.

apt_updated=""

apt_install() {
  if [ "$(id -u)" != "0" ] && ! command -v sudo >/dev/null 2>&1; then
    log "Missing Debian packages: $*. Install them with: sudo apt-get install -y $*"
    return 1
  fi
  local sudo=""
  [ "$(id -u)" = "0" ] || sudo="sudo"
  if [ -z "$apt_updated" ]; then
    log "apt-get update"
    $sudo apt-get update -qq >&2
    apt_updated=1
  fi
  log "apt-get install -y $*"
  # Waits for another apt-get (a parallel script's install) instead of failing.
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq -o DPkg::Lock::Timeout=300 "$@" >&2
}

ensure_chromium() {
  [ -x /usr/bin/chromium ] || apt_install chromium
}

ensure_postgres() {
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || apt_install postgresql
}

ensure_java_and_maven() {
  command -v java >/dev/null 2>&1 || apt_install default-jre-headless
  command -v mvn >/dev/null 2>&1 || apt_install maven
}
