import { verifyIpn } from '../../nodes/Digistore24/ipn/signature';
import { parseIpnBody } from '../../nodes/Digistore24/ipn/parse';
import { FULL_ACCESS_KEY, READ_ONLY_KEY } from './keys';
import { call, control, data, FIXED_NOW, startReceiver, type Receiver } from './helpers';
import { startEmulator, type Emulator } from './server';

let emulator: Emulator;
let receiver: Receiver;
beforeAll(async () => {
	emulator = await startEmulator({ now: FIXED_NOW, purchases: 20, probeTimeoutMs: 2000 });
	receiver = await startReceiver();
});
afterAll(async () => {
	await emulator.stop();
	await receiver.stop();
});
beforeEach(async () => {
	await control(emulator, 'reset');
	receiver.requests.length = 0;
	receiver.getStatus = 200;
	receiver.postStatus = 200;
});

const setup = (params: Record<string, string> = {}, key = FULL_ACCESS_KEY) =>
	call(emulator, 'ipnSetup', { ipn_url: receiver.url, name: 'n8n test', domain_id: 'n8n-wf1-abc', ...params }, { key });

describe('ipnSetup / ipnInfo / ipnDelete', () => {
	test('creates after a GET probe, then updates the same domain_id', async () => {
		const created = await setup({ sha_passphrase: 'my-secret', product_ids: '512345,512346', categories: 'orders', transactions: 'payment,refund' });
		expect(created.body).toMatchObject({ result: 'success', data: { created: 'Y', updated: 'N', deleted: 'N', sha_passphrase: 'my-secret' } });
		expect(receiver.requests).toEqual([expect.objectContaining({ method: 'GET' })]);
		const ipnId = (created.body.data as Record<string, string>).ipn_id;

		const updated = await setup({ name: 'renamed', timing: 'delayed' });
		expect(updated.body.data).toEqual({ created: 'N', updated: 'Y', deleted: 'N', sha_passphrase: 'my-secret', ipn_id: ipnId });

		const info = await data(emulator, 'ipnInfo', { domain_id: 'n8n-wf1-abc' });
		expect(info).toMatchObject({
			have_settings: 'Y',
			ipn_id: ipnId,
			domain_id: 'n8n-wf1-abc',
			ipn_url: receiver.url,
			name: 'renamed',
			timing: 'delayed',
			product_ids: '512345,512346',
			transactions: 'payment,refund',
		});
		expect(JSON.stringify(info)).not.toContain('my-secret');
		expect(emulator.state.connections.list()).toHaveLength(1);
	});

	test('another domain_id is another connection; sha_passphrase=random is generated and returned', async () => {
		await setup({ sha_passphrase: 'a' });
		const second = await setup({ domain_id: 'other', sha_passphrase: 'random' });
		expect(second.body.data).toMatchObject({ created: 'Y', sha_passphrase: expect.stringMatching(/^[A-Za-z0-9]{32}$/) });
		expect(emulator.state.connections.list().map((c) => c.domain_id)).toEqual(['n8n-wf1-abc', 'other']);
	});

	test('connections belong to the key: another key does not see them', async () => {
		await setup();
		expect(await data(emulator, 'ipnInfo', { domain_id: 'n8n-wf1-abc' }, { key: READ_ONLY_KEY })).toEqual({ have_settings: 'N' });
	});

	test('ipnDelete removes the connection and is harmless when there is none', async () => {
		await setup();
		expect(await data(emulator, 'ipnDelete', { domain_id: 'n8n-wf1-abc' })).toEqual({ modified: 'Y' });
		expect(await data(emulator, 'ipnDelete', { domain_id: 'n8n-wf1-abc' })).toEqual({ modified: 'N' });
		expect(await data(emulator, 'ipnInfo', { domain_id: 'n8n-wf1-abc' })).toEqual({ have_settings: 'N' });
	});

	test.each([
		[302, /did not answer HTTP 200.*HTTP 302.*Redirects are not followed/],
		[404, /HTTP 404/],
		[500, /HTTP 500/],
	])('a probe answered %i is refused and nothing is saved', async (status, message) => {
		receiver.getStatus = status;
		const { body } = await setup();
		expect(body).toMatchObject({ result: 'error', code: 10 });
		expect(body.message).toMatch(message);
		expect(emulator.state.connections.list()).toHaveLength(0);
	});

	test('an unreachable URL is refused', async () => {
		const { body } = await setup({ ipn_url: 'http://127.0.0.1:1/ipn' });
		expect(body).toMatchObject({ result: 'error', code: 10, message: expect.stringContaining('ECONNREFUSED') });
	});

	test('bad settings are refused before the probe', async () => {
		expect((await setup({ timing: 'later' })).body).toMatchObject({ code: 5, message: expect.stringContaining('before_thankyou, delayed') });
		expect((await setup({ categories: 'orders,tickets' })).body).toMatchObject({ code: 5 });
		expect((await setup({ transactions: 'payment,refunds' })).body).toMatchObject({ code: 5 });
		expect((await setup({ ipn_url: 'ftp://example.com' })).body).toMatchObject({ code: 5 });
		expect((await setup({ sha_passphrase: 'x'.repeat(64) })).body).toMatchObject({ code: 5 });
		expect(receiver.requests).toHaveLength(0);
	});

	test('the probe and the setup calls are logged', async () => {
		await setup();
		const { body } = await control(emulator, 'state', undefined, 'GET');
		expect(body.ipn).toEqual([expect.objectContaining({ type: 'probe', url: receiver.url, status: 200, ok: true })]);
		expect(body.calls).toEqual([expect.objectContaining({ function: 'ipnSetup', permission: 'writable', result: 'success' })]);
		expect(body.connections).toEqual([expect.objectContaining({ domain_id: 'n8n-wf1-abc', key_id: '1234' })]);
	});
});

