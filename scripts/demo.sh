#!/usr/bin/env bash
# The demo (npm run demo, npm start -- --demo): the end-to-end setup in a kept user folder, then
# the simulator and n8n stay up with the Dynamics → Genesys template published; prints the editor
# URL, a curl that fires a presence change and a curl that shows the write n8n made. Ctrl-C stops.
#
# Environment: N8N_PORT (editor port, default 5678), SIM_PORT (simulator port, default 4010),
# DEMO_HOME (user folder, recreated each run; default
# ${XDG_DATA_HOME:-$HOME/.local/share}/n8n-nodes-agent-presence-demo), and N8N_RUNTIME_DIR,
# E2E_KEEP=1, N8N_PACKAGE_TGZ (scripts/lib/e2e.sh).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/e2e.sh"
e2e_args "$0" "$@"

user_folder=${DEMO_HOME:-${XDG_DATA_HOME:-$HOME/.local/share}/n8n-nodes-agent-presence-demo}
# A fresh folder each time: the demo imports its workflows and credentials anew.
rm -rf "$user_folder"
mkdir -p "$user_folder"
e2e_install demo "$user_folder"
e2e_export_env
e2e_run "$E2E_REPO_ROOT/test/e2e/run.js" scenarios
