/**
 * scripts/lib/as-root.sh and queue-services.sh's as_postgres run the same way as root (our CI
 * machine) and as a user with sudo (GitHub's ubuntu-latest runners). The real `bash` sources the
 * real scripts; only the system commands `id`, `sudo`, `apt-get` and `runuser` are stand-ins on
 * PATH that print how they were called, so both identities can be tried on one machine.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const LIB = path.join(__dirname, '..', '..', 'scripts', 'lib');

// A bin folder of stand-ins: `id -u` answers uid, `sudo` (its environment reset, as the real one
// does) and `runuser` print their arguments and run the rest, `apt-get` prints its arguments, the
// uid it ran as and its DEBIAN_FRONTEND.
function fakeBin({ uid, sudo }) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'as-root-bin-'));
	const write = (name, body) => fs.writeFileSync(path.join(dir, name), `#!/bin/bash\n${body}\n`, { mode: 0o755 });
	write('id', `echo ${uid}`);
	write('apt-get', 'echo "apt-get $* uid=$(id -u) DEBIAN_FRONTEND=${DEBIAN_FRONTEND:-}" >&2');
	write('runuser', 'echo "runuser $1 $2" >&2; shift 3; "$@"');
	if (sudo === 'ok') write('sudo', 'echo "sudo $*" >&2; shift; env -i PATH="$PATH" "$@"');
	if (sudo === 'password') write('sudo', 'echo "sudo: a password is required" >&2; exit 1');
	// The only real commands the scripts call besides bash's builtins.
	for (const tool of ['env', 'dirname', 'true']) fs.symlinkSync(`/usr/bin/${tool}`, path.join(dir, tool));
	return dir;
}

function run(script, identity) {
	const bin = fakeBin(identity);
	// PATH holds only that folder: the machine's own sudo (GitHub's runners have one) is never found.
	const result = spawnSync('/bin/bash', ['-c', script], {
		env: { PATH: bin, LIB },
		encoding: 'utf8',
		// stdin not a socket: bash would take itself for a remote shell and read ~/.bashrc.
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	fs.rmSync(bin, { recursive: true, force: true });
	return { status: result.status, err: result.stderr.trim().split('\n') };
}

const APT = '. "$LIB/as-root.sh"; apt_install --no-install-recommends redis-server';

describe('as_root and apt_install (scripts/lib/as-root.sh)', () => {
	test.each([
		[
			'as root: apt-get runs plainly, non-interactive',
			{ uid: 0 },
			0,
			[
				'apt-get update -qq uid=0 DEBIAN_FRONTEND=noninteractive',
				'apt-get install -y -qq --no-install-recommends redis-server uid=0 DEBIAN_FRONTEND=noninteractive',
			],
		],
		[
			'as a user with password-less sudo: apt-get through sudo -n, DEBIAN_FRONTEND kept past sudo',
			{ uid: 1001, sudo: 'ok' },
			0,
			[
				// (each preceded by the probe `sudo -n true`, its output dropped)
				'sudo -n env DEBIAN_FRONTEND=noninteractive apt-get update -qq',
				'apt-get update -qq uid=1001 DEBIAN_FRONTEND=noninteractive',
				'sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server',
				'apt-get install -y -qq --no-install-recommends redis-server uid=1001 DEBIAN_FRONTEND=noninteractive',
			],
		],
		[
			'as a user whose sudo asks for a password: a clear error, nothing installed',
			{ uid: 1001, sudo: 'password' },
			1,
			["as_root: 'env DEBIAN_FRONTEND=noninteractive apt-get update -qq' needs root: run as root, or as a user with password-less sudo"],
		],
	])('%s', (_, identity, status, err) => {
		expect(run(APT, identity)).toEqual({ status, err });
	});

	test('as a user without sudo: the same clear error', () => {
		const { status, err } = run(APT, { uid: 1001 });
		expect(status).toBe(1);
		expect(err[0]).toMatch(/^as_root: .* needs root: run as root, or as a user with password-less sudo$/);
	});
});

describe('as_postgres (scripts/lib/queue-services.sh)', () => {
	const PG = '. "$LIB/queue-services.sh"; as_postgres /bin/bash -c \'echo "ran as uid $(id -u)" >&2\'';

	test('as root: PostgreSQL commands run as the postgres user', () => {
		expect(run(PG, { uid: 0 }).err).toEqual(['runuser -u postgres', 'ran as uid 0']);
	});

	test('as any other user: they run as that user, no runuser', () => {
		expect(run(PG, { uid: 1001 }).err).toEqual(['ran as uid 1001']);
	});
});