describe('strict IPN URLs', () => {
	test('refuses http and local addresses like Digistore24', async () => {
		const strict = await startEmulator({ now: FIXED_NOW, purchases: 5, strictIpnUrls: true });
		try {
			const attempt = (ipn_url: string) => call(strict, 'ipnSetup', { ipn_url, name: 'x', domain_id: 'd' });
			expect((await attempt(receiver.url)).body).toMatchObject({ code: 11, message: expect.stringContaining('https') });
			expect((await attempt('https://localhost/ipn')).body).toMatchObject({ code: 11, message: expect.stringContaining('local address') });
			expect((await attempt('https://127.0.0.2/ipn')).body).toMatchObject({ code: 11 });
			expect(receiver.requests).toHaveLength(0);
		} finally {
			await strict.stop();
		}
	});
});

describe('POST /__emulator/deliver', () => {
	test('sends a signed IPN that the signature module verifies', async () => {
		await setup({ sha_passphrase: 'deliver-secret', product_ids: '512346', transactions: 'payment' });
		const { status, body } = await control(emulator, 'deliver', { domain_id: 'n8n-wf1-abc', event: 'on_payment', overrides: { custom: 'abc' } });
		expect(status).toBe(200);
		expect(body).toMatchObject({ status: 200, body: 'OK' });
		const post = receiver.requests.find((r) => r.method === 'POST')!;
		expect(post.headers['content-type']).toBe('application/x-www-form-urlencoded; charset=UTF-8');
		const { params } = parseIpnBody(post.body);
		expect(verifyIpn(params, 'deliver-secret')).toBe('valid');
		expect(params).toMatchObject({
			event: 'on_payment',
			product_id: '512346',
			billing_type: 'subscription',
			ipn_config_domain_id: 'n8n-wf1-abc',
			ipn_config_api_key_id: '1234',
			ipn_config_product_ids: '512346',
			custom: 'abc',
		});
		const state = (await control(emulator, 'state', undefined, 'GET')).body;
		expect(state.ipn.at(-1)).toMatchObject({ type: 'delivery', event: 'on_payment', status: 200, ok: true, body: 'OK' });
	});

	test('refuses events and products the connection did not register, unless forced', async () => {
		await setup({ sha_passphrase: 'p', product_ids: '512345', transactions: 'payment' });
		const refund = await control(emulator, 'deliver', { domain_id: 'n8n-wf1-abc', event: 'on_refund' });
		expect(refund).toMatchObject({ status: 409, body: { error: expect.stringContaining('did not register on_refund') } });
		const eticket = await control(emulator, 'deliver', { domain_id: 'n8n-wf1-abc', event: 'eticket' });
		expect(eticket.status).toBe(409);
		const product = await control(emulator, 'deliver', { domain_id: 'n8n-wf1-abc', event: 'on_payment', overrides: { product_id: '512349' } });
		expect(product).toMatchObject({ status: 409, body: { error: expect.stringContaining('512349') } });
		const forced = await control(emulator, 'deliver', { domain_id: 'n8n-wf1-abc', event: 'on_refund', force: true });
		expect(forced).toMatchObject({ status: 200, body: { status: 200 } });
	});

	test('a connection test carries the product ids and no ipn_config_*', async () => {
		await setup({ sha_passphrase: 'p', product_ids: '512345,512347' });
		const { body } = await control(emulator, 'deliver', { domain_id: 'n8n-wf1-abc', event: 'connection_test' });
		expect(body.params).toMatchObject({ event: 'connection_test', product_ids: '512345,512347', merchant_id: '39499382' });
		expect(Object.keys(body.params).filter((k) => k.startsWith('ipn_config_'))).toEqual([]);
	});

	test('without a passphrase the IPN is unsigned, as Digistore24 does', async () => {
		await setup();
		await control(emulator, 'deliver', { domain_id: 'n8n-wf1-abc', event: 'on_payment' });
		const { params } = parseIpnBody(receiver.requests.find((r) => r.method === 'POST')!.body);
		expect(params.sha_sign).toBe('no_signature_passphrase_provided');
	});

	test('unknown connections and events', async () => {
		expect(await control(emulator, 'deliver', { domain_id: 'none', event: 'on_payment' })).toMatchObject({ status: 404 });
		await setup();
		expect(await control(emulator, 'deliver', { domain_id: 'n8n-wf1-abc', event: 'on_nothing' })).toMatchObject({ status: 400 });
	});

	test('resends a delivery byte for byte over its connection; none once the connection is gone', async () => {
		await setup({ sha_passphrase: 'p' });
		await control(emulator, 'deliver', { domain_id: 'n8n-wf1-abc', event: 'on_payment' });
		const seq = (await control(emulator, 'state', undefined, 'GET')).body.ipn.at(-1).seq;
		expect(await control(emulator, 'resend', { seq })).toMatchObject({ status: 200, body: { status: 200 } });
		const posts = receiver.requests.filter((r) => r.method === 'POST').map((r) => r.body);
		expect(posts).toHaveLength(2);
		expect(posts[1]).toBe(posts[0]);
		await call(emulator, 'ipnDelete', { domain_id: 'n8n-wf1-abc' });
		expect(await control(emulator, 'resend', { seq })).toMatchObject({ status: 404, body: { error: expect.stringContaining('no longer exists') } });
		expect(await control(emulator, 'resend', { seq: 999 })).toMatchObject({ status: 404 });
	});

	test('stories: one e-ticket created, used, updated; one order cancelled, resumed, cancelled: each a new body', async () => {
		await setup({ sha_passphrase: 'p', categories: 'orders,etickets', transactions: 'all' });
		expect(await control(emulator, 'story', { domain_id: 'n8n-wf1-abc', story: 'eticket' })).toMatchObject({ status: 200 });
		expect(await control(emulator, 'story', { domain_id: 'n8n-wf1-abc', story: 'rebilling' })).toMatchObject({ status: 200 });
		const posts = receiver.requests.filter((r) => r.method === 'POST').map((r) => parseIpnBody(r.body).params);
		expect(posts.map((p) => [p.event, p.action ?? ''])).toEqual([
			['eticket', 'create'],
			['eticket', 'use'],
			['eticket', 'update'],
			['on_rebill_cancelled', ''],
			['on_rebill_resumed', ''],
			['on_rebill_cancelled', ''],
		]);
		expect(new Set(posts.slice(0, 3).map((p) => p.eticket_id)).size).toBe(1);
		expect(new Set(posts.slice(3).map((p) => p.order_id)).size).toBe(1);
		expect(new Set(receiver.requests.filter((r) => r.method === 'POST').map((r) => r.body)).size).toBe(6);
		expect(await control(emulator, 'story', { domain_id: 'n8n-wf1-abc', story: 'nothing' })).toMatchObject({ status: 400 });
	});

	test('sales: delivered to the connection that exists at the time, counted undeliverable without one, retried until OK', async () => {
		const report_ = async () => (await control(emulator, 'sales', undefined, 'GET')).body;
		const until = async (check: (r: any) => boolean) => {
			for (let i = 0; i < 200 && !check(await report_()); i++) await new Promise((r) => setTimeout(r, 50));
		};
		await control(emulator, 'sales', { every_ms: 20, retry_ms: 20 });
		await until((r) => r.undeliverable.length > 0);
		receiver.postStatus = 500;
		await setup({ sha_passphrase: 'p' });
		await until((r) => r.failedAttempts > 0);
		receiver.postStatus = 200;
		await until((r) => r.delivered > 0);
		await control(emulator, 'sales', undefined, 'DELETE');
		await until((r) => r.pending === 0);
		const report = await report_();
		expect(report.undeliverable.length).toBeGreaterThan(0);
		expect(report.failedAttempts).toBeGreaterThan(0);
		expect([report.pending, report.gaveUp]).toEqual([0, []]);
		expect(report.created).toBe(report.undeliverable.length + report.delivered);
		const okOrders = new Set(receiver.requests.filter((r) => r.method === 'POST' && r.status === 200).map((r) => parseIpnBody(r.body).params.order_id));
		expect([...okOrders].sort()).toEqual([...report.deliveredOrders].sort());
	});
});
