/**
 * What the node-vs-loop rows (3: Return All, 5: polling) share: the emulator in its own process (so
 * each side's heap and CPU hold only its own work), one warm-up of every side, then rounds that
 * run every side once, in turn, the first side changing from round to round, with garbage
 * collected before each side. Each row says what one side's measurement holds (time, heap, calls).
 */
import { spawn } from 'child_process';
import path from 'path';

const root = path.resolve(__dirname, '../..');

export const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** Starts `test/emulator/cli.ts` with the given arguments on a free port; stop() ends it. */
export async function startEmulatorProcess(args: string[]): Promise<{ url: string; stop: () => void }> {
	const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test/emulator/cli.ts'), '--port', '0', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
	const url = await new Promise<string>((resolve, reject) => {
		let out = '';
		child.stdout.setEncoding('utf8');
		child.stdout.on('data', (chunk: string) => {
			out += chunk;
			const match = /listening on (\S+)/.exec(out);
			if (match) resolve(match[1]);
		});
		child.once('exit', (code) => reject(new Error(`emulator exited (${code}): ${out}`)));
	});
	return { url, stop: () => child.kill('SIGTERM') };
}

/**
 * Runs each side once to warm up, then `rounds` rounds. Round r runs the sides in their given
 * order rotated by r, so no side always follows the same one. `measure` runs one side and returns
 * what is recorded for it. The result holds, per side, one measurement per round.
 */
export async function runRounds<S extends string, M>(
	rounds: number,
	sides: Record<S, () => Promise<unknown>>,
	measure: (name: S, side: () => Promise<unknown>) => Promise<M>,
): Promise<Record<S, M[]>> {
	const names = Object.keys(sides) as S[];
	for (const name of names) await sides[name](); // warm-up: JIT of n8n-core, our code and the emulator
	const result = Object.fromEntries(names.map((name) => [name, [] as M[]])) as Record<S, M[]>;
	for (let round = 0; round < rounds; round++) {
		const order = names.map((_, i) => names[(i + round) % names.length]);
		for (const name of order) {
			// The previous side's garbage is collected before, not during, this one.
			gc();
			result[name].push(await measure(name, sides[name]));
		}
	}
	return result;
}

/** Milliseconds `work` takes, and what it returned. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; out: T }> {
	const start = process.hrtime.bigint();
	const out = await work();
	return { ms: Number(process.hrtime.bigint() - start) / 1e6, out };
}
