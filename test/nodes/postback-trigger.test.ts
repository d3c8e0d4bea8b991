import type { IDataObject } from 'n8n-workflow';
import { Digistore24PostbackTrigger } from '../../nodes/Digistore24/Digistore24PostbackTrigger.node';
import { POSTBACK_EVENTS } from '../../nodes/Digistore24/postback/events';
import { queryFromNotice } from '../../nodes/Digistore24/postback/notice';
import { postbackOutputSchema } from '../../nodes/Digistore24/postback/schema';
import { startEmulator, type Emulator } from '../emulator/server';
import { startWebhookServer, type Credentials } from './n8n';

const nodeType = new Digistore24PostbackTrigger();
const TYPE = 'n8n-nodes-digistore24.digistore24PostbackTrigger';
const TOKEN = 'node-test-token-abcdefghijklmnop';
const WEBHOOK_ID = '5f7d1c3e-0000-4000-8000-000000000024';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(() => emulator.stop());
beforeEach(() => emulator.state.reset());

async function control(route: string, body: IDataObject) {
	const res = await fetch(`${emulator.url}/__emulator/${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	return (await res.json()) as IDataObject & { status: number; body: string; values: Record<string, string> };
}

async function trigger(parameters: IDataObject, token = TOKEN) {
	return startWebhookServer({ nodeType, type: TYPE, parameters, credentialType: 'digistore24PostbackApi', credentials: { token } as unknown as Credentials, workflowId: `wf-${Math.random().toString(36).slice(2)}` });
}

/** The query string exactly as the node's notice shows it, with the token put in. */
function shownQuery(role: 'affiliate' | 'vendor'): string {
	const notice = nodeType.description.properties.find((p) => p.name === `${role}Url`)!;
	return queryFromNotice(notice.displayName)!.replace('YOUR_TOKEN', TOKEN);
}

describe('Digistore24 Postback Trigger in n8n-core contexts', () => {
	it('runs Digistore24 postbacks over connections built from the URL the node shows, typed; GET and POST', async () => {
		const server = await trigger({ events: POSTBACK_EVENTS.map((e) => e.value) });
		try {
			const base = `${server.instanceUrl}/webhook/${WEBHOOK_ID}/postback`;
			const affiliate = await control('postbacks', { role: 'affiliate', url: `${base}${shownQuery('affiliate')}` });
			const vendor = await control('postbacks', { role: 'vendor', url: `${base}${shownQuery('vendor')}`, method: 'POST' });
			const sent = [];
			for (const [connection, kind] of [[affiliate, 'sale'], [affiliate, 'upsell'], [affiliate, 'refund'], [vendor, 'chargeback']] as const) {
				const answer = await control('postback', { connection_id: connection.id, kind });
				expect([kind, answer.status, answer.body]).toEqual([kind, 200, 'OK']);
				sent.push(answer.values);
			}
			expect(server.runs).toHaveLength(4);
			const items = server.runs.map((run) => run.items[0].json as Record<string, any>);
			for (const item of items) expect(postbackOutputSchema().safeParse(item).error?.issues ?? []).toEqual([]);
			expect(items.map((i) => i.event)).toEqual(['affiliate_sale', 'affiliate_sale', 'affiliate_reversal', 'vendor_reversal']);
			expect(items.map((i) => i.transaction.id)).toEqual(sent.map((v) => v.transaction_id));
			expect(items[1].order).toMatchObject({ type: 'upsell', upsellNo: 1 });
			expect(typeof items[0].amounts.affiliate).toBe('number');
			expect(items[3].buyer.email).toBe(sent[3].email);
			expect(JSON.stringify(items)).not.toContain(TOKEN);
		} finally {
			await server.stop();
		}
	});

	it('refuses without or with a wrong token (403, no run); the test button is answered OK and runs only when asked', async () => {
		const server = await trigger({ events: ['affiliate_sale'] });
		const including = await trigger({ events: ['affiliate_sale'], options: { includeTests: true } });
		try {
			const url = (s: typeof server) => `${s.instanceUrl}/webhook/${WEBHOOK_ID}/postback${shownQuery('affiliate')}`;
			const wrong = await control('postbacks', { role: 'affiliate', url: url(server).replace(TOKEN, 'wrong-token-0123456789abc') });
			const none = await control('postbacks', { role: 'affiliate', url: url(server).replace(`token=${TOKEN}&`, '') });
			for (const connection of [wrong, none]) expect(await control('postback', { connection_id: connection.id, kind: 'sale' })).toMatchObject({ status: 403, body: 'Forbidden' });
			expect(server.runs).toHaveLength(0);

			const plain = await control('postbacks', { role: 'affiliate', url: url(server) });
			expect(await control('postback-test', { connection_id: plain.id })).toMatchObject({ status: 200, body: 'OK' });
			expect(server.runs).toHaveLength(0);
			const asked = await control('postbacks', { role: 'affiliate', url: url(including) });
			expect(await control('postback-test', { connection_id: asked.id })).toMatchObject({ status: 200, body: 'OK' });
			expect(including.runs.map((run) => run.items[0].json.isTest)).toEqual([true]);
		} finally {
			await server.stop();
			await including.stop();
		}
	});

	it('refuses everything while the credential token is too short', async () => {
		const server = await trigger({ events: ['affiliate_sale'] }, 'short');
		try {
			const connection = await control('postbacks', { role: 'affiliate', url: `${server.instanceUrl}/webhook/${WEBHOOK_ID}/postback${shownQuery('affiliate').replace(TOKEN, 'short')}` });
			expect(await control('postback', { connection_id: connection.id, kind: 'sale' })).toMatchObject({ status: 403 });
			expect(server.runs).toHaveLength(0);
		} finally {
			await server.stop();
		}
	});

	it('credential test: a usable token passes, a short one fails with the reason', async () => {
		const test = nodeType.methods.credentialTest.digistore24PostbackTokenTest;
		const run = (token: string) => test.call({} as never, { id: '1', name: 't', type: 'digistore24PostbackApi', data: { token } });
		expect(await run(TOKEN)).toMatchObject({ status: 'OK' });
		expect(await run('short')).toMatchObject({ status: 'Error', message: expect.stringContaining('shorter than 16') });
	});
});
