# shellcheck shell=bash
# Source this (scripts/test-queue.sh): Redis and PostgreSQL from Debian's packages for n8n's queue
# mode, installed with apt-get when missing (as root, or through sudo: as-root.sh), started on
# 127.0.0.1 with their data under a temp folder (as root PostgreSQL runs as the postgres user, as
# anyone else as that user), and n8n's queue and database environment exported.
# stop_queue_services stops both.
#
#   start_queue_services <work dir>     needs free_port (n8n-package.sh) and log (e2e.sh)

. "$(dirname "${BASH_SOURCE[0]}")/as-root.sh"

QUEUE_PG_BIN=
QUEUE_PG_DATA=
QUEUE_REDIS_PIDFILE=
QUEUE_REDIS_CONF=

ensure_queue_packages() {
	local pg_bin
	pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
	if ! command -v redis-server >/dev/null || [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ] || ! command -v psql >/dev/null; then
		log "apt-get install redis-server postgresql"
		apt_install --no-install-recommends redis-server postgresql
		pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
	fi
	QUEUE_PG_BIN=$pg_bin
}

# as_postgres <command…>: PostgreSQL refuses to run as root, so as root its commands run as the
# package's postgres user (owner of the data folder); as any other user they run as that user.
as_postgres() {
	if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_queue_services() {
	local work=$1
	ensure_queue_packages
	QUEUE_PG_DATA=$work/postgres
	mkdir -p "$QUEUE_PG_DATA"
	if [ "$(id -u)" = 0 ]; then chown postgres: "$QUEUE_PG_DATA" && chmod 755 "$work"; fi
	local pg_port redis_port
	pg_port=$(free_port)
	as_postgres "$QUEUE_PG_BIN/initdb" -D "$QUEUE_PG_DATA/data" -U postgres --auth=trust -E UTF8 >"$work/postgres-initdb.log" 2>&1 ||
		{ cat "$work/postgres-initdb.log" >&2; return 1; }
	as_postgres "$QUEUE_PG_BIN/pg_ctl" -D "$QUEUE_PG_DATA/data" -l "$QUEUE_PG_DATA/postgres.log" -w -t 60 \
		-o "-c listen_addresses=127.0.0.1 -p $pg_port -k $QUEUE_PG_DATA -c fsync=off" start >/dev/null
	psql -h 127.0.0.1 -p "$pg_port" -U postgres -qAt -c 'CREATE DATABASE n8n' >/dev/null
	log "PostgreSQL $("$QUEUE_PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"

	redis_port=$(free_port)
	mkdir -p "$work/redis"
	QUEUE_REDIS_PIDFILE=$work/redis/redis.pid
	# A config file, so a test that kills Redis by PID (test/chaos) starts the same one again.
	QUEUE_REDIS_CONF=$work/redis/redis.conf
	printf '%s\n' 'bind 127.0.0.1' "port $redis_port" "dir $work/redis" 'save ""' 'appendonly no' 'daemonize yes' \
		"pidfile $QUEUE_REDIS_PIDFILE" "logfile $work/redis/redis.log" >"$QUEUE_REDIS_CONF"
	redis-server "$QUEUE_REDIS_CONF"
	export QUEUE_REDIS_PIDFILE QUEUE_REDIS_CONF
	for _ in $(seq 50); do redis-cli -p "$redis_port" ping 2>/dev/null | grep -q PONG && break; sleep 0.1; done
	log "Redis $(redis-server --version | sed -E 's/.*v=([^ ]+).*/\1/') on 127.0.0.1:$redis_port"

	export EXECUTIONS_MODE=queue
	export QUEUE_BULL_REDIS_HOST=127.0.0.1 QUEUE_BULL_REDIS_PORT=$redis_port
	export DB_TYPE=postgresdb DB_POSTGRESDB_HOST=127.0.0.1 DB_POSTGRESDB_PORT=$pg_port
	export DB_POSTGRESDB_DATABASE=n8n DB_POSTGRESDB_USER=postgres DB_POSTGRESDB_PASSWORD=''
	# Workers run the executions; the main process hands manual ones over too.
	export OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS=true
	export E2E_QUEUE=1
}

stop_queue_services() {
	if [ -n "$QUEUE_REDIS_PIDFILE" ] && [ -f "$QUEUE_REDIS_PIDFILE" ]; then
		kill "$(cat "$QUEUE_REDIS_PIDFILE")" 2>/dev/null || true
	fi
	if [ -n "$QUEUE_PG_DATA" ] && [ -f "$QUEUE_PG_DATA/data/postmaster.pid" ]; then
		as_postgres "$QUEUE_PG_BIN/pg_ctl" -D "$QUEUE_PG_DATA/data" -m fast -w stop >/dev/null 2>&1 || true
	fi
}
