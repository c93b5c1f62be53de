# shellcheck shell=bash
# Shared by the RabbitMQ scripts: where the node lives and the environment
# every rabbitmq-* command needs to reach it. Debian's rabbitmq-server package
# provides the binaries; we call /usr/lib/rabbitmq/bin/* directly because the
# /usr/sbin wrappers switch to the rabbitmq user (other HOME, other cookie).

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RABBITMQ_DIR="${INTERCHANGE_RABBITMQ_DIR:-$REPO_ROOT/.cache/rabbitmq/run}"
RABBITMQ_AMQP_PORT="${INTERCHANGE_RABBITMQ_PORT:-5673}"
RABBITMQ_MANAGEMENT_PORT="${INTERCHANGE_RABBITMQ_MANAGEMENT_PORT:-15673}"
# Our own epmd port and node name, so we never meet a system-wide node.
RABBITMQ_EPMD_PORT="${INTERCHANGE_RABBITMQ_EPMD_PORT:-4370}"
RABBITMQ_NODE="${INTERCHANGE_RABBITMQ_NODE:-interchange@localhost}"
RABBITMQ_MANAGEMENT_URL="http://127.0.0.1:$RABBITMQ_MANAGEMENT_PORT"
# The rabbitmq_prometheus plugin's endpoint: by default the management port
# + 20 (15693 next to 15673), so private nodes on other ports never share it.
RABBITMQ_PROMETHEUS_PORT="${INTERCHANGE_RABBITMQ_PROMETHEUS_PORT:-$((RABBITMQ_MANAGEMENT_PORT + 20))}"
RABBITMQ_PROMETHEUS_URL="http://127.0.0.1:$RABBITMQ_PROMETHEUS_PORT"
RABBITMQ_BIN=/usr/lib/rabbitmq/bin

rabbitmq_log() { printf '[rabbitmq] %s\n' "$*" >&2; }

rabbitmq_env() {
  mkdir -p "$RABBITMQ_DIR/mnesia" "$RABBITMQ_DIR/log"
  # The cookie is $HOME/.erlang.cookie for the server and the CLI alike.
  export HOME="$RABBITMQ_DIR"
  export RABBITMQ_CONF_ENV_FILE="$RABBITMQ_DIR/rabbitmq-env.conf"
  [ -f "$RABBITMQ_CONF_ENV_FILE" ] || : > "$RABBITMQ_CONF_ENV_FILE"
  export RABBITMQ_NODENAME="$RABBITMQ_NODE"
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT="$RABBITMQ_AMQP_PORT"
  export RABBITMQ_DIST_PORT="$((RABBITMQ_AMQP_PORT + 20000))"
  export RABBITMQ_MNESIA_BASE="$RABBITMQ_DIR/mnesia"
  export RABBITMQ_LOG_BASE="$RABBITMQ_DIR/log"
  export RABBITMQ_CONFIG_FILE="$RABBITMQ_DIR/rabbitmq.conf"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$RABBITMQ_DIR/enabled_plugins"
  export RABBITMQ_PID_FILE="$RABBITMQ_DIR/node.pid"
  # Distribution port and epmd on loopback only (they default to 0.0.0.0).
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export ERL_EPMD_ADDRESS=127.0.0.1
  export ERL_EPMD_PORT="$RABBITMQ_EPMD_PORT"
  export PATH="$RABBITMQ_BIN:$PATH"
}

rabbitmq_installed() { [ -x "$RABBITMQ_BIN/rabbitmq-server" ]; }

# The PID of the node's wrapper process when it runs, else non-zero.
node_pid() {
  local pid
  pid="$(cat "$RABBITMQ_DIR/wrapper.pid" 2>/dev/null)" || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}
