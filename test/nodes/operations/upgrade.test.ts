import { failure, READ_ONLY_KEY, useEmulator } from './helpers';

const h = useEmulator(2345);
const data = () => h.emulator.state.data;

describe('Upgrade → Get Many / Get', () => {
	it('lists the upgrades with Limit and Return All, and checks orders for one', async () => {
		expect(await h.run('upgrade', 'getMany', { returnAll: true })).toHaveLength(3);
		expect(await h.run('upgrade', 'getMany', { limit: 1 })).toHaveLength(1);
		const course = [...data().purchases].reverse().find((p) => p.product.id === '512345' && p.billing_status === 'completed')!;
		const [out] = await h.run('upgrade', 'get', { upgradeId: '9101', orderIds: `${course.id}, NOPE1234` });
		expect(h.calls()[2].params).toEqual({ upgrade_id: '9101', order_ids: `${course.id},NOPE1234`, language: 'en' });
		expect(out.json).toMatchObject({ from_product_id: '512345', to_product_id: '512346', type: 'upgrade' });
	});

	it('an unknown upgrade is a not-found error', async () => {
		const error = await failure(h.run('upgrade', 'get', { upgradeId: '1' }));
		expect(error.message).toBe('Digistore24 getUpgrade: Upgrade not found: 1 (code 4)');
	});
});

describe('Upgrade → Upgrade Purchase (createUpgradePurchase)', () => {
	it("creates the new order, ends the old one on its delivery date, and the old order's rebilling shows it stopped", async () => {
		const old = [...data().purchases].reverse().find((p) => p.product.id === '512346' && p.billing_status === 'paying')!;
		const due = old.next_payment_at!;
		const [out] = await h.run('upgrade', 'purchase', { purchaseId: `NOPE1234, ${old.id}`, upgradeId: '9102-P3ZX8W' });
		expect(h.calls()[0].params).toEqual({ purchase_ids: `NOPE1234,${old.id}`, upgrade_id: '9102-P3ZX8W', language: 'en' });
		expect(out.json).toMatchObject({ upgraded_purchase_id: old.id, upgrade_type: 'upgrade', delivery_date: due.toISOString().slice(0, 10), product_id: '512348' });
		const [created] = await h.run('purchase', 'get', { purchaseId: String(out.json.purchase_id) });
		expect(created.json).toMatchObject({ product_id: '512348', billing_status: 'paying', buyer: { id: old.buyer.id } });
		expect(old.billing_status).toBe('aborted');
		expect(data().rebillingChanges.at(-1)).toMatchObject({ purchase: old, type: 'stopped', reason: 'upgraded' });
	});

	it('a wrong auth key, an order of another product, and a read-only key are refused; nothing changes', async () => {
		const old = [...data().purchases].reverse().find((p) => p.product.id === '512346' && p.billing_status === 'paying')!;
		const count = data().purchases.length;
		expect((await failure(h.run('upgrade', 'purchase', { purchaseId: old.id, upgradeId: '9102-WRONG' }))).message).toMatch(/Upgrade not found: 9102-WRONG \(code 4\)/);
		expect((await failure(h.run('upgrade', 'purchase', { purchaseId: old.id, upgradeId: '9101' }))).message).toMatch(/an active order of product 512345/);
		expect((await failure(h.run('upgrade', 'purchase', { purchaseId: old.id, upgradeId: '9102' }, { key: READ_ONLY_KEY }))).description).toMatch(/full access/);
		expect(data().purchases).toHaveLength(count);
		expect(old.billing_status).toBe('paying');
	});
});
