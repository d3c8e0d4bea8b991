// `npm run dev`: a real n8n with this package installed, plus the Digistore24 emulator.
// Builds + packs the package and reinstalls it on every start (n8n loads community packages only
// at startup, so restart `npm run dev` after a change). Data stays in ./.n8n-dev (delete to reset).
//
//   npm run dev [-- --port 5678 --emulator-port 8124 --no-emulator --quiet]
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EMULATOR_CLI, startEmulatorProcess } from './harness/emulator.mjs';
import { startN8n } from './harness/n8n.mjs';
import { packPackage } from './harness/pack.mjs';
import { stopAll } from './harness/processes.mjs';
import { ensureN8nInstalled, repoRoot } from './harness/runtime.mjs';

const { values: opt } = parseArgs({
	options: {
		port: { type: 'string', default: '5678' },
		'emulator-port': { type: 'string', default: '8124' },
		'no-emulator': { type: 'boolean', default: false },
		quiet: { type: 'boolean', default: false }, // hide n8n's own log lines
	},
});
const port = Number(opt.port);
const emulatorPort = Number(opt['emulator-port']);
const say = (msg) => console.log(`[dev] ${msg}`);

function assertPortFree(p, what) {
	return new Promise((resolve, reject) => {
		const srv = net.createServer().once('error', () =>
			reject(new Error(`port ${p} is in use; is another ${what} running? (choose another with --port/--emulator-port)`)),
		);
		srv.listen(p, '127.0.0.1', () => srv.close(resolve));
	});
}

async function main() {
	await assertPortFree(port, 'n8n');
	if (!opt['no-emulator']) await assertPortFree(emulatorPort, 'emulator');
	const rt = ensureN8nInstalled(); // ~5 min once per machine, then instant
	const tarball = packPackage({ log: say });

	// Emulator and n8n start in parallel; the emulator is optional.
	const emulatorPromise = opt['no-emulator']
		? Promise.resolve(undefined)
		: startEmulatorProcess({ port: emulatorPort, onOutput: (l) => console.log(`[emulator] ${l}`) }).catch((e) => {
				say(`WARNING: the emulator did not start: ${e.message}`);
				return undefined;
			});
	say(`starting n8n ${rt.version} on port ${port} ...`);
	const n8n = await startN8n({
		port,
		packageTarball: tarball,
		userFolder: path.join(repoRoot, '.n8n-dev'),
		echoLogs: !opt.quiet,
		apiKey: false, // the editor needs none; avoids one new key per start
		// A first start runs all of n8n's database migrations: minutes on a busy 2-core machine (3 min
		// were not enough under load). A crash still fails at once; here someone is watching anyway.
		readyTimeoutMs: 900_000,
	});
	const emulator = await emulatorPromise;
	if (!emulator && !opt['no-emulator']) {
		say(`WARNING: no emulator (${path.relative(repoRoot, EMULATOR_CLI)} missing or failing); n8n runs alone.`);
	}

	const line = '-'.repeat(78);
	console.log(
		[
			line,
			`n8n ${rt.version} with ${n8n.package.name}@${n8n.package.version} is ready (${n8n.startMs} ms)`,
			`  Open:      http://localhost:${port}`,
			`  Sign in:   ${n8n.owner.email} / ${n8n.owner.password}`,
			emulator
				? `  Emulator:  ${emulator.url} - in a "Digistore24 API" credential set Base URL to\n` +
					`             ${emulator.url} and API Key to the full access key printed above.`
				: '  Emulator:  not running',
			`  Webhooks:  ${n8n.baseUrl}/webhook/... (reachable from the emulator)`,
			`  Data:      ./.n8n-dev (delete it to start from scratch)`,
			'Ctrl-C stops everything.',
			line,
		].join('\n'),
	);

	// Ctrl-C/SIGTERM are handled by harness/processes.mjs (stops both, then exits).
	// `kill <npm pid>` reaches npm's `sh -c`, not us: treat losing our parent like SIGTERM.
	const parent = process.ppid;
	setInterval(() => process.ppid !== parent && process.kill(process.pid, 'SIGTERM'), 1000).unref();
	let stopping = false;
	for (const sig of ['SIGINT', 'SIGTERM']) {
		process.once(sig, () => {
			stopping = true;
			say('stopping n8n and the emulator ...');
		});
	}
	// Here: if either child dies on its own, stop the other and exit.
	const died = await Promise.race([
		n8n.exited().then((r) => ({ who: 'n8n', ...r })),
		...(emulator ? [emulator.exited.then((r) => ({ who: 'emulator', ...r }))] : []),
	]);
	if (stopping) return; // the signal handler is already stopping everything and will exit
	say(`${died.who} exited (code ${died.code}, signal ${died.signal}); stopping the rest`);
	await stopAll(20_000);
	process.exit(1);
}

main().catch(async (e) => {
	console.error(`[dev] ${e.message}`);
	await stopAll(20_000);
	process.exit(1);
});
