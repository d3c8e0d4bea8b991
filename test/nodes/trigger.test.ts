import type { IDataObject } from 'n8n-workflow';
import { Digistore24Trigger } from '../../nodes/Digistore24/Digistore24Trigger.node';
import { IPN_EVENTS, findEvent } from '../../nodes/Digistore24/ipn/events';
import { outputSchemaFor } from '../../nodes/Digistore24/ipn/schema';
import { buildSampleIpn, postForm, sendIpn, signedBody } from '../emulator/ipn-sender';
import { FULL_ACCESS_KEY, READ_ONLY_KEY, SECOND_FULL_ACCESS_KEY } from '../emulator/keys';
import { settingsMismatch, setupParameters } from '../../nodes/Digistore24/ipn/registration';
import { startEmulator, type Emulator } from '../emulator/server';
import { hookContext, startWebhookServer, type NodeSetup } from './n8n';

const nodeType = new Digistore24Trigger();
const TYPE = 'n8n-nodes-digistore24.digistore24Trigger';
const ALL_EVENTS = IPN_EVENTS.map((event) => event.value);

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(() => emulator.stop());
beforeEach(() => emulator.state.reset());

const connections = () => emulator.state.snapshot().connections;
const connection_passphrase = () => emulator.state.connections.list()[0].sha_passphrase;

/** A trigger as one workflow: its webhook server and its lifecycle share the workflow's static data. */
async function trigger(parameters: IDataObject, credentials: Partial<NodeSetup['credentials']> = {}) {
	const staticData: IDataObject = {};
	const base = { nodeType, type: TYPE, staticData, parameters, workflowId: `wf-${Math.random().toString(36).slice(2)}`, credentials: { apiKey: FULL_ACCESS_KEY, baseUrl: emulator.url, ...credentials } };
	const server = await startWebhookServer(base);
	const setup = { ...base, instanceUrl: server.instanceUrl };
	return { server, setup, hooks: hookContext(setup), testHooks: hookContext(setup, 'manual'), staticData };
}

async function deliver(domainId: string, event: string, extra: IDataObject = {}) {
	const res = await fetch(`${emulator.url}/__emulator/deliver`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ domain_id: domainId, event, ...extra }),
	});
	return (await res.json()) as { status: number; body: string; params: Record<string, string> };
}

