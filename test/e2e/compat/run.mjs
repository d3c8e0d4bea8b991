// `npm run test:e2e`: the end-to-end tests on every n8n version `npm test` proves the package on
// (N8N_VERSIONS in test/e2e/n8n/versions.sh). The newest (N8N_NEWEST) runs every e2e file; the
// others run the core checks (CORE_FILES: install, trigger verify/answer/run, automatic setup,
// the action node, the trust guarantees the version allows). Each version is one `node --test` run
// with N8N_VERSION set, installed first when missing; the closing lines name each version, the Node
// it ran on and its counts, and a Markdown row for README's compatibility table.
//
//   npm run test:e2e                              every version
//   N8N_VERSIONS=1.123.81 npm run test:e2e        one version (its file set as above)
//   npm run test:e2e -- test/e2e/smoke.test.mjs   these files on every version
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { n8nRuntime, repoRoot } from '../harness/runtime.mjs';
import { CORE_FILES } from './core-files.mjs';

const e2eDir = path.join(repoRoot, 'test/e2e');
const ALL_FILES = readdirSync(e2eDir)
	.filter((f) => f.endsWith('.test.mjs'))
	.sort()
	.map((f) => `test/e2e/${f}`);
const chosenFiles = process.argv.slice(2);
const { versions, newest } = n8nRuntime();
const log = (m) => console.log(`[e2e] ${m}`);

/** Runs `files` on n8n `version`; resolves with its counts, parsed from node's test reporter summary. */
function runVersion(version, files) {
	const env = { ...process.env, N8N_VERSION: version };
	// Installs the version and its Node when missing (no-op when cached), so the Node version is known.
	execFileSync('bash', [path.join(e2eDir, 'n8n/install.sh'), version], { env, stdio: ['ignore', 2, 2] });
	const rt = JSON.parse(
		execFileSync(process.execPath, ['-e', `import('./test/e2e/harness/runtime.mjs').then(m=>console.log(JSON.stringify(m.n8nRuntime())))`], { cwd: repoRoot, env, encoding: 'utf8' }),
	);
	const node = execFileSync(rt.node, ['--version'], { encoding: 'utf8' }).trim();
	log(`n8n ${version} on Node ${node}: ${files.length} file(s): ${files.map((f) => path.basename(f, '.test.mjs')).join(', ')}`);
	const t0 = Date.now();
	return new Promise((resolve) => {
		const child = spawn(process.execPath, ['--test', '--test-concurrency=1', ...files], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'inherit'] });
		let out = '';
		child.stdout.setEncoding('utf8');
		child.stdout.on('data', (d) => {
			out += d;
			process.stdout.write(d);
		});
		child.on('close', (code) => {
			// The reporter's summary: "# pass 5" (tap, when stdout is no terminal) or "ℹ pass 5" (spec).
			const count = (name) => Number(out.match(new RegExp(`^(?:#|ℹ) ${name} (\\d+)$`, 'm'))?.[1] ?? NaN);
			const counts = { tests: count('tests'), pass: count('pass'), fail: count('fail'), skipped: count('skipped'), cancelled: count('cancelled') };
			resolve({ version, node, files, code, seconds: Math.round((Date.now() - t0) / 1000), ...counts });
		});
	});
}

const results = [];
for (const version of versions) {
	const files = chosenFiles.length ? chosenFiles : version === newest ? ALL_FILES : CORE_FILES;
	results.push(await runVersion(version, files));
}

const ok = (r) => r.code === 0 && r.fail === 0 && r.pass > 0 && !r.cancelled;
const day = new Date().toISOString().slice(0, 10);
console.log('');
for (const r of results) {
	const scope = chosenFiles.length ? 'chosen files' : r.version === newest ? 'every e2e file' : 'core checks';
	log(`n8n ${r.version} on Node ${r.node}: ${ok(r) ? 'PASSED' : 'FAILED'}: ${r.pass} passed, ${r.fail} failed, ${r.skipped} skipped (${scope}: ${r.files.length} files, ${r.seconds} s)`);
}
// README's compatibility table, ready to paste (also in test/e2e/artifacts/compatibility.md).
const rows = results.map((r) => `| ${r.version} | ${r.node} | ${ok(r) ? 'passed' : 'FAILED'}: ${r.pass} passed, ${r.fail} failed, ${r.skipped} skipped (${r.version === newest && !chosenFiles.length ? 'all e2e files' : r.files.map((f) => path.basename(f, '.test.mjs')).join(', ')}) | ${day} |`);
const table = ['| n8n | Node | `npm test` end-to-end | Last run |', '|---|---|---|---|', ...rows].join('\n');
mkdirSync(path.join(e2eDir, 'artifacts'), { recursive: true });
writeFileSync(path.join(e2eDir, 'artifacts/compatibility.md'), `${table}\n`);
console.log(`\n${table}\n`);
const sum = (k) => results.reduce((a, r) => a + (r[k] || 0), 0);
console.log(`e2e: ${sum('pass')} passed, ${sum('fail')} failed`);
process.exit(results.every(ok) ? 0 : 1);
