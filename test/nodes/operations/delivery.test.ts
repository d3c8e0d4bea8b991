import { NodeApiError } from 'n8n-workflow';
import { failure, READ_ONLY_KEY, useEmulator } from './helpers';

const h = useEmulator(2345);
const deliveries = () => h.emulator.state.data.deliveries;

describe('Delivery → Get Many (listDeliveries)', () => {
	it('lists deliveries with Limit and Return All, or those of one order', async () => {
		expect(deliveries().length).toBeGreaterThan(100);
		expect(await h.run('delivery', 'getMany', { limit: 7 })).toHaveLength(7);
		const all = await h.run('delivery', 'getMany', { returnAll: true });
		expect(all).toHaveLength(deliveries().length);
		const one = deliveries()[5];
		const filtered = await h.run('delivery', 'getMany', { deliveryFilters: { purchase_id: one.purchase.id }, returnAll: true });
		expect(h.calls()[2].params).toEqual({ purchase_id: one.purchase.id, language: 'en' });
		expect(filtered.map((i) => i.json.id)).toEqual([one.id]);
	});
});

describe('Delivery → Get / Update', () => {
	it('reads a delivery without changing it, even with a read-only key', async () => {
		const requested = deliveries().find((d) => d.type === 'request')!;
		const [out] = await h.run('delivery', 'get', { deliveryId: requested.id }, { key: READ_ONLY_KEY });
		expect(h.calls()[0].params).toEqual({ delivery_id: requested.id, language: 'en' });
		expect(out.json).toMatchObject({ id: requested.id, type: 'request', purchase_id: requested.purchase.id });
		expect(requested.type).toBe('request');
	});

	it('Mark as In Progress changes the delivery; with a read-only key Digistore24 refuses', async () => {
		const requested = deliveries().find((d) => d.type === 'request')!;
		const refused = await failure(h.run('delivery', 'get', { deliveryId: requested.id, setInProgress: true }, { key: READ_ONLY_KEY }));
		expect(refused).toBeInstanceOf(NodeApiError);
		expect(refused.message).toMatch(/Permission denied: getDelivery\(set_in_progress\)/);
		expect(requested.type).toBe('request');
		const [out] = await h.run('delivery', 'get', { deliveryId: requested.id, setInProgress: true });
		expect(h.calls()[1].params).toEqual({ delivery_id: requested.id, set_in_progress: 'Y', language: 'en' });
		expect(out.json).toMatchObject({ id: requested.id, type: 'in_progress' });
	});

	it('Update sets the status and a tracking number, and Digistore24 emails the buyer unless told not to', async () => {
		const open = deliveries().find((d) => d.type === 'in_progress' || d.type === 'request')!;
		const [out] = await h.run('delivery', 'update', {
			deliveryId: open.id,
			deliveryType: 'delivery',
			parcels: { parcel: [{ parcel_service: 'dhl', tracking_id: '00340434161094042557', expect_delivery_at: '2026-11-28T00:00:00', quantity: 0 }] },
		});
		expect(h.calls()[0]).toMatchObject({
			function: 'updateDelivery',
			params: { delivery_id: open.id, data: { type: 'delivery' }, tracking: { '0': { tracking_id: '00340434161094042557', parcel_service: 'dhl', expect_delivery_at: '2026-11-28' } } },
		});
		expect(out.json).toMatchObject({ modified: true, buyer_notified: true, delivery: { type: 'delivery', quantity_delivered: '1', tracking: [{ tracking_id: '00340434161094042557', parcel_service: 'dhl' }] } });
		const [read] = await h.run('delivery', 'get', { deliveryId: open.id });
		expect(read.json.tracking).toEqual([expect.objectContaining({ tracking_id: '00340434161094042557' })]);
		await h.run('delivery', 'update', { deliveryId: open.id, deliveryType: 'return', deliveryOptions: { notify_via_email: false } });
		expect(h.emulator.state.data.mails.map((m) => m.type)).toEqual(['delivery_update']);
	});

	it('an unknown delivery and a wrong status come back as Digistore24 errors', async () => {
		const unknown = await failure(h.run('delivery', 'update', { deliveryId: '1', deliveryType: 'delivery' }));
		expect(unknown.message).toBe('Digistore24 updateDelivery: Delivery not found: 1 (code 4)');
		const noTracking = await failure(h.run('delivery', 'update', { deliveryId: deliveries()[0].id, deliveryType: 'delivery', parcels: { parcel: [{ tracking_id: ' ' }] } }));
		expect(noTracking.message).toBe('A parcel has no Tracking ID');
	});
});
