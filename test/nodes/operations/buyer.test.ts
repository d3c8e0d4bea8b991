import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { failure, READ_ONLY_KEY, useEmulator } from './helpers';

const h = useEmulator(2345);
const buyers = () => h.emulator.state.data.buyers;

describe('Buyer → Get (getBuyer)', () => {
	it('returns the buyer record', async () => {
		const buyer = buyers()[3];
		const out = await h.run('buyer', 'get', { buyerId: buyer.id });
		expect(h.calls()).toEqual([expect.objectContaining({ function: 'getBuyer', params: { buyer_id: buyer.id, language: 'en' } })]);
		expect(out.map((item) => item.json)).toEqual([expect.objectContaining({ id: buyer.id, email: buyer.person.email, city: buyer.person.place.city })]);
	});

	it('an unknown buyer fails with Digistore24 message', async () => {
		const error = await failure(h.run('buyer', 'get', { buyerId: '1' }));
		expect(error.message).toBe('Digistore24 getBuyer: Buyer not found: 1 (code 4)');
	});
});

describe('Buyer → Get Many (listBuyers)', () => {
	it('Return All pages through every buyer once', async () => {
		const out = await h.run('buyer', 'getMany', { returnAll: true });
		const total = buyers().length;
		expect(total).toBeGreaterThan(1000);
		expect(h.calls().map((c) => [c.function, c.params])).toEqual(
			Array.from({ length: Math.ceil(total / 1000) }, (_, i) => ['listBuyers', { page_no: String(i + 1), page_size: '1000', language: 'en' }]),
		);
		expect(out.map((item) => item.json.id)).toEqual(buyers().map((b) => b.id));
	});

	it('Limit asks for one page of that size', async () => {
		const out = await h.run('buyer', 'getMany', { limit: 5 });
		expect(h.calls().map((c) => c.params)).toEqual([{ page_no: '1', page_size: '5', language: 'en' }]);
		expect(out.map((item) => item.json.id)).toEqual(buyers().slice(0, 5).map((b) => b.id));
	});
});

describe('Buyer → Update (updateBuyer)', () => {
	it('sends the fields as data[...] and the change shows up in the buyer and their purchases', async () => {
		const purchase = h.emulator.state.data.purchases[20];
		const buyer = purchase.buyer;
		const [out] = await h.run('buyer', 'update', {
			buyerId: buyer.id,
			updateFields: { email: 'new.address@example.com', city: 'Köln', company: 'Neu GmbH', phone_number: '+49 221 123456', salutation: '' },
		});
		expect(h.calls()[0]).toMatchObject({
			function: 'updateBuyer',
			params: { buyer_id: buyer.id, data: { email: 'new.address@example.com', city: 'Köln', company: 'Neu GmbH', phone_number: '+49 221 123456', salutation: '' }, language: 'en' },
		});
		expect(out.json).toMatchObject({ modified: true, buyer: { id: buyer.id, email: 'new.address@example.com', city: 'Köln', company: 'Neu GmbH', phone_no: '+49 221 123456', salutation: '' } });

		const [again] = await h.run('buyer', 'get', { buyerId: buyer.id });
		expect(again.json).toMatchObject({ email: 'new.address@example.com', city: 'Köln' });
		const [view] = await h.run('purchase', 'get', { purchaseId: purchase.id });
		expect(view.json.buyer).toMatchObject({ email: 'new.address@example.com' });
	});

	it('with no field to update fails before calling Digistore24', async () => {
		const error = await failure(h.run('buyer', 'update', { buyerId: buyers()[0].id, updateFields: {} }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Nothing to update');
		expect(h.calls()).toHaveLength(0);
	});

	it('with a read-only key fails with an error that names full access', async () => {
		const error = await failure(h.run('buyer', 'update', { buyerId: buyers()[0].id, updateFields: { city: 'Bonn' } }, { key: READ_ONLY_KEY }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.description).toMatch(/full access/);
		expect(buyers()[0].person.place.city).not.toBe('Bonn');
	});
});