describe('automatic setup', () => {
	it('registers once with the production URL, the events, products and a GET-probed URL; delivers every event once with typed output', async () => {
		const { server, hooks } = await trigger({ events: ALL_EVENTS, options: { productIds: '' } });
		try {
			expect(await hooks.checkExists()).toBe(false);
			expect(await hooks.create()).toBe(true);
			expect(await hooks.checkExists()).toBe(true);
			const [connection] = connections();
			expect(connections()).toHaveLength(1);
			expect(connection).toMatchObject({
				ipn_url: `${server.instanceUrl}/webhook/5f7d1c3e-0000-4000-8000-000000000024/ipn`,
				categories: 'orders,affiliations,e-tickets,custom forms',
				transactions: 'all',
				product_ids: 'all',
				timing: 'before_thankyou',
			});
			expect(emulator.state.snapshot().ipn).toMatchObject([{ type: 'probe', status: 200, ok: true }]);

			for (const event of ALL_EVENTS) {
				const answer = await deliver(connection.domain_id, event);
				expect([event, answer.status, answer.body]).toEqual([event, 200, 'OK']);
			}
			expect(server.runs).toHaveLength(ALL_EVENTS.length);
			server.runs.forEach((run, index) => {
				const event = findEvent(ALL_EVENTS[index])!;
				expect(run.items).toHaveLength(1);
				const item = run.items[0].json;
				expect(outputSchemaFor(event).safeParse(item).success).toBe(true);
				expect(item.event).toBe(event.value);
				expect(JSON.stringify(item)).not.toMatch(/sha_sign/);
			});
			const payment = server.runs[0].items[0].json as Record<string, Record<string, unknown>>;
			expect(typeof payment.amounts.gross).toBe('number');
			expect(typeof payment.order.isGdprCountry).toBe('boolean');
			expect(payment.order.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
		} finally {
			await server.stop();
		}
	});

	it('registers only the tokens of the chosen events and products, and updates in place when they change', async () => {
		const { server, hooks, setup } = await trigger({ events: ['on_payment', 'eticket'], options: { productIds: '111, 222', timing: 'delayed' } });
		try {
			await hooks.create();
			expect(connections()).toMatchObject([{ categories: 'orders,e-tickets', transactions: 'payment', product_ids: '111,222', timing: 'delayed' }]);
			const changed = hookContext({ ...setup, parameters: { events: ['on_refund'], options: {} } });
			expect(await changed.checkExists()).toBe(false);
			await changed.create();
			expect(connections()).toMatchObject([{ categories: 'orders', transactions: 'refund', product_ids: 'all' }]);
		} finally {
			await server.stop();
		}
	});

	it('leaves exactly 0 connections after 20 activate/deactivate cycles, never 2, always with the first domain_id and passphrase', async () => {
		const { server, hooks } = await trigger({ events: ['on_payment'] });
		try {
			const seen = new Set<string>();
			for (let cycle = 0; cycle < 20; cycle++) {
				if (!(await hooks.checkExists())) await hooks.create();
				expect(connections()).toHaveLength(1);
				seen.add(`${connections()[0].domain_id} ${connections()[0].sha_passphrase}`);
				expect(await hooks.delete()).toBe(true);
				expect(connections()).toHaveLength(0);
			}
			expect(seen.size).toBe(1);
		} finally {
			await server.stop();
		}
	});

	it('a publish (delete, then checkExists and create) keeps the connection identity and asks Digistore24 nothing in between', async () => {
		const { server, hooks } = await trigger({ events: ['on_payment'] });
		try {
			await hooks.create();
			const before = connections()[0];
			await hooks.delete();
			const callsAfterDelete = emulator.state.calls.length;
			expect(await hooks.checkExists()).toBe(false);
			expect(emulator.state.calls.length).toBe(callsAfterDelete);
			await hooks.create();
			expect(connections()).toMatchObject([{ domain_id: before.domain_id, sha_passphrase: before.sha_passphrase }]);
			expect(emulator.state.calls.slice(callsAfterDelete).map((c) => c.function)).toEqual(['ipnSetup', 'ipnInfo']);
		} finally {
			await server.stop();
		}
	});

	it('removes the connection once when n8n calls delete() for both webhooks at the same time', async () => {
		const { server, hooks } = await trigger({ events: ['on_payment'] });
		try {
			await hooks.create();
			const callsBefore = emulator.state.calls.length;
			expect(await Promise.all([hooks.delete(), hooks.delete()])).toEqual([true, true]);
			expect(connections()).toHaveLength(0);
			expect(emulator.state.calls.slice(callsBefore).map((c) => c.function)).toEqual(['ipnDelete']);
		} finally {
			await server.stop();
		}
	});

	it('names a changed API key at activation; once reported, activating again registers with the new key', async () => {
		const { server, hooks, setup } = await trigger({ events: ['on_payment'] });
		try {
			await hooks.create();
			const [old] = connections();
			const rotated = hookContext({ ...setup, credentials: { ...setup.credentials, apiKey: SECOND_FULL_ACCESS_KEY } });
			await expect(rotated.checkExists()).rejects.toMatchObject({ message: expect.stringMatching(/API key changed: connection .* registered with key 1234, the credential now holds key 4321/) });
			await expect(rotated.create()).rejects.toThrow(/API key changed/);
			// n8n removes a failed activation's webhooks: the new key cannot remove the old connection.
			expect(await rotated.delete()).toBe(true);
			expect(connections()).toEqual([old]);
			expect(await rotated.checkExists()).toBe(false);
			await rotated.create();
			expect(connections().map((c) => [c.key_id, c.domain_id])).toEqual([
				['1234', old.domain_id],
				['4321', old.domain_id],
			]);
			expect(JSON.stringify(setup.staticData)).not.toContain(SECOND_FULL_ACCESS_KEY);
		} finally {
			await server.stop();
		}
	});

	it('keeps test listening and production apart', async () => {
		const { server, hooks, testHooks } = await trigger({ events: ['on_payment'] });
		try {
			await hooks.create();
			await testHooks.create();
			const [prod, test] = connections();
			expect(connections()).toHaveLength(2);
			expect(test.domain_id).toMatch(/-test-/);
			expect(test.ipn_url).toContain('/webhook-test/');
			expect(prod.ipn_url).toContain('/webhook/');
			await testHooks.delete();
			expect(connections().map((c) => c.domain_id)).toEqual([prod.domain_id]);
		} finally {
			await server.stop();
		}
	});

	it('says a read-only key needs full access', async () => {
		const { server, hooks } = await trigger({ events: ['on_payment'] }, { apiKey: READ_ONLY_KEY });
		try {
			await expect(hooks.create()).rejects.toMatchObject({ description: expect.stringMatching(/full access/) });
			expect(connections()).toHaveLength(0);
		} finally {
			await server.stop();
		}
	});

	it('explains that Digistore24 cannot call an http or local URL before asking it', async () => {
		const { server, setup } = await trigger({ events: ['on_payment'] }, { baseUrl: 'https://www.digistore24.com' });
		try {
			const hooks = hookContext(setup);
			await expect(hooks.create()).rejects.toMatchObject({
				message: expect.stringMatching(/^Digistore24 cannot call http:\/\/127\.0\.0\.1/),
				description: expect.stringMatching(/public https.*WEBHOOK_URL.*Manual/),
			});
		} finally {
			await server.stop();
		}
	});

	it('keeps no passphrase in static data', async () => {
		const { server, hooks, staticData } = await trigger({ events: ['on_payment'] });
		try {
			await hooks.create();
			const passphrase = emulator.state.connections.list()[0].sha_passphrase;
			expect(JSON.stringify(staticData)).not.toContain(passphrase);
		} finally {
			await server.stop();
		}
	});
});

describe('webhook answers', () => {
	const PASS = 'manual-passphrase-ÄÖÜ';
	let server: Awaited<ReturnType<typeof startWebhookServer>>;
	let url: string;
	beforeEach(async () => {
		server = (await trigger({ events: ['on_payment', 'on_refund'], setup: 'manual', options: { productIds: '512345' } }, { ipnPassphrase: PASS })).server;
		url = `${server.instanceUrl}/webhook/x/ipn`;
	});
	afterEach(() => server.stop());
	const tamper = (body: string, pattern: RegExp, replacement: string) => {
		const changed = body.replace(pattern, replacement);
		expect(changed).not.toBe(body);
		return changed;
	};
	const payment = (overrides: Record<string, string> = {}) => buildSampleIpn('on_payment', { productId: '512345', overrides });

	it('GET answers 200 OK without a run (Digistore24 URL check)', async () => {
		const res = await fetch(url);
		expect([res.status, await res.text(), res.headers.get('content-type')]).toEqual([200, 'OK', 'text/plain; charset=utf-8']);
		expect(server.runs).toHaveLength(0);
	});

	it('a valid notification runs once and answers OK as text/plain', async () => {
		const answer = await sendIpn({ url, event: 'on_payment', passphrase: PASS, productId: '512345' });
		expect([answer.status, answer.body]).toEqual([200, 'OK']);
		expect(server.runs).toHaveLength(1);
		expect(server.runs[0].items[0].json).toMatchObject({ event: 'on_payment', eventName: 'New Payment', product: { id: '512345' } });
	});

	it.each([
		['forged (wrong passphrase)', () => signedBody(payment(), 'guess')],
		['tampered amount', () => tamper(signedBody(payment(), PASS), /(^|&)amount=[^&]*/, '$1amount=0.01')],
		['unsigned connection', () => signedBody(payment(), '')],
		['no sha_sign', () => signedBody(payment(), PASS).replace(/&sha_sign=[^&]*/, '')],
	])('%s → 403, no run', async (_name, body) => {
		const answer = await postForm(url, body());
		expect([answer.status, answer.body]).toEqual([403, 'Forbidden']);
		expect(server.runs).toHaveLength(0);
	});

	it('answers OK without a run for a connection test, an unselected event and an unselected product', async () => {
		for (const params of [buildSampleIpn('connection_test'), buildSampleIpn('on_chargeback', { productId: '512345' }), payment({ product_id: '999' })]) {
			const answer = await postForm(url, signedBody(params, PASS));
			expect([params.event, answer.status, answer.body]).toEqual([params.event, 200, 'OK']);
		}
		expect(server.runs).toHaveLength(0);
	});

	it('runs an exact repeat and marks it; a resend that differs in anything is a new delivery', async () => {
		const body = signedBody(payment(), PASS);
		expect((await postForm(url, body)).body).toBe('OK');
		expect((await postForm(url, body)).body).toBe('OK');
		const resent = signedBody(payment({ billing_status: 'aborted' }), PASS);
		expect((await postForm(url, resent)).body).toBe('OK');
		expect(server.runs.map((run) => run.items[0].json.repeat)).toEqual([
			{ isRepeat: false, firstSeenAt: expect.any(String), count: 1 },
			{ isRepeat: true, firstSeenAt: (server.runs[0].items[0].json.repeat as IDataObject).firstSeenAt, count: 2 },
			{ isRepeat: false, firstSeenAt: expect.any(String), count: 1 },
		]);
		// Stored on the next answer without a run (n8n keeps no static data written when a run starts).
		expect(server.staticData).not.toHaveProperty(['node:Digistore24', 'repeats']);
		expect((await postForm(url, signedBody(buildSampleIpn('on_chargeback', { productId: '512345' }), PASS))).body).toBe('OK');
		expect(server.staticData).toMatchObject({ 'node:Digistore24': { repeats: { entries: [[expect.any(String), expect.any(Number), 2], [expect.any(String), expect.any(Number), 1]] } } });
	});

	it('refuses a notification on the path of the answer mode not chosen', async () => {
		const answer = await postForm(`${server.instanceUrl}/webhook/x/ipn-after-success`, signedBody(payment(), PASS));
		expect([answer.status, answer.body]).toEqual([404, 'Not Found']);
		expect(server.runs).toHaveLength(0);
	});
});

describe('exact repeats set to drop', () => {
	it('drops a byte-identical repeat (answered OK) and counts it; anything else runs', async () => {
		const PASS = 'drop-passphrase';
		const { server } = await trigger({ events: ['on_payment'], setup: 'manual', options: { repeats: 'drop' } }, { ipnPassphrase: PASS });
		try {
			const url = `${server.instanceUrl}/webhook/x/ipn`;
			const body = signedBody(buildSampleIpn('on_payment', { seq: 1 }), PASS);
			for (let i = 0; i < 3; i++) expect((await postForm(url, body)).body).toBe('OK');
			expect((await postForm(url, signedBody(buildSampleIpn('on_payment', { seq: 2 }), PASS))).body).toBe('OK');
			expect(server.runs).toHaveLength(2);
			expect(server.runs[0].items[0].json.repeat).toMatchObject({ isRepeat: false, count: 1 });
		} finally {
			await server.stop();
		}
	});
});

describe('answer OK after success', () => {
	it('registers the after-success URL, leaves the answer to the workflow and runs a retried notification again, even with drop chosen', async () => {
		const { server, hooks } = await trigger({ events: ['on_payment'], options: { answer: 'afterSuccess', repeats: 'drop' } });
		try {
			await hooks.create();
			const [connection] = connections();
			expect(connection.ipn_url).toMatch(/\/ipn-after-success$/);
			expect(emulator.state.snapshot().ipn).toMatchObject([{ type: 'probe', status: 200 }]);
			const first = await deliver(connection.domain_id, 'on_payment', { overrides: { transaction_id: '77' } });
			const again = await deliver(connection.domain_id, 'on_payment', { overrides: { transaction_id: '77' } });
			expect([first.body, again.body]).toEqual(['responded by workflow', 'responded by workflow']);
			expect(server.runs).toHaveLength(2);
			const retry = await postForm(connection.ipn_url, signedBody(first.params, connection_passphrase()));
			expect(retry.body).toBe('responded by workflow');
			expect(server.runs.map((run) => (run.items[0].json.repeat as IDataObject).isRepeat)).toEqual([false, false, true]);
			const onReceiptPath = await postForm(connection.ipn_url.replace(/-after-success$/, ''), signedBody(first.params, connection_passphrase()));
			expect([onReceiptPath.status, server.runs.length]).toEqual([404, 3]);
			const forged = await postForm(connection.ipn_url, signedBody(buildSampleIpn('on_payment'), 'guess'));
			expect([forged.status, forged.body]).toEqual([403, 'Forbidden']);
			expect(server.runs).toHaveLength(3);
		} finally {
			await server.stop();
		}
	});
});

describe('manual setup', () => {
	it('makes no API calls and fails closed without a passphrase', async () => {
		const { server, hooks } = await trigger({ events: ['on_payment'], setup: 'manual' });
		try {
			expect(await hooks.checkExists()).toBe(true);
			expect(await hooks.create()).toBe(true);
			expect(await hooks.delete()).toBe(true);
			expect(emulator.state.snapshot().calls).toHaveLength(0);
			const answer = await sendIpn({ url: `${server.instanceUrl}/webhook/x/ipn`, event: 'on_payment', passphrase: 'anything' });
			expect(answer.status).toBe(403);
			expect(server.runs).toHaveLength(0);
		} finally {
			await server.stop();
		}
	});
});

describe('ipnSetup values', () => {
	it('sends the tokens Digistore24 documents; rejected payments ride on "all"', () => {
		expect(setupParameters(['on_payment', 'eticket', 'custom_form'])).toEqual({ categories: 'orders,e-tickets,custom forms', transactions: 'payment' });
		expect(setupParameters(['on_payment', 'payment_denial'])).toEqual({ categories: 'orders', transactions: 'all' });
		expect(setupParameters(['on_affiliation'])).toEqual({ categories: 'affiliations', transactions: undefined });
	});

	it('finds what Digistore24 stored differently, and judges only what ipnInfo reports', () => {
		const asked = { ipn_url: 'https://x/ipn', categories: 'orders,e-tickets', transactions: 'payment,refund' };
		expect(settingsMismatch(asked, { have_settings: 'Y', ipn_url: 'https://x/ipn', categories: 'orders,etickets', transactions: 'payment,refund' })).toBeUndefined();
		expect(settingsMismatch(asked, { have_settings: 'Y', transactions: 'all' })).toBeUndefined();
		expect(settingsMismatch(asked, { have_settings: 'Y', categories: 'orders', transactions: 'payment' })).toBe(
			'categories "orders" lack etickets (asked "orders,e-tickets"); transactions "payment" lack refund (asked "payment,refund")',
		);
		expect(settingsMismatch(asked, { have_settings: 'Y', ipn_url: 'https://y/ipn' })).toMatch(/URL https:\/\/y\/ipn instead of https:\/\/x\/ipn/);
		expect(settingsMismatch(asked, { have_settings: 'N' })).toMatch(/no connection/);
	});
});
