// Throwaway Redis and PostgreSQL on loopback for the queue-mode scenario: Debian's packages,
// installed with apt-get when missing, data in a temp folder, no persistence, stopped with the run.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onExitCleanup, spawnGroup, stopGroup } from '../harness/processes.mjs';
import { freePort, waitFor } from '../harness/util.mjs';

const log = (m) => console.error(`[queue] ${m}`);
let aptUpdated = false;

/** Installs Debian packages with apt-get when `probe()` says they are missing (needs root). */
export function ensureDebianPackages(packages, probe) {
	if (probe()) return;
	if (process.getuid?.() !== 0) {
		throw new Error(`${packages.join(', ')} missing: run \`sudo apt-get install -y ${packages.join(' ')}\` (the harness installs them itself only as root)`);
	}
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const apt = (args) => {
		const r = spawnSync('apt-get', args, { env, stdio: ['ignore', 2, 2] });
		if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${r.status})`);
	};
	const t0 = Date.now();
	// The packages' own services are not used (containers here have a policy-rc.d denying them);
	// the harness runs its own instances on free ports.
	const install = () => apt(['install', '-y', '-q', '--no-install-recommends', ...packages]);
	try {
		install();
	} catch (error) {
		if (aptUpdated) throw error;
		apt(['update', '-q']);
		aptUpdated = true;
		install();
	}
	log(`apt-get install ${packages.join(' ')}: ${Date.now() - t0} ms`);
	if (!probe()) throw new Error(`${packages.join(', ')} installed, but still not found`);
}

function tempDir(prefix) {
	const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
	const keep = process.env.E2E_KEEP === '1';
	const remove = () => keep || rmSync(dir, { recursive: true, force: true });
	const unregister = onExitCleanup(remove);
	return { dir, remove: () => (remove(), unregister()) };
}

/** Collects a child's output and resolves `ready` when `pattern` shows up. */
function watch(child, exited, pattern, name, timeoutMs = 60_000) {
	let output = '';
	let dead = false;
	exited.then(() => (dead = true));
	for (const s of [child.stdout, child.stderr]) {
		s?.setEncoding('utf8');
		s?.on('data', (d) => (output += d));
	}
	const ready = waitFor(
		() => {
			if (dead) throw new Error(`${name} exited:\n${output.slice(-2000)}`);
			return pattern.test(output);
		},
		{ timeoutMs, intervalMs: 100, message: `${name} to start` },
	);
	return { ready, output: () => output };
}

// ---------------------------------------------------------------------------------------------
// Redis

export async function startRedis({ port } = {}) {
	ensureDebianPackages(['redis-server'], () => existsSync('/usr/bin/redis-server'));
	port ??= await freePort();
	const tmp = tempDir('n8n-e2e-redis-');
	// No RDB snapshots, no AOF: a queue that lives exactly as long as the test.
	const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', tmp.dir, '--daemonize', 'no', '--protected-mode', 'yes'];
	const { child, exited } = spawnGroup('redis', '/usr/bin/redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
	const w = watch(child, exited, /Ready to accept connections/, 'redis-server');
	await w.ready.catch(async (e) => {
		await stopGroup(child.pid, 5_000);
		throw e;
	});
	return {
		host: '127.0.0.1',
		port,
		version: execFileSync('/usr/bin/redis-server', ['--version'], { encoding: 'utf8' }).match(/v=(\S+)/)?.[1],
		output: w.output,
		stop: async () => {
			await stopGroup(child.pid, 10_000);
			tmp.remove();
		},
	};
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

function postgresBinDir() {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const versions = readdirSync(root)
		.filter((v) => existsSync(path.join(root, v, 'bin/postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(root, versions[0], 'bin') : undefined;
}

/** PostgreSQL refuses to run as root: as root we run it as Debian's `postgres` user. */
function runAs() {
	if (process.getuid?.() !== 0) return {};
	const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
	const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
	return { uid, gid };
}

/**
 * A throwaway cluster (initdb into a temp folder, trust auth, TCP on 127.0.0.1 only, no Unix
 * socket outside that folder, fsync off) with database `n8n`.
 */
export async function startPostgres({ port, database = 'n8n' } = {}) {
	ensureDebianPackages(['postgresql'], () => Boolean(postgresBinDir()));
	const bin = postgresBinDir();
	port ??= await freePort();
	const tmp = tempDir('n8n-e2e-pg-');
	const data = path.join(tmp.dir, 'data');
	const socketDir = path.join(tmp.dir, 'socket');
	mkdirSync(socketDir);
	const ids = runAs();
	if (ids.uid !== undefined) {
		chownSync(tmp.dir, ids.uid, ids.gid);
		chownSync(socketDir, ids.uid, ids.gid);
	}
	const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
	const t0 = Date.now();
	const init = spawnSync(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'], { env, ...ids, encoding: 'utf8' });
	if (init.status !== 0) throw new Error(`initdb failed:\n${init.stdout}\n${init.stderr}`);
	const settings = {
		listen_addresses: '127.0.0.1',
		port: String(port),
		unix_socket_directories: socketDir,
		fsync: 'off',
		synchronous_commit: 'off',
		full_page_writes: 'off',
		max_connections: '200',
		shared_buffers: '256MB',
	};
	const args = ['-D', data, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
	const { child, exited } = spawnGroup('postgres', path.join(bin, 'postgres'), args, { env, ...ids, stdio: ['ignore', 'pipe', 'pipe'] });
	const w = watch(child, exited, /database system is ready to accept connections/, 'postgres');
	await w.ready.catch(async (e) => {
		await stopGroup(child.pid, 5_000);
		throw e;
	});
	const psql = (sql, db = 'postgres') => {
		const r = spawnSync(path.join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', db, '-v', 'ON_ERROR_STOP=1', '-Atc', sql], { env, encoding: 'utf8' });
		if (r.status !== 0) throw new Error(`psql ${sql}: ${r.stderr}`);
		return r.stdout.trim();
	};
	psql(`CREATE DATABASE ${database}`);
	log(`postgres ${psql('SHOW server_version')} on 127.0.0.1:${port} in ${Date.now() - t0} ms`);
	return {
		host: '127.0.0.1',
		port,
		database,
		user: 'postgres',
		version: psql('SHOW server_version'),
		psql: (sql, db = database) => psql(sql, db),
		output: w.output,
		stop: async () => {
			// SIGINT = fast shutdown (SIGTERM would wait for clients to disconnect).
			try {
				process.kill(child.pid, 'SIGINT');
			} catch {}
			let timer;
			await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 10_000)))]);
			clearTimeout(timer);
			await stopGroup(child.pid, 5_000);
			tmp.remove();
		},
	};
}
