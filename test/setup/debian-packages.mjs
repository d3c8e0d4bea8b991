// The Debian packages `npm test` needs, each with how to tell it is there. Node built-ins only.
// As root (CI, containers) they are installed with apt-get; otherwise the one command is named.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const postgresInstalled = () =>
	existsSync('/usr/lib/postgresql') &&
	readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/postgres`));

export const TEST_DEBIAN_PACKAGES = [
	// the editor test drives Debian's Chromium through playwright-core (no browser download)
	{ name: 'chromium', installed: () => existsSync(process.env.E2E_CHROMIUM ?? '/usr/bin/chromium') },
	// queue mode: n8n's main, webhook process and workers share PostgreSQL and Redis
	{ name: 'postgresql', installed: postgresInstalled },
	{ name: 'redis-server', installed: () => existsSync('/usr/bin/redis-server') },
];

export function ensureDebianPackages(packages, say) {
	const missing = packages.filter((p) => !p.installed()).map((p) => p.name);
	if (missing.length === 0) return false;
	const command = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
	if (process.getuid?.() !== 0) {
		throw new Error(`Debian packages missing: ${missing.join(', ')}. Install them with\n\n    sudo ${command}\n\nand run the command again (as root this step installs them itself).`);
	}
	say(`installing Debian's ${missing.join(', ')} (apt-get)`);
	const t0 = Date.now();
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const apt = (args) => spawnSync('apt-get', args, { env, stdio: ['ignore', 'inherit', 'inherit'] }).status === 0;
	const install = () => apt(['install', '-y', '-q', '--no-install-recommends', ...missing]);
	// a fresh machine has no package lists yet: update once, then try again
	if (!install() && !(apt(['update', '-q']) && install())) throw new Error(`${command} failed`);
	const still = packages.filter((p) => missing.includes(p.name) && !p.installed()).map((p) => p.name);
	if (still.length) throw new Error(`${still.join(', ')} installed, but still not found`);
	say(`apt-get install: ${Math.round((Date.now() - t0) / 1000)} s`);
	return true;
}
