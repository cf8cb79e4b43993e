# shellcheck shell=bash
# Source this: the setup every real-n8n entry point shares (scripts/test-e2e.sh, test-fuzz.sh,
# test-queue.sh, bench-e2e.sh, demo.sh). Build and pack the package, ensure the pinned runtime
# (scripts/n8n-runtime.sh), install the tarball into an n8n user folder like n8n's community
# package installer, export n8n's environment, then hand over to a Node runner (test/e2e/run.js or
# bench/e2e.js) on the runtime's Node 24, which owns and stops the processes it starts.
#
#   . "$script_dir/lib/e2e.sh"
#   e2e_args "$0" "$@"              --help prints the calling script's header; other arguments refused
#   e2e_install <mode> [user folder] build, pack, runtime, install (default folder: under E2E_WORK)
#   e2e_export_env                   n8n's environment (free ports unless the caller set N8N_PORT)
#   e2e_run <runner> <suite>         runs the runner with E2E_* set
#   e2e_with_services <mode> <start> <stop> <runner> <suite>
#                                    the four above for an entry point with services of its own
#
# Environment: N8N_RUNTIME_DIR (reuse an installed runtime), E2E_KEEP=1 (keep the temp folder with
# the logs), E2E_N8N_PORT (n8n's port in the tests, default a free one), N8N_PACKAGE_TGZ (install
# this tarball instead of building one), E2E_SUITE (which part of run.js: scenarios, fuzz, all).

E2E_LIB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
E2E_SCRIPTS_DIR=$(cd "$E2E_LIB_DIR/.." && pwd)
E2E_REPO_ROOT=$(cd "$E2E_SCRIPTS_DIR/.." && pwd)
. "$E2E_LIB_DIR/n8n-package.sh"
drop_npm_run_env

E2E_MODE_NAME=e2e
E2E_STARTED=$SECONDS
E2E_WORK=
# Commands run at exit before the temp folder goes (e.g. stop_queue_services).
E2E_AT_EXIT=()

log() { printf '\033[1m%s:\033[0m %s\n' "$E2E_MODE_NAME" "$*" >&2; }

# e2e_args <script> [args…]: --help prints the script's header comment (up to `set -euo`).
e2e_args() {
	local script=$1
	shift
	for arg in "$@"; do
		case $arg in
			-h | --help) sed -n '2,/^set -euo/p' "$script" | sed '$d'; exit 0 ;;
			*) echo "$(basename "$script"): unknown argument: $arg (try --help)" >&2; exit 2 ;;
		esac
	done
}

e2e_cleanup() {
	local hook
	for hook in "${E2E_AT_EXIT[@]}"; do "$hook" || true; done
	[ -n "$E2E_WORK" ] || return 0
	if [ "${E2E_KEEP:-}" = 1 ]; then log "kept $E2E_WORK"; else rm -rf "$E2E_WORK"; fi
}

# e2e_install <mode> [user folder]: everything generated lives outside the repo (eslint lints the
# whole tree), in a temp folder removed at exit. Sets E2E_WORK and exports N8N_USER_FOLDER.
e2e_install() {
	E2E_MODE_NAME=$1
	local user_folder=${2:-}
	E2E_WORK=$(mktemp -d "${TMPDIR:-/tmp}/agent-presence-e2e.XXXXXX")
	trap e2e_cleanup EXIT
	build_and_pack "$E2E_REPO_ROOT" "$E2E_WORK"
	"$E2E_SCRIPTS_DIR/n8n-runtime.sh"
	. "$E2E_LIB_DIR/runtime-env.sh"
	user_folder=${user_folder:-$E2E_WORK/n8n-home}
	install_package "$PACKAGE_TGZ" "$user_folder"
	export N8N_USER_FOLDER=$user_folder
}

# e2e_export_env: the tests take free ports (several may run at once); the demo sets N8N_PORT
# itself (default 5678 in export_n8n_env).
e2e_export_env() {
	if [ "$E2E_MODE_NAME" != demo ]; then
		export N8N_PORT=${E2E_N8N_PORT:-$(free_port)}
		export N8N_RUNNERS_BROKER_PORT=$(free_port)
	fi
	export_n8n_env
	log "setup took $((SECONDS - E2E_STARTED))s (build, pack, runtime check, install)"
}

# e2e_run <runner> <suite>: the runner on the runtime's Node 24.
e2e_run() {
	local runner=$1 suite=$2
	E2E_SUITE=${E2E_SUITE:-$suite} E2E_WORK=$E2E_WORK E2E_MODE=$E2E_MODE_NAME E2E_REPO=$E2E_REPO_ROOT \
		N8N_BIN=$N8N_BIN runtime_node "$runner"
}

# e2e_with_services <mode> <start> <stop> <runner> <suite>: install, then `<start> <work dir>`
# (message brokers, or Redis and PostgreSQL for queue mode), then n8n's environment (after the
# services: queue mode sets DB_TYPE=postgresdb, which export_n8n_env must not default away), then
# the runner; `<stop>` runs at exit (test-e2e.sh, test-queue.sh, test-chaos.sh).
e2e_with_services() {
	local mode=$1 start=$2 stop=$3 runner=$4 suite=$5
	E2E_AT_EXIT+=("$stop")
	e2e_install "$mode"
	"$start" "$E2E_WORK"
	e2e_export_env
	e2e_run "$runner" "$suite"
}
