import { NodeApiError } from 'n8n-workflow';
import { failure, READ_ONLY_KEY, useEmulator } from './helpers';

const h = useEmulator(2345);
const data = () => h.emulator.state.data;
const payingSubscription = () => data().purchases.find((p) => p.product.billing_type === 'subscription' && p.billing_status === 'paying')!;

describe('Rebilling → Get Status Changes (listRebillingStatusChanges)', () => {
	it('Return All lists every start, stop and completion once', async () => {
		const out = await h.run('rebilling', 'getStatusChanges', { dateRange: 'start', returnAll: true });
		expect(h.calls()).toEqual([expect.objectContaining({ function: 'listRebillingStatusChanges', params: { from: 'start', to: 'now', page_no: '1', page_size: '1000', language: 'en' } })]);
		expect(out.map((item) => item.json.id)).toEqual(data().rebillingChanges.map((c) => c.id));
		expect(new Set(out.map((item) => item.json.change_type))).toEqual(new Set(['started', 'stopped', 'completed']));
	});

	it('Limit asks for that many only', async () => {
		const out = await h.run('rebilling', 'getStatusChanges', { dateRange: 'start', limit: 4 });
		expect(h.calls()[0].params).toMatchObject({ page_size: '4' });
		expect(out).toHaveLength(4);
	});
});

describe('Rebilling → Stop / Start', () => {
	it('stop ends the billing of the purchase for real, and start resumes it', async () => {
		const purchase = payingSubscription();
		const [stopped] = await h.run('rebilling', 'stop', { purchaseId: purchase.id, stopOptions: { force: true } });
		expect(h.calls()[0]).toMatchObject({ function: 'stopRebilling', params: { purchase_id: purchase.id, force: 'Y', language: 'en' }, permission: 'writable' });
		expect(stopped.json).toMatchObject({ modified: true, billing_status: 'aborted', rebilling_active: false, code: 'stopped_now' });

		const [view] = await h.run('purchase', 'get', { purchaseId: purchase.id });
		expect(view.json).toMatchObject({ billing_status: 'aborted', rebilling_active: false, next_payment_at: '' });
		const changes = await h.run('rebilling', 'getStatusChanges', { dateRange: '-24h', returnAll: true });
		expect(changes.map((c) => c.json)).toContainEqual(expect.objectContaining({ purchase_id: purchase.id, change_type: 'stopped', billing_stop_reason: 'by_operator' }));

		const [again] = await h.run('rebilling', 'stop', { purchaseId: purchase.id });
		expect(again.json).toMatchObject({ modified: false });

		const [started] = await h.run('rebilling', 'start', { purchaseId: purchase.id });
		expect(h.calls().at(-1)).toMatchObject({ function: 'startRebilling', params: { purchase_id: purchase.id, language: 'en' } });
		expect(started.json).toMatchObject({ modified: true, billing_status: 'paying', rebilling_active: true, next_payment_at: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) });
		expect(purchase.billing_status).toBe('paying');
	});

	it('with a read-only key, stopping fails with an error that names full access, and nothing changes', async () => {
		const purchase = payingSubscription();
		const error = await failure(h.run('rebilling', 'stop', { purchaseId: purchase.id }, { key: READ_ONLY_KEY }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/^Digistore24 stopRebilling: Permission denied.*\(code 8\)$/);
		expect(error.description).toMatch(/full access/);
		expect(h.calls()[0]).toMatchObject({ function: 'stopRebilling', permission: 'readonly', result: 'error', code: 8 });
		expect(purchase.billing_status).toBe('paying');
	});

	it('a single payment has no rebilling to stop', async () => {
		const single = data().purchases.find((p) => p.product.billing_type === 'single_payment')!;
		const error = await failure(h.run('rebilling', 'stop', { purchaseId: single.id }));
		expect(error.message).toMatch(/single payment and has no rebilling/);
	});
});
