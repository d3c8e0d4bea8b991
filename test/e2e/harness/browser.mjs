// Headless Debian Chromium driven by playwright-core (no browser download: apt's /usr/bin/chromium).
// Fresh profile per launch; every step can be saved as a numbered screenshot for humans to check.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, selectors } from 'playwright-core';
import { onExitCleanup } from './processes.mjs';

const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
// Offline and quiet: no component updates, sync, QUIC or first-run work that would phone home.
const ARGS = [
	'--no-sandbox', // root in a container
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

selectors.setTestIdAttribute('data-test-id'); // n8n's editor marks elements with data-test-id

/**
 * @param {object} o
 * @param {string} o.artifactsDir  screenshots + browser.log go here
 * @param {string} o.prefix        file name prefix, e.g. 'editor'
 * @param {string} o.origin        the only origin the page may load from, e.g. http://127.0.0.1:5678
 */
export async function launchBrowser({ artifactsDir, prefix, origin }) {
	mkdirSync(artifactsDir, { recursive: true });
	const profile = mkdtempSync(path.join(os.tmpdir(), 'e2e-chromium-'));
	const unregister = onExitCleanup(() => rmSync(profile, { recursive: true, force: true }));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: ARGS,
		viewport: { width: 1400, height: 900 },
	});
	const page = context.pages()[0] ?? (await context.newPage());
	const log = [];
	page.on('pageerror', (e) => log.push(`pageerror: ${e.message}`));
	page.on('console', (m) => m.type() === 'error' && log.push(`console.error: ${m.text()}`));
	// The test must not depend on the internet: requests to other origins are logged and refused.
	// (n8n 2.41.1's editor asks registry.npmjs.org about an installed community package.)
	await context.route(
		(url) => url.origin !== origin,
		(route) => {
			log.push(`blocked external request: ${route.request().url()}`);
			return route.abort();
		},
	);
	let step = 0;
	return {
		context,
		page,
		log,
		/** Saves <prefix>-<nn>-<name>.png and returns its path. */
		shot: async (name) => {
			const file = path.join(artifactsDir, `${prefix}-${String(++step).padStart(2, '0')}-${name}.png`);
			await page.screenshot({ path: file });
			return file;
		},
		close: async () => {
			writeFileSync(path.join(artifactsDir, `${prefix}-browser.log`), log.join('\n') + '\n');
			await context.close().catch(() => {});
			rmSync(profile, { recursive: true, force: true });
			unregister();
		},
	};
}
