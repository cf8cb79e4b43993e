# shellcheck shell=bash
# Source this: root-only steps (installing Debian/Ubuntu packages) for scripts that run both as
# root (our CI machine, a container) and as a user with password-less sudo (GitHub's
# ubuntu-latest runners).
#
#   as_root <command…>        the command as root: plainly when we are root, else through sudo -n
#   apt_install <apt args…>   apt-get update, then apt-get install -y -qq <apt args…> as root

as_root() {
	if [ "$(id -u)" = 0 ]; then
		"$@"
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
		sudo -n "$@"
	else
		echo "as_root: '$*' needs root: run as root, or as a user with password-less sudo" >&2
		return 1
	fi
}

apt_install() {
	# env: sudo drops the caller's environment, and apt must not ask questions.
	as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
		as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
