import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { placesShown, readIpnReply } from './ipn-reply';
import { RETRY_DELAYS_MINUTES } from './ipn-delivery';
import { control, FIXED_NOW } from './helpers';
import { startEmulator, type Emulator } from './server';

describe('reading the answer to an IPN like Digistore24', () => {
	test('OK with access data: accounts by suffix, places, free lines', () => {
		const read = readIpnReply(200, 'OK\nthankyou_url: https://x.example/t\nusername: max\npassword: a:b c\nloginurl: https://x.example/l\nusername_2: eva\npassword_2: pw2\nheadline: Hi\nshow_on: all\nhide_on: invoice\nYour license key: K-1');
		expect(read).toEqual({
			ok: true,
			warnings: [],
			access: {
				thankyou_url: 'https://x.example/t',
				headline: 'Hi',
				show_on: ['all'],
				hide_on: ['invoice'],
				accounts: [
					{ username: 'max', password: 'a:b c', loginurl: 'https://x.example/l' },
					{ username: 'eva', password: 'pw2' },
				],
				extra: [{ key: 'Your license key', value: 'K-1' }],
			},
		});
		expect(placesShown(read.access!, 'before_thankyou')).toEqual(['receipt_page', 'order_confirmation_email']);
		expect(placesShown(read.access!, 'delayed')).toEqual(['receipt_page']);
	});

	test('not OK: a status other than 200, a body not starting with OK, no answer', () => {
		expect(readIpnReply(500, '{"message":"Error in workflow"}')).toMatchObject({ ok: false, problem: expect.stringContaining('HTTP status 500') });
		expect(readIpnReply(200, 'ERROR: invalid')).toMatchObject({ ok: false, problem: expect.stringContaining('does not start with "OK"') });
		expect(readIpnReply(null, undefined)).toMatchObject({ ok: false, problem: expect.stringContaining('No answer') });
	});

	test('malformed lines are reported and the delivery still counts', () => {
		const read = readIpnReply(200, 'OK\nusername: max\njust text\nusername_3: late\nnote: <b>bold</b>');
		expect(read.ok).toBe(true);
		expect(read.warnings).toEqual([
			'Line 3 is not "key: value" and was ignored: "just text"',
			'Line 5 contains HTML, which is shown as plain text',
			'Account 2 is missing (later accounts are numbered past it)',
		]);
	});

	test('the schedule: 20 retries, first after 3 minutes, daily at the end, over 10 days', () => {
		expect(RETRY_DELAYS_MINUTES).toHaveLength(20);
		expect(RETRY_DELAYS_MINUTES[0]).toBe(3);
		expect(RETRY_DELAYS_MINUTES.at(-1)).toBe(1440);
		expect(RETRY_DELAYS_MINUTES.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(10 * 1440);
	});
});

describe('the emulator keeps access data with the order and retries what was not OK', () => {
	let emulator: Emulator;
	let server: http.Server;
	let url: string;
	const replies: string[] = [];
	beforeAll(async () => {
		emulator = await startEmulator({ now: FIXED_NOW, purchases: 20 });
		server = http.createServer((req, res) => {
			req.resume();
			req.on('end', () => {
				const reply = replies.shift() ?? 'OK';
				res.writeHead(reply.startsWith('500') ? 500 : 200, { 'Content-Type': 'text/plain' });
				res.end(reply);
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ipn`;
	});
	afterAll(async () => {
		await emulator.stop();
		server.closeAllConnections();
		server.close();
	});

	test('an OK with a login block is shown per place; a failed answer is retried until OK', async () => {
		replies.push('OK\nusername: max\npassword: s3cret\nloginurl: https://m.example/login\nhide_on: invoice');
		const sent = await control(emulator, 'send', { url, event: 'on_payment', passphrase: 'p', overrides: { order_id: 'ORDACCESS1' } });
		expect(sent.body.status).toBe(200);
		const order = await control(emulator, 'orders/ORDACCESS1', undefined, 'GET');
		expect(order.body).toMatchObject({
			order_id: 'ORDACCESS1',
			access: { accounts: [{ username: 'max', password: 's3cret', loginurl: 'https://m.example/login' }], hide_on: ['invoice'], extra: [] },
			buyer_sees: {
				receipt_page: 'Your access data\nUsername: max\nPassword: s3cret\nLogin: https://m.example/login',
				order_confirmation_email: expect.any(String),
			},
		});
		expect(order.body.buyer_sees.invoice).toBeUndefined();

		replies.push('500 failed', 'not ok');
		await control(emulator, 'send', { url, event: 'on_payment', passphrase: 'p', overrides: { order_id: 'ORDRETRY1' } });
		let state = (await control(emulator, 'state', undefined, 'GET')).body;
		expect(state.retries).toEqual([expect.objectContaining({ order_id: 'ORDRETRY1', attempts: 1, next_at: new Date(FIXED_NOW.getTime() + 3 * 60_000).toISOString() })]);
		expect(await control(emulator, 'retries')).toMatchObject({ body: { attempted: 1, ok: 0, pending: 1 } });
		expect(await control(emulator, 'retries')).toMatchObject({ body: { attempted: 1, ok: 1, pending: 0 } });
		state = (await control(emulator, 'state', undefined, 'GET')).body;
		const log = state.ipn.filter((e: { order_id?: string }) => e.order_id === 'ORDRETRY1');
		expect(log.map((e: { attempt: number; ok: boolean; problem?: string }) => [e.attempt, e.ok, e.problem?.slice(0, 15)])).toEqual([
			[1, false, 'HTTP status 500'],
			[2, false, 'The answer does'],
			[3, true, undefined],
		]);
		expect((await control(emulator, 'orders/ORDRETRY1', undefined, 'GET')).status).toBe(404);
	});
});
