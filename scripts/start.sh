#!/usr/bin/env bash
# Run the package in a real n8n: build and pack it, install the pinned n8n runtime
# (scripts/n8n-runtime.sh), install the packed package into the n8n user folder's community
# nodes folder the way n8n installs community packages, and start n8n on its default SQLite.
#
#   scripts/start.sh            build, install, start n8n; prints the editor URL; Ctrl-C stops it
#   scripts/start.sh --check    build, install, then check that n8n loads every node type
#                               (<package>.<node>) and credential type of the package; exit 1 if
#                               not (for CI). Starts n8n once on a free port, then stops it.
#   scripts/start.sh --demo     the demo: simulator + templates + n8n (same as npm run demo)
#
# Environment:
#   N8N_USER_FOLDER   n8n's user folder (default ${XDG_DATA_HOME:-~/.local/share}/n8n-nodes-agent-presence);
#                     n8n keeps .n8n/ inside it. Outside the repo: `n8n-node lint` runs `eslint .` and
#                     would lint the JavaScript n8n caches there.
#   N8N_PORT          editor/webhook port (default 5678); task runner broker on N8N_PORT+1
#   N8N_PACKAGE_TGZ   install this packed tarball instead of building and packing the repo
#   any other N8N_*   passed through to n8n (the defaults below are only defaults)
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$script_dir/.." && pwd)
. "$script_dir/lib/n8n-package.sh"
# Run through `npm start`/`npm run`, npm's npm_config_* settings would steer our npm calls astray.
drop_npm_run_env

mode=start
for arg in "$@"; do
	case $arg in
		--check) mode=check ;;
		--demo) mode=demo ;;
		-h | --help) sed -n '2,18p' "$0"; exit 0 ;;
		*) echo "start.sh: unknown argument: $arg (try --help)" >&2; exit 2 ;;
	esac
done
if [ "$mode" = demo ]; then
	# The demo (simulator + templates + n8n) shares the end-to-end tests' setup (scripts/lib/e2e.sh).
	exec bash "$script_dir/demo.sh"
fi

log() { printf '\033[1mstart:\033[0m %s\n' "$*" >&2; }
tmp=$(mktemp -d)
n8n_pid=
cleanup() {
	if [ -n "$n8n_pid" ] && kill -0 "$n8n_pid" 2>/dev/null; then
		kill -TERM "$n8n_pid" 2>/dev/null || true
		wait "$n8n_pid" 2>/dev/null || true
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT

# a. build and pack the package (with the developer's own Node, before the runtime's is on PATH)
build_and_pack "$repo_root" "$tmp"
tgz=$PACKAGE_TGZ

# b. the pinned runtime (Node 24 + n8n), then put it first on PATH
"$script_dir/n8n-runtime.sh"
. "$script_dir/lib/runtime-env.sh"
n8n_modules=$RUNTIME_N8N_PREFIX/node_modules

# c. install the package into <user folder>/.n8n/nodes like n8n's community package installer
#    (scripts/lib/n8n-package.sh); the user folder stays outside the repo (eslint lints the repo).
export N8N_USER_FOLDER=${N8N_USER_FOLDER:-${XDG_DATA_HOME:-$HOME/.local/share}/n8n-nodes-agent-presence}
install_package "$tgz" "$N8N_USER_FOLDER"
pkg_name=$PACKAGE_NAME
pkg_dir=$PACKAGE_DIR

# d. n8n's environment for a local, offline run (anything already set wins)
export_n8n_env
node24=$RUNTIME_NODE_HOME/bin/node

healthy() { runtime_node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "http://127.0.0.1:$N8N_PORT/healthz"; }

# Starts n8n in the background, logging to $1; waits until /healthz answers (or n8n dies).
start_n8n() {
	local logfile=$1 started=$SECONDS
	if healthy; then
		log "error: something already answers on port $N8N_PORT (another n8n?); set N8N_PORT"
		exit 1
	fi
	if [ -n "$logfile" ]; then
		"$node24" "$N8N_BIN" start >"$logfile" 2>&1 &
	else
		"$node24" "$N8N_BIN" start &
	fi
	n8n_pid=$!
	until healthy; do
		if ! kill -0 "$n8n_pid" 2>/dev/null; then
			log "n8n exited before it answered on /healthz"
			[ -n "$logfile" ] && tail -40 "$logfile" >&2
			exit 1
		fi
		if ((SECONDS - started > 180)); then
			log "n8n did not answer on /healthz within 180s"
			exit 1
		fi
		sleep 0.5
	done
	healthy_after=$((SECONDS - started))
}

if [ "$mode" = check ]; then
	# n8n's own loader, headless: every node type it knows, ours under <package>.<node>.
	log "n8n export:nodes"
	"$node24" "$N8N_BIN" export:nodes --output="$tmp/nodes.json" >"$tmp/export-nodes.log" 2>&1 || {
		tail -40 "$tmp/export-nodes.log" >&2
		exit 1
	}
	# Credential types: n8n start writes the editor's types/credentials.json from what it loaded.
	N8N_PORT=$(free_port)
	N8N_RUNNERS_BROKER_PORT=$(free_port)
	types_dir=$N8N_USER_FOLDER/.cache/n8n/public/types
	rm -f "$types_dir/credentials.json"
	log "n8n start on port $N8N_PORT to read the loaded credential types"
	start_n8n "$tmp/n8n-start.log"
	log "n8n answered /healthz after ${healthy_after}s"
	for _ in $(seq 1 60); do [ -s "$types_dir/credentials.json" ] && break; sleep 0.5; done
	kill -TERM "$n8n_pid" && wait "$n8n_pid" 2>/dev/null || true
	n8n_pid=
	if grep -iE 'error|failed to load|skipping package' "$tmp/export-nodes.log" "$tmp/n8n-start.log" | grep -i "$pkg_name" >&2; then
		log "n8n reported problems with $pkg_name (above)"
	fi
	NODE_PATH=$n8n_modules runtime_node "$script_dir/lib/check-types.js" "$pkg_dir" "$tmp/nodes.json" "$types_dir/credentials.json"
	exit $?
fi

# n8n's own output (its database migrations on a first start, then its log) goes to a file, so
# the editor URL is the last thing on screen.
n8n_log=$N8N_USER_FOLDER/n8n.log
log "starting n8n $RUNTIME_N8N_VERSION (node $RUNTIME_NODE_VERSION), user folder $N8N_USER_FOLDER"
log "n8n's log: $n8n_log (tail -f it to follow)"
trap 'kill -TERM "$n8n_pid" 2>/dev/null || true' INT TERM
start_n8n "$n8n_log"
log "n8n's CLI: $node24 $N8N_BIN (e.g. import:workflow --input=<file>, with N8N_USER_FOLDER=$N8N_USER_FOLDER)"
log "webhooks: http://localhost:$N8N_PORT/webhook/<path>   stop: Ctrl-C"
log "n8n is up after ${healthy_after}s. Editor: http://localhost:$N8N_PORT/  (first visit: create the owner account)"
wait "$n8n_pid" || true
wait "$n8n_pid" 2>/dev/null || true
n8n_pid=
