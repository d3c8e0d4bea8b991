import { Digistore24Trigger } from '../../nodes/Digistore24/Digistore24Trigger.node';
import { READ_ONLY_KEY } from '../emulator/keys';
import { postForm, sendIpn, signedBody, buildSampleIpn } from '../emulator/ipn-sender';
import { startWebhookServer, type Credentials } from './n8n';

/**
 * The trigger keeps the credential it read for a few seconds (n8n reads, decrypts and resolves it
 * on every getCredentials). A changed or newly added passphrase applies to the next notification
 * once the last read is two seconds old; refused requests cannot force more reads than that.
 */
const nodeType = new Digistore24Trigger();

async function manualTrigger(passphrase: string) {
	let current = passphrase;
	let reads = 0;
	const credentials = { apiKey: READ_ONLY_KEY, baseUrl: 'http://127.0.0.1:9' } as Credentials;
	// The test credential store copies the object on every read: count the reads, change the passphrase.
	Object.defineProperty(credentials, 'ipnPassphrase', {
		enumerable: true,
		get: () => {
			reads++;
			return current;
		},
	});
	const server = await startWebhookServer({
		nodeType,
		type: 'n8n-nodes-digistore24.digistore24Trigger',
		parameters: { events: ['on_payment'], setup: 'manual', options: {} },
		credentials,
		workflowId: `wf-credentials-${Math.random().toString(36).slice(2)}`,
	});
	return {
		server,
		url: `${server.instanceUrl}/webhook/x/ipn`,
		reads: () => reads,
		change: (next: string) => (current = next),
	};
}

describe('trigger: credential reads', () => {
	it('reads the credential once for notifications in quick succession', async () => {
		const t = await manualTrigger('first-passphrase');
		try {
			for (let i = 0; i < 5; i++) {
				const answer = await sendIpn({ url: t.url, event: 'on_payment', passphrase: 'first-passphrase', seq: i + 1 });
				expect([answer.status, answer.body]).toEqual([200, 'OK']);
			}
			expect(t.server.runs).toHaveLength(5);
			expect(t.reads()).toBe(1);
		} finally {
			await t.server.stop();
		}
	});

	it('applies a changed passphrase once the last read is two seconds old, and then refuses the old one', async () => {
		const t = await manualTrigger('old-passphrase');
		try {
			expect((await sendIpn({ url: t.url, event: 'on_payment', passphrase: 'old-passphrase', seq: 1 })).status).toBe(200);
			t.change('new-passphrase');
			await new Promise((resolve) => setTimeout(resolve, 2100));
			expect((await sendIpn({ url: t.url, event: 'on_payment', passphrase: 'new-passphrase', seq: 2 })).status).toBe(200);
			const old = await postForm(t.url, signedBody(buildSampleIpn('on_payment', { seq: 3 }), 'old-passphrase'));
			expect([old.status, old.body]).toEqual([403, 'Forbidden']);
			expect(t.server.runs).toHaveLength(2);
		} finally {
			await t.server.stop();
		}
	});

	it('reads again when a notification is refused, at most once every two seconds, so forged requests cannot force reads', async () => {
		const t = await manualTrigger('');
		try {
			expect((await sendIpn({ url: t.url, event: 'on_payment', passphrase: 'added-later', seq: 1 })).status).toBe(403);
			const readsAfterFirst = t.reads();
			const started = Date.now();
			for (let i = 0; i < 20; i++) expect((await postForm(t.url, signedBody(buildSampleIpn('on_payment', { seq: 100 + i }), 'forged'))).status).toBe(403);
			// At most one read per two seconds, however many forged requests came (a slow machine may take over 2 s for them).
			expect(t.reads() - readsAfterFirst).toBeLessThanOrEqual(Math.ceil((Date.now() - started) / 2000));
			t.change('added-later');
			await new Promise((resolve) => setTimeout(resolve, 2100));
			expect((await sendIpn({ url: t.url, event: 'on_payment', passphrase: 'added-later', seq: 2 })).status).toBe(200);
			expect(t.reads()).toBeGreaterThan(readsAfterFirst);
		} finally {
			await t.server.stop();
		}
	});
});
