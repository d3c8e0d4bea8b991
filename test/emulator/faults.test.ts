import { call, control, FIXED_NOW } from './helpers';
import { startEmulator, type Emulator } from './server';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator({ now: FIXED_NOW, purchases: 10 });
});
afterAll(() => emulator.stop());
beforeEach(() => control(emulator, 'reset'));

const raw = (fn = 'ping') =>
	fetch(`${emulator.url}/api/call/${fn}`, { method: 'POST', headers: { 'X-DS-API-KEY': '1234-lSh9pg14E9ML9DXBEp5ytDmeM3ExJBst1yzuCVJo' } });

describe('faults', () => {
	test('429 with Retry-After for the next n calls, then normal answers', async () => {
		expect(await control(emulator, 'faults', { type: '429', times: 2, retryAfter: 3 })).toMatchObject({ status: 200 });
		for (let i = 0; i < 2; i++) {
			const response = await raw();
			expect(response.status).toBe(429);
			expect(response.headers.get('retry-after')).toBe('3');
		}
		expect((await raw()).status).toBe(200);
	});

	test.each(['500', '502', '503'])('%s answers that status without an envelope', async (type) => {
		await control(emulator, 'faults', { type, times: 1 });
		const response = await raw();
		expect(response.status).toBe(Number(type));
		expect(await response.text()).toMatch(new RegExp(`^${type} `));
	});

	test('a fault for one function leaves the others alone', async () => {
		await control(emulator, 'faults', { function: 'getUserInfo', type: '503', times: 1 });
		expect((await raw('ping')).status).toBe(200);
		expect((await raw('getUserInfo')).status).toBe(503);
		expect((await raw('getUserInfo')).status).toBe(200);
	});

	test('drop closes the connection without an answer', async () => {
		await control(emulator, 'faults', { type: 'drop' });
		await expect(raw()).rejects.toThrow();
		expect((await raw()).status).toBe(200);
	});

	test('slow answers after delayMs', async () => {
		await control(emulator, 'faults', { type: 'slow', delayMs: 300 });
		const started = Date.now();
		const { body } = await call(emulator, 'ping');
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
		expect(body.result).toBe('success');
	});

	test('malformed sends invalid JSON with HTTP 200', async () => {
		await control(emulator, 'faults', { type: 'malformed' });
		const response = await raw();
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('application/json');
		const text = await response.text();
		expect(() => JSON.parse(text)).toThrow();
	});

	test('error-envelope answers a Digistore24 error with HTTP 200', async () => {
		await control(emulator, 'faults', { type: 'error-envelope' });
		const { status, body } = await call(emulator, 'ping');
		expect(status).toBe(200);
		expect(body).toMatchObject({ result: 'error', code: 12 });
	});

	test('faulted calls are logged; bad fault requests are refused; reset clears pending faults', async () => {
		await control(emulator, 'faults', { type: '502', times: 5 });
		await raw();
		const state = (await control(emulator, 'state', undefined, 'GET')).body;
		expect(state.calls).toEqual([expect.objectContaining({ function: 'ping', result: 'fault', fault: '502' })]);
		expect(state.faults).toEqual([expect.objectContaining({ type: '502', times: 4 })]);
		expect(await control(emulator, 'faults', { type: '418' })).toMatchObject({ status: 400, body: { error: expect.stringContaining('type must be') } });
		expect(await control(emulator, 'faults', { type: '500', times: 0 })).toMatchObject({ status: 400 });
		await control(emulator, 'reset');
		expect((await raw()).status).toBe(200);
	});
});
