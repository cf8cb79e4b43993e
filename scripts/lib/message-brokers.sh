# shellcheck shell=bash
# Source this (scripts/test-e2e.sh, test-queue.sh): the message brokers the queue-source scenarios
# publish vendor events to — RabbitMQ and Redis from Debian's packages (apt-get installed when
# missing: as-root.sh), each started by the calling user on a free 127.0.0.1 port with its data
# under the temp folder, stopped by stop_message_brokers. Exports E2E_RABBITMQ_PORT,
# E2E_RABBITMQ_USER, E2E_RABBITMQ_PASSWORD and E2E_REDIS_PUBSUB_PORT for test/e2e/queue-sources.js.
#
# RabbitMQ is started with its own script (/usr/lib/rabbitmq/bin/rabbitmq-server), not the
# package's wrapper, which as root switches to the rabbitmq user and to /var/lib/rabbitmq. HOME is
# the temp folder, so Erlang writes its cookie there (the same for root and a CI user), and epmd
# and the distribution port are free ports too: a system RabbitMQ, or another run, is not touched.
#
#   start_message_brokers <work dir>     needs free_port (n8n-package.sh) and log (e2e.sh)

. "$(dirname "${BASH_SOURCE[0]}")/as-root.sh"

RABBITMQ_SCRIPT=/usr/lib/rabbitmq/bin/rabbitmq-server
BROKERS_RABBITMQ_PID=
BROKERS_RABBITMQ_ENV=()
BROKERS_EPMD_PORT=
BROKERS_REDIS_PIDFILE=

ensure_broker_packages() {
	if [ ! -x "$RABBITMQ_SCRIPT" ] || ! command -v redis-server >/dev/null; then
		log "apt-get install rabbitmq-server redis-server"
		apt_install --no-install-recommends rabbitmq-server redis-server
	fi
}

start_rabbitmq() {
	local dir=$1/rabbitmq port dist_port
	mkdir -p "$dir/home"
	port=$(free_port)
	dist_port=$(free_port)
	BROKERS_EPMD_PORT=$(free_port)
	[ -n "$port" ] && [ -n "$dist_port" ] && [ -n "$BROKERS_EPMD_PORT" ] || { echo "start_rabbitmq: no free ports" >&2; return 1; }
	BROKERS_RABBITMQ_ENV=(
		HOME="$dir/home"
		ERL_EPMD_PORT="$BROKERS_EPMD_PORT"
		RABBITMQ_NODENAME="e2e-$port@localhost"
		RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
		RABBITMQ_NODE_PORT="$port"
		RABBITMQ_DIST_PORT="$dist_port"
		RABBITMQ_MNESIA_BASE="$dir/mnesia"
		RABBITMQ_LOG_BASE="$dir/log"
		RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf"
		RABBITMQ_ADVANCED_CONFIG_FILE="$dir/advanced.config"
		RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins"
		RABBITMQ_PID_FILE="$dir/rabbitmq.pid"
		ERL_CRASH_DUMP="$dir/erl_crash.dump"
	)
	# No plugins (the management plugin adds seconds to the start and is not needed).
	echo '[].' >"$dir/enabled_plugins"
	# Its own account instead of the well-known guest one (a throwaway: the broker lives for this run).
	export E2E_RABBITMQ_USER=e2e-amqp E2E_RABBITMQ_PASSWORD=e2e-amqp-Zq7xK9vR2
	printf 'default_user = %s\ndefault_pass = %s\n' "$E2E_RABBITMQ_USER" "$E2E_RABBITMQ_PASSWORD" >"$dir/rabbitmq.conf"
	env "${BROKERS_RABBITMQ_ENV[@]}" "$RABBITMQ_SCRIPT" >"$dir/server.log" 2>&1 &
	BROKERS_RABBITMQ_PID=$!
	# Ready when the AMQP port accepts connections (up to 2 min on a busy 2-core machine).
	for _ in $(seq 600); do
		if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
		if ! kill -0 "$BROKERS_RABBITMQ_PID" 2>/dev/null; then
			cat "$dir/server.log" >&2
			echo "RabbitMQ did not start (log above)" >&2
			return 1
		fi
		sleep 0.2
	done
	(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { cat "$dir/server.log" >&2; echo "RabbitMQ: port $port not open after 2 min" >&2; return 1; }
	log "RabbitMQ $(dpkg-query -W -f '${Version}' rabbitmq-server 2>/dev/null) on 127.0.0.1:$port"
	export E2E_RABBITMQ_PORT=$port
}

start_pubsub_redis() {
	local dir=$1/redis-pubsub port
	mkdir -p "$dir"
	port=$(free_port)
	[ -n "$port" ] || { echo "start_pubsub_redis: no free port" >&2; return 1; }
	BROKERS_REDIS_PIDFILE=$dir/redis.pid
	redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" --save '' --appendonly no \
		--daemonize yes --pidfile "$BROKERS_REDIS_PIDFILE" --logfile "$dir/redis.log"
	for _ in $(seq 50); do redis-cli -p "$port" ping 2>/dev/null | grep -q PONG && break; sleep 0.1; done
	log "Redis (pub/sub source) on 127.0.0.1:$port"
	export E2E_REDIS_PUBSUB_PORT=$port
}

start_message_brokers() {
	ensure_broker_packages
	start_rabbitmq "$1"
	start_pubsub_redis "$1"
}

stop_message_brokers() {
	if [ -n "$BROKERS_RABBITMQ_PID" ] && kill -0 "$BROKERS_RABBITMQ_PID" 2>/dev/null; then
		# The script runs the Erlang VM in the foreground: SIGTERM stops the node cleanly.
		kill "$BROKERS_RABBITMQ_PID" 2>/dev/null || true
		for _ in $(seq 100); do kill -0 "$BROKERS_RABBITMQ_PID" 2>/dev/null || break; sleep 0.1; done
	fi
	# The Erlang port mapper the node started on its own port, now that no node is registered.
	[ -z "$BROKERS_EPMD_PORT" ] || epmd -port "$BROKERS_EPMD_PORT" -kill >/dev/null 2>&1 || true
	if [ -n "$BROKERS_REDIS_PIDFILE" ] && [ -f "$BROKERS_REDIS_PIDFILE" ]; then
		kill "$(cat "$BROKERS_REDIS_PIDFILE")" 2>/dev/null || true
	fi
}
