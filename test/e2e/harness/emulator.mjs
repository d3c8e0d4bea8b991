// Runs the Digistore24 emulator CLI (TypeScript, so through tsx) as a child process group.
// The .mjs harness cannot import test/emulator/*.ts without a loader, hence a process.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { spawnGroup, stopGroup } from './processes.mjs';
import { repoRoot } from './runtime.mjs';
import { waitFor } from './util.mjs';

export const EMULATOR_CLI = path.join(repoRoot, 'test/emulator/cli.ts');

/**
 * Starts `tsx test/emulator/cli.ts --port <port>` and waits for its "listening on <url>" line.
 * Returns undefined when the CLI does not exist (yet). `onOutput` receives its output lines.
 */
export async function startEmulatorProcess({ port = 8124, onOutput = () => {}, timeoutMs = 60_000 } = {}) {
	if (!existsSync(EMULATOR_CLI)) return undefined;
	const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
	const [cmd, args] = existsSync(tsx) ? [tsx, []] : ['npx', ['tsx']];
	const { child, exited } = spawnGroup('emulator', cmd, [...args, EMULATOR_CLI, '--port', String(port)], {
		cwd: repoRoot,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	let dead = false;
	exited.then(() => (dead = true));
	for (const s of [child.stdout, child.stderr]) {
		s.setEncoding('utf8');
		s.on('data', (d) => {
			output += d;
			for (const line of d.split('\n').filter(Boolean)) onOutput(line);
		});
	}
	const url = await waitFor(
		() => {
			if (dead) throw new Error(`emulator exited:\n${output.slice(-2000)}`);
			return output.match(/listening on (\S+)/)?.[1];
		},
		{ timeoutMs, message: 'the Digistore24 emulator to listen' },
	).catch(async (e) => {
		await stopGroup(child.pid, 5_000);
		throw e;
	});
	return {
		url,
		output: () => output,
		exited,
		stop: () => stopGroup(child.pid, 10_000),
	};
}
