import { CredentialTestContext } from 'n8n-core';
import { NodeApiError, NodeOperationError, type IDataObject } from 'n8n-workflow';
import { Digistore24 } from '../../nodes/Digistore24/Digistore24.node';
import { testDigistore24Credential } from '../../nodes/Digistore24/transport/credentialTest';
import { FULL_ACCESS_KEY, READ_ONLY_KEY } from '../emulator/keys';
import { startEmulator, type Emulator } from '../emulator/server';
import { findEvent } from '../../nodes/Digistore24/ipn/events';
import { outputSchemaFor } from '../../nodes/Digistore24/ipn/schema';
import { buildSampleIpn, signedBody } from '../emulator/ipn-sender';
import { runAction, runActionOutputs, type Credentials } from './n8n';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator({ purchases: 2345 });
});
afterAll(() => emulator.stop());
beforeEach(() => emulator.state.reset());

const nodeType = new Digistore24();
const credentials = (apiKey = FULL_ACCESS_KEY): Credentials => ({ apiKey, baseUrl: emulator.url });
const apiCall = (parameters: IDataObject, apiKey?: string, continueOnFail = false) =>
	runAction({ nodeType, type: 'n8n-nodes-digistore24.digistore24', credentials: credentials(apiKey), continueOnFail, parameters: { resource: 'apiCall', operation: 'makeApiCall', ...parameters } });
const calls = () => emulator.state.snapshot().calls;

async function failure(promise: Promise<unknown>): Promise<NodeApiError | NodeOperationError> {
	try {
		await promise;
	} catch (error) {
		return error as NodeApiError;
	}
	throw new Error('expected the node to fail');
}

describe('credential test', () => {
	// n8n's own context for credential tests: its `request` helper is n8n's HTTP client.
	const test = (apiKey: string, baseUrl = emulator.url) =>
		testDigistore24Credential.call(new CredentialTestContext({} as never) as never, { id: '1', name: 'c', type: 'digistore24Api', data: { apiKey, baseUrl } });

	it('passes with a valid key', async () => {
		await expect(test(READ_ONLY_KEY)).resolves.toMatchObject({ status: 'OK' });
	});

	it('fails with Digistore24 message for a wrong key, without echoing the key', async () => {
		const result = await test('999-WrongKeyWrongKeyWrongKeyWrongKeyWrongKey12');
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Digistore24: Invalid API key: no such key exists.*\(code 2\)$/);
		expect(result.message).not.toContain('WrongKey');
	});

	it('goes through n8n and sends the key in the header only', async () => {
		await test(READ_ONLY_KEY);
		expect(emulator.state.calls).toEqual([expect.objectContaining({ function: 'getUserInfo', route: 'header', key_id: READ_ONLY_KEY.split('-')[0], params: { language: 'en' } })]);
	});

	it('does not follow a redirect with the key', async () => {
		emulator.state.faults.push({ type: 'redirect', location: 'http://127.0.0.1:9/elsewhere', times: 1, function: 'getUserInfo' });
		const result = await test(READ_ONLY_KEY);
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/answered with a redirect \(HTTP 307 to http:\/\/127\.0\.0\.1:9\/elsewhere\); not followed with your API key/) });
	});

	it('refuses a plain-http Base URL that is not this machine, before sending the key', async () => {
		const result = await test(READ_ONLY_KEY, 'http://digistore24.example.com');
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^Base URL: .*uses http; the API key may only travel over https/) });
	});

	it('says clearly when Digistore24 cannot be reached, and when something else answered', async () => {
		const closed = await test(READ_ONLY_KEY, 'http://127.0.0.1:9');
		expect(closed.message).toMatch(/^Could not reach Digistore24 at http:\/\/127\.0\.0\.1:9 \(ECONNREFUSED.*\)\. If n8n reaches the internet through a proxy/);
		emulator.state.faults.push({ type: '503', times: 1, function: 'getUserInfo' });
		const other = await test(READ_ONLY_KEY);
		expect(other.message).toMatch(/^No answer from Digistore24 at .*: Digistore24 answered HTTP 503\. A proxy or firewall/);
	});
});

