/**
 * Calls that change data are sent once. The emulator's "lost" fault carries a call out and then
 * drops the connection without an answer (Digistore24 did the work, the answer never arrived):
 * a write must fail saying the outcome is unknown, with exactly one call at Digistore24; a read
 * recovers by asking again.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NodeApiError, NodeOperationError, type IDataObject } from 'n8n-workflow';
import { Digistore24 } from '../../nodes/Digistore24/Digistore24.node';
import type { Fault } from '../emulator/faults';
import { FULL_ACCESS_KEY } from '../emulator/keys';
import { runAction } from './n8n';
import { failure, useEmulator } from './operations/helpers';

const h = useEmulator(2345);
const data = () => h.emulator.state.data;
const DAY = 86_400_000;
const nodeType = new Digistore24();

const fault = (f: Fault) => h.emulator.state.faults.push(f);
const callsOf = (fn: string) => h.calls().filter((c) => c.function === fn);
const apiCall = (fn: string, parameters: IDataObject, options: IDataObject = {}) =>
	h.run('apiCall', 'makeApiCall', { function: fn, parametersMode: 'json', parametersJson: JSON.stringify(parameters), options: { timeout: 5, ...options } });

const recentSingle = () =>
	[...data().purchases].reverse().find((p) => p.product.billing_type === 'single_payment' && p.transactions.every((t) => t.type === 'payment') && p.created.getTime() > h.emulator.state.now().getTime() - 10 * DAY)!;
const subscription = () => data().purchases.find((p) => p.product.billing_type !== 'single_payment')!;
const unusedTicket = () => data().etickets.find((t) => !t.used_at && !t.is_blocked)!;

/** Each write with parameters that succeed, and what shows afterwards that it was carried out. */
const writes: Array<[string, () => { params: IDataObject; carriedOut: () => boolean }]> = [
	[
		'refundPurchase',
		() => {
			const purchase = recentSingle();
			return { params: { purchase_id: purchase.id }, carriedOut: () => purchase.transactions.some((t) => t.type === 'refund') };
		},
	],
	[
		'refundPartially',
		() => {
			const purchase = recentSingle();
			return { params: { purchase_id: purchase.id, amount: '1.00' }, carriedOut: () => purchase.transactions.some((t) => t.type === 'refund' && t.amount === -100) };
		},
	],
	[
		'addBalanceToPurchase',
		() => {
			const purchase = subscription();
			return { params: { purchase_id: purchase.id, amount: '10.00' }, carriedOut: () => purchase.balance === 1000 };
		},
	],
	[
		'createEticket',
		() => {
			const before = data().etickets.length;
			return {
				params: { product_id: '512349', location_id: '3103', template_id: '4202', date: '2026-06-12', buyer: { email: 'once@example.com' } },
				carriedOut: () => data().etickets.length === before + 1,
			};
		},
	],
	[
		'validateEticket',
		() => {
			const ticket = unusedTicket();
			return { params: { eticket_id: ticket.id, location_id: ticket.location_id, template_id: ticket.template_id, date: ticket.date }, carriedOut: () => ticket.used_at !== undefined };
		},
	],
];

