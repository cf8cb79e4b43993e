#!/usr/bin/env bash
# The editor as a user sees it (npm run test:ui): each template imported into a real n8n with the
# package installed (credentials created for the simulator, like the e2e), opened in headless
# Chromium, and the fields n8n marks with its "issues" warning counted (credentials aside). The
# exact remaining list per template is test/ui/expected-issues.json: any other list fails.
# Screenshots of each canvas and of the mapping node's panel go to $UI_OUTPUT_DIR (default
# test-output/ui/); UI_UPDATE_DOCS=1 also copies the canvases to docs/.
#
# Chromium comes from Debian's packages (apt-get install chromium when missing: as root, or through
# sudo when not root, scripts/lib/as-root.sh); the browser is driven by puppeteer-core, which
# downloads nothing.
#
# Environment: N8N_RUNTIME_DIR, E2E_KEEP=1, UI_OUTPUT_DIR, UI_UPDATE_DOCS=1 — see scripts/lib/e2e.sh.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/e2e.sh"
e2e_args "$0" "$@"

. "$E2E_LIB_DIR/as-root.sh"

# GitHub's ubuntu-latest runners have /usr/bin/chromium already (a Chromium snapshot).
if [ ! -x /usr/bin/chromium ]; then
	log "installing Debian's Chromium (apt-get install chromium)"
	apt_install chromium
fi
log "$(/usr/bin/chromium --version 2>/dev/null || echo 'chromium: version unknown')"

e2e_install ui
e2e_export_env
export UI_OUTPUT_DIR=${UI_OUTPUT_DIR:-$E2E_REPO_ROOT/test-output/ui}
e2e_run "$E2E_REPO_ROOT/test/ui/run.js" ui
