// Child processes that must never outlive us. Each child runs in its own process group
// (spawn detached = setsid), so killing -pid also reaches its children (n8n's task runner,
// npx -> tsx -> node for the emulator).
import { spawn, spawnSync } from 'node:child_process';

const groups = new Map(); // pid -> { name, child, exited: Promise }
const exitCleanups = new Set(); // synchronous functions run at exit, after the kills

/** Runs `fn` (synchronous) at process exit, after all groups are dead; returns an unregister function. */
export function onExitCleanup(fn) {
	exitCleanups.add(fn);
	installHandlers();
	return () => exitCleanups.delete(fn);
}

/** spawn() in a new process group that is stopped on exit, signals and crashes. */
export function spawnGroup(name, command, args, options = {}) {
	const child = spawn(command, args, { ...options, detached: true });
	const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
	child.once('error', () => groups.delete(child.pid));
	if (child.pid) groups.set(child.pid, { name, child, exited });
	exited.then(() => groups.delete(child.pid));
	installHandlers();
	return { child, exited };
}

function groupAlive(pid) {
	try {
		process.kill(-pid, 0);
		return true;
	} catch {
		return false;
	}
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Graceful stop: SIGTERM to the leader only (n8n then runs its shutdown, including webhook
 * `delete` hooks, and stops its own task runner); SIGKILL for the whole group after `timeoutMs`,
 * or for members still alive 3 s after the leader exited.
 */
export async function stopGroup(pid, timeoutMs = 30_000) {
	const entry = groups.get(pid);
	try {
		process.kill(pid, 'SIGTERM');
	} catch {}
	if (entry) {
		let timer;
		await Promise.race([entry.exited, new Promise((r) => (timer = setTimeout(r, timeoutMs)))]);
		clearTimeout(timer);
	}
	const grace = Date.now() + 3_000;
	while (groupAlive(pid) && Date.now() < grace) await sleep(100);
	while (groupAlive(pid)) {
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {}
		await sleep(100);
	}
	if (entry) await entry.exited;
	groups.delete(pid);
}

/** Stops every tracked group (in parallel). */
export function stopAll(timeoutMs) {
	return Promise.all([...groups.keys()].map((pid) => stopGroup(pid, timeoutMs)));
}

// Last resort at process exit: only synchronous code runs here, so we SIGTERM and then wait
// in a blocking bash loop before SIGKILL. Never leaves a process group behind.
function killAllSync() {
	killGroupsSync();
	for (const fn of exitCleanups) {
		try {
			fn();
		} catch {}
	}
}

function killGroupsSync() {
	const pids = [...groups.keys()];
	if (pids.length === 0) return;
	for (const pid of pids) {
		try {
			process.kill(pid, 'SIGTERM');
		} catch {}
	}
	const script = `for i in $(seq 1 150); do alive=0; for p in "$@"; do kill -0 -- -$p 2>/dev/null && alive=1; done; [ $alive = 0 ] && exit 0; sleep 0.1; done; for p in "$@"; do kill -KILL -- -$p 2>/dev/null; done; exit 0`;
	spawnSync('bash', ['-c', script, 'kill', ...pids.map(String)], { stdio: 'ignore' });
	groups.clear();
}

let installed = false;
function installHandlers() {
	if (installed) return;
	installed = true;
	process.once('exit', killAllSync);
	for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.once(sig, () => {
			// A second signal while we are stopping means "now": exit runs killAllSync.
			process.once(sig, () => process.exit(130));
			stopAll(35_000).finally(() => process.exit(sig === 'SIGINT' ? 130 : 143)); // n8n's own shutdown timeout is 30 s
		});
	}
}
