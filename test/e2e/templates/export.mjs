// npm run templates:export — writes examples/<file>.json and docs/templates/<file>.png.
// Each draft (drafts.mjs) goes through the real n8n editor the way a user imports a file:
// workflow menu → Import from File, save, fit the canvas to view, screenshot. The JSON n8n then
// holds is what is shipped, minus what ties it to this instance (ids, credential ids, webhook ids).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../harness/browser.mjs';
import { startN8n, waitFor } from '../harness/n8n.mjs';
import { packPackage } from '../harness/pack.mjs';
import { TEMPLATES } from './drafts.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const EXAMPLES = path.join(ROOT, 'examples');
const PICTURES = path.join(ROOT, 'docs/templates');
const only = process.argv.slice(2);

/** The workflow as a file for any n8n: no instance ids, credentials by name only. */
export function shippable(workflow) {
	return {
		name: workflow.name,
		nodes: workflow.nodes.map(({ id: _id, webhookId: _webhookId, credentials, ...node }) => ({
			...node,
			...(credentials ? { credentials: Object.fromEntries(Object.entries(credentials).map(([type, c]) => [type, { name: c.name }])) } : {}),
		})),
		connections: workflow.connections,
		settings: { executionOrder: workflow.settings?.executionOrder ?? 'v1' },
	};
}

async function main() {
	mkdirSync(EXAMPLES, { recursive: true });
	mkdirSync(PICTURES, { recursive: true });
	const n8n = await startN8n({ packageTarball: packPackage() });
	const tmp = mkdtempSync(path.join(os.tmpdir(), 'templates-'));
	const browser = await launchBrowser({ artifactsDir: path.join(ROOT, 'test/e2e/artifacts'), prefix: 'templates', origin: n8n.baseUrl });
	const { page } = browser;
	page.setDefaultTimeout(120_000); // a loaded machine makes the editor slow
	page.setDefaultNavigationTimeout(120_000);
	try {
		await page.goto(`${n8n.baseUrl}/signin`);
		await page.locator('#emailOrLdapLoginId').fill(n8n.owner.email);
		await page.locator('#password').fill(n8n.owner.password);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
		for (const template of TEMPLATES.filter((t) => only.length === 0 || only.includes(t.file))) {
			const draft = path.join(tmp, `${template.file}.json`);
			writeFileSync(draft, JSON.stringify(template.workflow, null, 2));
			await page.goto(`${n8n.baseUrl}/workflow/new`);
			await page.getByTestId('canvas-plus-button').waitFor();
			await page.getByTestId('workflow-import-input').setInputFiles(draft);
			await page.getByTestId('canvas-node').first().waitFor();
			await page.keyboard.press('Control+s');
			await page.waitForURL((u) => /\/workflow\/[A-Za-z0-9]+$/.test(u.pathname) && !u.pathname.endsWith('/new'), { timeout: 120_000 });
			const id = new URL(page.url()).pathname.split('/').pop();
			await page.getByTestId('zoom-to-fit').click();
			await page.waitForTimeout(600); // the fit animates
			await page.mouse.move(0, 0);
			await page.locator('.vue-flow').screenshot({ path: path.join(PICTURES, `${template.file}.png`) });
			// The editor shows the new id before the save has reached the database.
			const saved = await waitFor(() => n8n.api.getWorkflow(id).catch(() => undefined), { timeoutMs: 120_000, message: `workflow ${id} saved` });
			writeFileSync(path.join(EXAMPLES, `${template.file}.json`), `${JSON.stringify(shippable(saved), null, 2)}\n`);
			console.log(`examples/${template.file}.json + docs/templates/${template.file}.png (${saved.nodes.length} nodes)`);
		}
	} finally {
		await browser.close();
		await n8n.stop();
	}
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
