#!/usr/bin/env bash
# End-to-end tests in a real n8n (npm run test:e2e), and the demo (npm run demo).
#
#   scripts/e2e.sh           build + pack the package, install the pinned runtime if missing
#                            (scripts/n8n-runtime.sh), install the package into a fresh n8n user
#                            folder under $TMPDIR, then run test/e2e/run.js: simulator, credentials,
#                            templates imported and published, n8n started, fixtures posted,
#                            simulator records asserted. Exit 1 on any failure.
#   scripts/e2e.sh --demo    the same setup in a kept user folder, then n8n stays up with the
#                            Dynamics → Genesys template published; prints the editor URL and curls.
#   scripts/e2e.sh --fuzz    the same setup, then only the fuzzer (test/e2e/fuzz.js, npm run
#                            test:fuzz): 10,000 mutated/random bodies to the Agent Presence Trigger.
#   scripts/e2e.sh --queue   the e2e scenarios with n8n in queue mode (npm run test:queue): Redis and
#                            PostgreSQL (apt-get installed if missing, started on 127.0.0.1 under
#                            $TMPDIR), a main process, a webhook process and two workers.
#   scripts/e2e.sh --bench   the same setup, then bench/e2e.js (npm run bench:e2e): latency of the
#                            Dynamics → Genesys template versus a hand-built workflow, RSS over
#                            10,000 webhooks; prints a table.
#
# Environment: N8N_RUNTIME_DIR (reuse an installed runtime), E2E_KEEP=1 (keep the temp folder and
# logs), N8N_PORT (demo: editor port, default 5678), SIM_PORT (demo: simulator port, default 4010),
# DEMO_HOME (demo user folder, default ${XDG_DATA_HOME:-$HOME/.local/share}/n8n-nodes-agent-presence-demo).
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$script_dir/.." && pwd)
. "$script_dir/lib/n8n-package.sh"
. "$script_dir/lib/queue-services.sh"
drop_npm_run_env

mode=test
for arg in "$@"; do
	case $arg in
		--demo) mode=demo ;;
		--bench) mode=bench ;;
		--fuzz) mode=fuzz ;;
		--queue) mode=queue ;;
		-h | --help) sed -n '2,23p' "$0"; exit 0 ;;
		*) echo "e2e.sh: unknown argument: $arg (try --help)" >&2; exit 2 ;;
	esac
done

log() { printf '\033[1m%s:\033[0m %s\n' "$mode" "$*" >&2; }
started=$SECONDS

# Everything generated lives outside the repo (eslint lints the whole tree).
work=$(mktemp -d "${TMPDIR:-/tmp}/agent-presence-e2e.XXXXXX")
cleanup() {
	stop_queue_services
	if [ "${E2E_KEEP:-}" = 1 ]; then log "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

build_and_pack "$repo_root" "$work"
"$script_dir/n8n-runtime.sh"
. "$script_dir/lib/runtime-env.sh"

if [ "$mode" = demo ]; then
	user_folder=${DEMO_HOME:-${XDG_DATA_HOME:-$HOME/.local/share}/n8n-nodes-agent-presence-demo}
	# A fresh folder each time: the demo imports its workflows and credentials anew.
	rm -rf "$user_folder"
	mkdir -p "$user_folder"
else
	user_folder=$work/n8n-home
fi
install_package "$PACKAGE_TGZ" "$user_folder"
if [ "$mode" = queue ]; then start_queue_services "$work"; fi
export N8N_USER_FOLDER=$user_folder
if [ "$mode" != demo ]; then
	export N8N_PORT=${E2E_N8N_PORT:-$(free_port)}
	export N8N_RUNNERS_BROKER_PORT=$(free_port)
fi
export_n8n_env
log "setup took $((SECONDS - started))s (build, pack, runtime check, install)"

# run.js (bench/e2e.js) does the rest with the runtime's Node 24; it owns and stops the processes it starts.
runner=$repo_root/test/e2e/run.js
if [ "$mode" = bench ]; then
	runner=$repo_root/bench/e2e.js
	# n8n 2.41's default `vm` engine acquires an isolate for every webhook to a non-Webhook trigger
	# (~8 webhooks/s here): the 10,000-webhook memory phase fits in minutes only with `legacy`.
	export N8N_EXPRESSION_ENGINE=${N8N_EXPRESSION_ENGINE:-legacy}
fi
# Which part of run.js: the scenarios (test, queue) or the fuzzer (fuzz).
suite=scenarios
[ "$mode" = fuzz ] && suite=fuzz
E2E_SUITE=${E2E_SUITE:-$suite} E2E_WORK=$work E2E_MODE=$mode E2E_REPO=$repo_root N8N_BIN=$N8N_BIN \
	runtime_node "$runner"
