// Browser check of the real n8n editor: a user finds Digistore24 in the node panel, sees its
// triggers and actions, adds the trigger and opens it. Step screenshots: test/e2e/artifacts/editor-*.png;
// README's pictures (node panel, every action, postback trigger): test/e2e/screenshots/.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './harness/browser.mjs';
import { startN8n } from './harness/n8n.mjs';
import { packPackage } from './harness/pack.mjs';

const ARTIFACTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'artifacts');
const SCREENSHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');
const POSTBACK_ENTRIES = ['On affiliate sale', 'On affiliate refund / chargeback', 'On vendor sale postback'];
const PKG = 'n8n-nodes-digistore24';
const TRIGGERS = ['On new payment', 'On new e-ticket', 'On affiliate approved'];
const EVERYDAY_ACTIONS = ['Create a voucher', 'Update a delivery', 'Upgrade a purchase', 'Get many invoices of a purchase', 'Get many payouts', 'Get many marketplace entries', 'Get many order forms', 'Refund part of a purchase'];

let n8n;
let browser;

before(async () => {
	mkdirSync(ARTIFACTS, { recursive: true });
	for (const f of readdirSync(ARTIFACTS, { withFileTypes: true }).filter((e) => e.name.startsWith('editor-'))) {
		rmSync(path.join(ARTIFACTS, f.name));
	}
	n8n = await startN8n({ packageTarball: packPackage() });
	browser = await launchBrowser({ artifactsDir: ARTIFACTS, prefix: 'editor', origin: n8n.baseUrl });
});

after(async () => {
	await browser?.close();
	await n8n?.stop();
});

test('the editor offers the Digistore24 nodes', async (t) => {
	const { page, shot } = browser;
	const creator = page.getByTestId('node-creator');
	// Items of the node panel are keyed by node type: "<type>-<uuid>".
	const items = (type) => creator.locator(`[data-test-id="item-iterator-item"][data-keyboard-nav-id^="${type}-"]`);

	await t.test('sign in', async () => {
		await page.goto(`${n8n.baseUrl}/signin`);
		await page.locator('#emailOrLdapLoginId').fill(n8n.owner.email);
		await page.locator('#password').fill(n8n.owner.password);
		await shot('signin');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
		await page.getByTestId('main-sidebar-settings').waitFor(); // the app shell has rendered
		await page.waitForLoadState('networkidle'); // and its lists have loaded
		await shot('signed-in');
	});

	await t.test('search "Digistore24" in the node panel of a new workflow', async () => {
		await page.goto(`${n8n.baseUrl}/workflow/new`);
		await page.getByTestId('canvas-plus-button').waitFor();
		await shot('new-workflow');
		await page.getByTestId('node-creator-plus-button').click();
		await page.getByTestId('node-creator-search-bar').fill('Digistore24');
		const app = creator.getByTestId('node-creator-item-name').filter({ hasText: /^Digistore24$/ });
		await app.first().waitFor();
		await shot('search');
		await app.first().click();
	});

	await t.test('the app lists its triggers and actions', async () => {
		for (const name of TRIGGERS) await creator.getByText(name, { exact: true }).waitFor();
		await page.waitForTimeout(600); // the panel slides in; README's picture waits for it to stand
		await shot('triggers');
		mkdirSync(SCREENSHOTS, { recursive: true });
		await page.screenshot({ path: path.join(SCREENSHOTS, 'node-panel.png') });
		// An empty workflow expands only the triggers; open the actions section.
		const actionsHeader = creator.getByText(/^Actions \(\d+\)$/);
		await actionsHeader.click();
		const actions = items(`${PKG}.digistore24`);
		await actions.first().scrollIntoViewIfNeeded();
		assert.ok((await actions.count()) >= 1, 'at least one action');
		await shot('actions');
		const texts = (await actions.allInnerTexts()).map((s) => s.trim());
		t.diagnostic(`actions: ${texts.join(' | ')}`);
		// The everyday resources: vouchers, deliveries, upgrades, invoices, payouts, marketplace, order forms.
		for (const action of EVERYDAY_ACTIONS) assert.ok(texts.some((text) => text.includes(action)), `the node panel lists "${action}"`);
		// README's picture of every action: the panel in a window tall enough to show the whole list.
		const size = page.viewportSize();
		await page.setViewportSize({ width: size.width, height: 4200 });
		await actions.last().scrollIntoViewIfNeeded();
		await page.waitForTimeout(600);
		await creator.screenshot({ path: path.join(SCREENSHOTS, 'node-panel-actions.png') });
		await page.setViewportSize(size);
	});

	await t.test('add "On new payment" to the canvas and open it', async () => {
		await creator.getByText('On new payment', { exact: true }).click();
		const ndv = page.getByTestId('ndv');
		await ndv.waitFor(); // n8n opens a newly added node at once
		await shot('trigger-added');
		await page.getByTestId('ndv-close-button').click();
		await ndv.waitFor({ state: 'hidden' });
		const node = page.getByTestId('canvas-node').filter({ hasText: 'Digistore24' });
		await node.first().waitFor();
		await shot('canvas');
		await node.first().dblclick();
		await ndv.waitFor();
		assert.match(await page.getByTestId('node-title-container').innerText(), /Digistore24/);
		await page.getByTestId('node-parameters').waitFor();
		await shot('trigger-open');
	});
});

test('an affiliate finds the postback trigger: searching "Digistore24" shows its entries', async () => {
	// A fresh tab with n8n's session cookie, so this does not depend on the first test's sign-in or
	// its unsaved workflow. Generous timeouts: the editor bundle loads slowly on a busy machine.
	await browser.context.addCookies(n8n.rest.cookies());
	const page = await browser.context.newPage();
	page.setDefaultTimeout(120_000);
	page.setDefaultNavigationTimeout(180_000);
	try {
		await page.goto(`${n8n.baseUrl}/workflow/new`, { waitUntil: 'domcontentloaded' });
		await page.getByTestId('canvas-plus-button').waitFor();
		await page.getByTestId('node-creator-plus-button').click();
		await page.getByTestId('node-creator-search-bar').fill('Digistore24');
		const creator = page.getByTestId('node-creator');
		// n8n lists a trigger-only node without " Trigger" ("Digistore24 Postback").
		const app = creator.getByTestId('node-creator-item-name').filter({ hasText: 'Digistore24 Postback' });
		await app.first().waitFor().catch(async (error) => {
			await page.screenshot({ path: path.join(ARTIFACTS, 'editor-postback-search-failed.png') });
			throw new Error(`${error.message}\nitems: ${(await creator.getByTestId('node-creator-item-name').allInnerTexts()).join(' | ')}`);
		});
		await app.first().click();
		for (const name of POSTBACK_ENTRIES) await creator.getByText(name, { exact: true }).waitFor();
		mkdirSync(SCREENSHOTS, { recursive: true });
		await page.screenshot({ path: path.join(SCREENSHOTS, 'postback-node-panel.png') });
		// Added to the canvas, the node opens with the query strings to paste at Digistore24.
		await creator.getByText('On affiliate sale', { exact: true }).click();
		const ndv = page.getByTestId('ndv');
		await ndv.waitFor();
		await ndv.getByText('?token=YOUR_TOKEN&postback=affiliate&cid={cid}', { exact: false }).first().waitFor();
		await page.screenshot({ path: path.join(SCREENSHOTS, 'postback-node.png') });
	} finally {
		await page.close();
	}
});