describe('Make an API call', () => {
	it('returns getPurchase data and sends the purchase id', async () => {
		const first = emulator.state.data.purchases[0];
		const out = await apiCall({ function: 'getPurchase', parameters: { parameter: [{ name: 'purchase_id', value: first.id }] } });
		expect(out).toHaveLength(1);
		expect(out[0].json).toMatchObject({ id: first.id });
		expect(out[0].pairedItem).toEqual({ item: 0 });
		expect(calls()).toMatchObject([{ function: 'getPurchase', params: { purchase_id: first.id, language: 'en' }, result: 'success' }]);
	});

	it('sends search[...] from name/value pairs and from JSON the same way', async () => {
		await apiCall({ function: 'listPurchases', parameters: { parameter: [{ name: 'search[email]', value: 'example' }, { name: 'from', value: 'start' }] } });
		await apiCall({ function: 'listPurchases', parametersMode: 'json', parametersJson: '{"search": {"email": "example"}, "from": "start"}' });
		const [fields, json] = calls();
		expect(fields.params).toMatchObject({ search: { email: 'example' }, from: 'start' });
		expect(json.params).toEqual(fields.params);
	});

	it('offers a free function name', async () => {
		const out = await apiCall({ function: '__custom', customFunction: 'ping' });
		expect(out[0].json).toHaveProperty('server_time');
	});

	it('returns the whole envelope when asked', async () => {
		const out = await apiCall({ function: 'ping', options: { fullResponse: true } });
		expect(out[0].json).toMatchObject({ result: 'success', api_version: expect.any(String), data: { server_time: expect.any(String) } });
	});

	it('turns an unknown function into NodeApiError with Digistore24 message and code', async () => {
		const error = await failure(apiCall({ function: '__custom', customFunction: 'noSuchFunction' }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Digistore24 noSuchFunction: Invalid API function called: noSuchFunction() (code 9)');
		expect(error.description).toMatch(/function name/);
	});

	it('turns a read-only key on a write function into NodeApiError that names full access', async () => {
		const error = await failure(apiCall({ function: 'ipnDelete', parameters: { parameter: [{ name: 'domain_id', value: 'x' }] } }, READ_ONLY_KEY));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/Permission denied.*\(code 8\)$/);
		expect(error.description).toMatch(/full access/);
	});

	it('names the item when the JSON parameters are invalid', async () => {
		const error = await failure(apiCall({ function: 'ping', parametersMode: 'json', parametersJson: '[1, 2]' }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/must be an object/);
		expect((error as NodeOperationError).context.itemIndex).toBe(0);
	});

	it('continues on fail with an error item and still runs the next items', async () => {
		const out = await runAction(
			{ nodeType, type: 'n8n-nodes-digistore24.digistore24', credentials: credentials(), continueOnFail: true, parameters: { resource: 'apiCall', operation: 'makeApiCall', function: '__custom', customFunction: '={{ $json.fn }}' } },
			[{ json: { fn: 'noSuchFunction' } }, { json: { fn: 'ping' } }],
		);
		expect(out).toHaveLength(2);
		expect(out[0].json.error).toMatch(/Invalid API function called: noSuchFunction\(\)/);
		expect(out[0].pairedItem).toEqual({ item: 0 });
		expect(out[1].json).toHaveProperty('server_time');
		expect(out[1].pairedItem).toEqual({ item: 1 });
	});
});

describe('retries and faults', () => {
	const fault = (body: IDataObject) =>
		fetch(`${emulator.url}/__emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

	it('honours Retry-After on 429 and then succeeds', async () => {
		await fault({ type: '429', times: 1, retryAfter: 1, function: 'ping' });
		const started = Date.now();
		const out = await apiCall({ function: 'ping' });
		expect(out[0].json).toHaveProperty('server_time');
		expect(Date.now() - started).toBeGreaterThanOrEqual(900);
		expect(calls().map((c) => c.result)).toEqual(['fault', 'success']);
	});

	it('stops after the retry bound on 5xx', async () => {
		await fault({ type: '503', times: 10, function: 'ping' });
		const error = await failure(apiCall({ function: 'ping', options: { maxRetries: 2 } }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/after 3 attempts/);
		expect(calls()).toHaveLength(3);
	});

	// Every fault the emulator injects: how many attempts, and what the user reads.
	it.each([
		['500', { type: '500' }, 2, /^Digistore24 ping: Digistore24 answered HTTP 500 after 2 attempts$/],
		['502', { type: '502' }, 2, /^Digistore24 ping: Digistore24 answered HTTP 502 after 2 attempts$/],
		['503', { type: '503' }, 2, /^Digistore24 ping: Digistore24 answered HTTP 503 after 2 attempts$/],
		['a slow answer past the timeout', { type: 'slow', delayMs: 2500 }, 2, /could not reach Digistore24 .*\(no answer within 1 s: timeout\) after 2 attempts$/],
		['a dropped connection', { type: 'drop' }, 2, /could not reach Digistore24.*after 2 attempts/],
		// A read: a mangled answer may pass, so it is asked again.
		['malformed JSON', { type: 'malformed' }, 2, /answered with something that is not its JSON envelope after 2 attempts$/],
		['HTTP 200 with the error envelope', { type: 'error-envelope' }, 1, /Temporary error, please try again later \(injected by the emulator\)/],
	])('%s: bounded retries, then a NodeApiError saying what happened and what to do', async (_name, injected, attempts, message) => {
		await fault({ ...injected, times: 10, function: 'ping' });
		const error = await failure(apiCall({ function: 'ping', options: { maxRetries: 1, timeout: 1 } }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(message);
		expect(String(error.description ?? '')).not.toBe('');
		// The emulator logs a slow call when it answers, after the node gave up on it.
		for (let waited = 0; calls().length < attempts && waited < 3000; waited += 100) await new Promise((r) => setTimeout(r, 100));
		expect(calls()).toHaveLength(attempts);
		expect(JSON.stringify({ message: error.message, description: error.description, context: error.context })).not.toContain(FULL_ACCESS_KEY.split('-')[1]);
	});

	it('never shows the API key, not even for a dropped connection', async () => {
		await fault({ type: 'drop', times: 10, function: 'ping' });
		const error = await failure(apiCall({ function: 'ping', options: { maxRetries: 1 } }));
		const text = JSON.stringify({ message: error.message, description: error.description, context: error.context, error });
		expect(error.message).toMatch(/could not reach Digistore24/);
		expect(error.message).toMatch(/ECONNRESET.*after 2 attempts/);
		expect(calls()).toHaveLength(2);
		expect(text).not.toContain(FULL_ACCESS_KEY);
		expect(text).not.toContain(FULL_ACCESS_KEY.split('-')[1]);
	});
});

describe('Verify notification (Webhook node + action node)', () => {
	const PASS = 'verify-passphrase';
	const verify = (items: Array<{ json: IDataObject; binary?: IDataObject }>, parameters: IDataObject = {}, passphrase = PASS) =>
		runAction(
			{ nodeType, type: 'n8n-nodes-digistore24.digistore24', credentials: { ...credentials(), ipnPassphrase: passphrase }, parameters: { resource: 'notification', operation: 'verify', ...parameters } },
			items as never,
		);
	const rawItem = (body: string) => ({ json: { body: {} }, binary: { data: { data: Buffer.from(body).toString('base64'), mimeType: 'application/x-www-form-urlencoded' } } });

	it('verifies the raw body and outputs the same typed item as the trigger', async () => {
		const params = buildSampleIpn('on_payment', { productId: '512345' });
		const [out] = await verify([rawItem(signedBody(params, PASS))]);
		expect(out.json).toMatchObject({ event: 'on_payment', eventName: 'New Payment', product: { id: '512345' } });
		expect(outputSchemaFor(findEvent('on_payment')!).safeParse(out.json).success).toBe(true);
		expect(calls()).toHaveLength(0);
	});

	it('falls back to the parsed body when there is no raw body', async () => {
		const params = buildSampleIpn('on_refund');
		const body = Object.fromEntries(new URLSearchParams(signedBody(params, PASS)));
		const [out] = await verify([{ json: { body } }]);
		expect(out.json).toMatchObject({ event: 'on_refund', eventName: 'Refund' });
	});

	it('fails a forged item, or sends it to the Invalid output when asked', async () => {
		const forged = rawItem(signedBody(buildSampleIpn('on_payment'), 'guess'));
		const error = await failure(verify([forged]));
		expect(error.message).toMatch(/^Not a valid Digistore24 notification: sha_sign does not match/);
		const outputs = await runActionOutputs(
			{ nodeType, type: 'n8n-nodes-digistore24.digistore24', credentials: { ...credentials(), ipnPassphrase: PASS }, parameters: { resource: 'notification', operation: 'verify', invalidOutput: true } },
			[forged, rawItem(signedBody(buildSampleIpn('on_payment'), PASS))] as never,
		);
		expect(outputs).toHaveLength(2);
		expect(outputs[0].map((item) => [item.json.event, item.pairedItem])).toEqual([['on_payment', { item: 1 }]]);
		expect(outputs[1]).toHaveLength(1);
		expect(outputs[1][0]).toMatchObject({ json: { valid: false, reason: expect.stringMatching(/sha_sign does not match/) }, pairedItem: { item: 0 } });
	});
});

describe('Answer notification (end of an after-success workflow)', () => {
	it('answers the waiting request once with a plain OK and passes every item through', async () => {
		const answers: unknown[] = [];
		const items = [{ json: { event: 'on_payment', order_id: 'A1' } }, { json: { event: 'on_payment', order_id: 'A2' } }];
		const out = await runAction(
			{ nodeType, type: 'n8n-nodes-digistore24.digistore24', credentials: credentials(), parameters: { resource: 'notification', operation: 'answer' }, onResponse: (r) => answers.push(r) },
			items,
		);
		expect(answers).toEqual([{ statusCode: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'OK' }]);
		expect(out.map((item) => [item.json.order_id, item.pairedItem])).toEqual([
			['A1', { item: 0 }],
			['A2', { item: 1 }],
		]);
		expect(calls()).toHaveLength(0);
	});
});
