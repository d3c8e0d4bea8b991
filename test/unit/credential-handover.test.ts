import type { IHookFunctions } from 'n8n-workflow';
import { credentialsForSetup, handOverCredentials } from '../../nodes/Digistore24/ipn/credentialHandover';

/** Just what the handover uses of n8n's hook context; counts credential reads. */
function hookCtx(workflowId: string, credentialId = 'cred-1') {
	const reads = { count: 0 };
	const ctx = {
		getWorkflow: () => ({ id: workflowId, name: 'wf', active: true }),
		getNode: () => ({ id: 'node-1', credentials: { digistore24Api: { id: credentialId, name: 'c' } } }),
		getCredentials: async () => {
			reads.count += 1;
			return { apiKey: `fresh-${reads.count}` };
		},
	} as unknown as IHookFunctions;
	return { ctx, reads };
}

describe('credential handover from delete() to create()', () => {
	afterEach(() => jest.useRealTimers());

	it('create() right after delete() uses what delete() read, once; the next create() reads afresh', async () => {
		const { ctx, reads } = hookCtx('wf-a');
		handOverCredentials(ctx, { apiKey: 'read-by-delete' });
		expect(await credentialsForSetup(ctx)).toEqual({ apiKey: 'read-by-delete' });
		expect(reads.count).toBe(0);
		expect(await credentialsForSetup(ctx)).toEqual({ apiKey: 'fresh-1' });
	});

	it('reads afresh after 5 s, for another workflow and for another credential', async () => {
		jest.useFakeTimers({ now: 1_000_000 });
		const { ctx, reads } = hookCtx('wf-b');
		handOverCredentials(ctx, { apiKey: 'old' });
		jest.setSystemTime(1_000_000 + 5_001);
		expect(await credentialsForSetup(ctx)).toEqual({ apiKey: 'fresh-1' });

		handOverCredentials(ctx, { apiKey: 'old' });
		expect((await credentialsForSetup(hookCtx('wf-c').ctx)).apiKey).toBe('fresh-1');
		expect((await credentialsForSetup(hookCtx('wf-b', 'cred-2').ctx)).apiKey).toBe('fresh-1');
		expect(reads.count).toBe(1);
	});
});