describe('processed, answer lost', () => {
	it.each(writes)('%s: carried out once, not sent again, and the error says the outcome is unknown', async (fn, setup) => {
		const { params, carriedOut } = setup();
		fault({ type: 'lost', times: 1, function: fn });
		const error = await failure(apiCall(fn, params, { maxRetries: 3 }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(new RegExp(`^Digistore24 ${fn}: outcome unknown \\(.+\\)\\. Digistore24 may have carried out the call; it was not sent again\\.$`));
		expect(error.description).toMatch(/^Check with /);
		expect(callsOf(fn)).toEqual([expect.objectContaining({ result: 'success', fault: 'lost' })]);
		expect(carriedOut()).toBe(true);
	});

	it('getPurchase recovers by asking again', async () => {
		const purchase = recentSingle();
		fault({ type: 'lost', times: 1, function: 'getPurchase' });
		const [out] = await apiCall('getPurchase', { purchase_id: purchase.id });
		expect(out.json.id).toBe(purchase.id);
		expect(callsOf('getPurchase').map((c) => c.fault ?? 'answered')).toEqual(['lost', 'answered']);
	});

	it('a typed write operation (Refund → Refund Purchase) is not sent again either', async () => {
		const purchase = recentSingle();
		fault({ type: 'lost', times: 1, function: 'refundPurchase' });
		const error = await failure(h.run('refund', 'refundPurchase', { purchaseId: purchase.id }));
		expect(error.message).toMatch(/outcome unknown/);
		expect(error.description).toMatch(/listTransactions/);
		expect(callsOf('refundPurchase')).toHaveLength(1);
	});

	it('a function the node does not know counts as a write', async () => {
		fault({ type: 'lost', times: 1, function: 'someNewFunction' });
		const error = await failure(h.run('apiCall', 'makeApiCall', { function: '__custom', customFunction: 'someNewFunction', options: { maxRetries: 3 } }));
		expect(error.message).toMatch(/^Digistore24 someNewFunction: outcome unknown/);
		expect(callsOf('someNewFunction')).toHaveLength(1);
	});
});

describe('what a write may be sent again after, and what not', () => {
	it('429 (rejected before it ran): sent again and succeeds', async () => {
		const purchase = recentSingle();
		fault({ type: '429', times: 1, function: 'refundPurchase', retryAfter: 0 });
		const [out] = await apiCall('refundPurchase', { purchase_id: purchase.id });
		expect(out.json).toMatchObject({ status: 'completed' });
		expect(callsOf('refundPurchase').map((c) => c.result)).toEqual(['fault', 'success']);
	});

	it.each([
		['HTTP 503', { type: '503' } as const, /outcome unknown \(HTTP 503\)/],
		['a timeout', { type: 'slow', delayMs: 2500 } as const, /outcome unknown \(no answer within 1 s: timeout\)/],
		['an answer that is not an envelope', { type: 'malformed' } as const, /outcome unknown \(Digistore24 answered with something that is not its JSON envelope\)/],
	])('%s: one call, outcome unknown', async (_name, injected, message) => {
		const purchase = recentSingle();
		fault({ ...injected, times: 5, function: 'refundPurchase' });
		const error = await failure(apiCall('refundPurchase', { purchase_id: purchase.id }, { timeout: 1, maxRetries: 3 }));
		expect(error.message).toMatch(message);
		for (let waited = 0; callsOf('refundPurchase').length < 1 && waited < 4000; waited += 100) await new Promise((r) => setTimeout(r, 100));
		await new Promise((r) => setTimeout(r, 300));
		expect(callsOf('refundPurchase')).toHaveLength(1);
	});

	it('connection refused (nothing reached a server): a write is tried again, and says so', async () => {
		const closed = await closedPort();
		const error = await failure(
			runAction({
				nodeType,
				type: 'n8n-nodes-digistore24.digistore24',
				credentials: { apiKey: FULL_ACCESS_KEY, baseUrl: `http://127.0.0.1:${closed}` },
				parameters: { resource: 'apiCall', operation: 'makeApiCall', function: 'refundPurchase', parametersMode: 'json', parametersJson: '{"purchase_id":"X"}', options: { maxRetries: 1 } },
			}),
		);
		expect(error.message).toMatch(/could not reach Digistore24 at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED.*\) after 2 attempts$/);
	});
});

describe("n8n's Retry On Fail", () => {
	const settings = { retryOnFail: true, maxTries: 3 };
	const run = (executionId: string, fn: string, params: IDataObject, items = [{}]) =>
		runAction(
			{
				nodeType,
				type: 'n8n-nodes-digistore24.digistore24',
				credentials: { apiKey: FULL_ACCESS_KEY, baseUrl: h.emulator.url },
				settings,
				executionId,
				parameters: { resource: 'apiCall', operation: 'makeApiCall', function: fn, parametersMode: 'json', parametersJson: '={{ JSON.stringify($json.params) }}', options: { timeout: 5 } },
			},
			items.map(() => ({ json: { params } as IDataObject })),
		);

	it('a re-run of the node in the same execution does not send the lost write again', async () => {
		const purchase = recentSingle();
		fault({ type: 'lost', times: 1, function: 'refundPurchase' });
		const first = await failure(run('exec-1', 'refundPurchase', { purchase_id: purchase.id }));
		const second = await failure(run('exec-1', 'refundPurchase', { purchase_id: purchase.id }));
		expect(first.message).toMatch(/outcome unknown/);
		expect(second.message).toBe(first.message);
		expect(callsOf('refundPurchase')).toHaveLength(1);
		// Another execution is another call.
		const [later] = await run('exec-2', 'refundPurchase', { purchase_id: purchase.id }).catch((e) => [{ json: { error: e.message } }]);
		expect(later.json.error).toMatch(/refused: Order .* has no payment left to refund/);
		expect(callsOf('refundPurchase')).toHaveLength(2);
	});

	it('the items that succeeded before the failing one are not sent again on the re-run', async () => {
		const purchase = subscription();
		const single = recentSingle();
		const items = [
			{ json: { fn: 'addBalanceToPurchase', params: { purchase_id: purchase.id, amount: '5.00' } } },
			{ json: { fn: 'refundPartially', params: { purchase_id: single.id, amount: '1.00' } } },
		];
		fault({ type: 'lost', times: 1, function: 'refundPartially' });
		const runOnce = () =>
			runAction(
				{
					nodeType,
					type: 'n8n-nodes-digistore24.digistore24',
					credentials: { apiKey: FULL_ACCESS_KEY, baseUrl: h.emulator.url },
					settings,
					executionId: 'exec-3',
					parameters: { resource: 'apiCall', operation: 'makeApiCall', function: '={{ $json.fn }}', parametersMode: 'json', parametersJson: '={{ JSON.stringify($json.params) }}' },
				},
				items,
			);
		// n8n runs the node up to maxTries times; each run fails the same way without a call.
		for (let attempt = 0; attempt < settings.maxTries; attempt++) expect((await failure(runOnce())).message).toMatch(/refundPartially: outcome unknown/);
		expect(purchase.balance).toBe(500);
		expect(callsOf('addBalanceToPurchase')).toHaveLength(1);
		expect(callsOf('refundPartially')).toHaveLength(1);
	});

	it('reads are tried once per n8n try: Max Retries does not multiply with Retry On Fail', async () => {
		fault({ type: '503', times: 10, function: 'ping' });
		const error = await failure(run('exec-4', 'ping', {}));
		expect(error.message).toMatch(/^Digistore24 ping: Digistore24 answered HTTP 503$/);
		expect(callsOf('ping')).toHaveLength(1);
	});
});

describe('refusals inside a success envelope', () => {
	const refunded = () => {
		const purchase = recentSingle();
		return purchase.transactions[0];
	};

	it('refundTransaction answering status: refused fails with Digistore24 reason', async () => {
		const payment = refunded();
		await apiCall('refundTransaction', { transaction_id: payment.id });
		const error = await failure(apiCall('refundTransaction', { transaction_id: payment.id }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(`Digistore24 refundTransaction refused: Transaction ${payment.id} is already refunded.`);
		expect(error.description).toMatch(/did not carry it out/);
	});

	it('or, when asked, an item that says so', async () => {
		const payment = refunded();
		await apiCall('refundTransaction', { transaction_id: payment.id });
		const [out] = await apiCall('refundTransaction', { transaction_id: payment.id }, { refusals: 'item' });
		expect(out.json).toMatchObject({ status: 'refused', done: false, outcome: 'refused', outcome_message: `Digistore24 refundTransaction refused: Transaction ${payment.id} is already refunded.` });
	});
});

describe('where the key may go', () => {
	let target: Server;
	let seen: Array<{ url?: string; key?: string | string[] }>;
	beforeEach(async () => {
		seen = [];
		target = createServer((req, res) => {
			seen.push({ url: req.url, key: req.headers['x-ds-api-key'] });
			res.writeHead(200, { 'content-type': 'application/json' }).end('{"result":"success","data":{}}');
		});
		await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
	});
	afterEach(() => new Promise<void>((resolve) => target.close(() => resolve())));

	it('a redirect is not followed: the key never reaches the target', async () => {
		const location = `http://127.0.0.1:${(target.address() as AddressInfo).port}/api/call/getUserInfo`;
		// The target works and records keys: a client that follows redirects delivers the key there.
		fault({ type: 'redirect', location, times: 1, function: 'getUserInfo' });
		await fetch(`${h.emulator.url}/api/call/getUserInfo`, { method: 'POST', headers: { 'X-DS-API-KEY': FULL_ACCESS_KEY } });
		expect(seen).toEqual([{ url: '/api/call/getUserInfo', key: FULL_ACCESS_KEY }]);
		seen.length = 0;

		fault({ type: 'redirect', location, times: 1, function: 'getUserInfo' });
		const error = await failure(apiCall('getUserInfo', {}));
		expect(error.message).toBe(`Digistore24 getUserInfo: the server answered HTTP 307 (redirect to ${location}); not followed, because the request carries your API key`);
		expect(seen).toEqual([]);
	});

	it.each(['http://digistore24.example.com', 'ftp://127.0.0.1', 'https://user:pw@www.digistore24.com'])('refuses the Base URL %s before sending anything', async (baseUrl) => {
		const error = await failure(
			runAction({
				nodeType,
				type: 'n8n-nodes-digistore24.digistore24',
				credentials: { apiKey: FULL_ACCESS_KEY, baseUrl },
				parameters: { resource: 'apiCall', operation: 'makeApiCall', function: 'ping' },
			}),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/^Digistore24 credential: .*(https|user name)/);
	});
});

async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}
