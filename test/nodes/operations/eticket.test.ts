import { NodeApiError } from 'n8n-workflow';
import { failure, READ_ONLY_KEY, useEmulator } from './helpers';

const h = useEmulator(2345);
const tickets = () => h.emulator.state.data.etickets;
const unused = () => tickets().find((t) => !t.used_at && !t.is_blocked)!;

describe('E-ticket → Get Many / Get', () => {
	it('lists e-tickets with filters sent as search[...]', async () => {
		const out = await h.run('eticket', 'getMany', { returnAll: true, search: { location_id: '3101, 3102', is_used: false } });
		expect(h.calls()).toEqual([expect.objectContaining({ function: 'listEtickets', params: { search: { location_id: '3101,3102', is_used: 'N' }, language: 'en' } })]);
		const expected = tickets().filter((t) => ['3101', '3102'].includes(t.location_id) && !t.used_at);
		expect(expected.length).toBeGreaterThan(0);
		expect(out.map((item) => item.json.id)).toEqual(expected.map((t) => t.id));
		expect(out[0].json).toMatchObject({ is_blocked: expect.any(Boolean), used_at: '' });
	});

	it('filters by event date and buyer email, and Limit cuts the list', async () => {
		const ticket = tickets()[0];
		const out = await h.run('eticket', 'getMany', { limit: 1, search: { date: `${ticket.date}T00:00:00`, email: ticket.email } });
		expect(h.calls()[0].params).toEqual({ search: { date: ticket.date, email: ticket.email }, language: 'en' });
		expect(out.map((item) => item.json.id)).toEqual([ticket.id]);
	});

	it('gets one e-ticket as a flat item', async () => {
		const ticket = tickets()[1];
		const out = await h.run('eticket', 'get', { eticketId: ticket.id });
		expect(h.calls()[0]).toMatchObject({ function: 'getEticket', params: { eticket_id: ticket.id, language: 'en' } });
		expect(out.map((item) => item.json)).toEqual([expect.objectContaining({ id: ticket.id, location_id: ticket.location_id, email: ticket.email, is_blocked: ticket.is_blocked })]);
	});
});

describe('E-ticket → Create (createEticket)', () => {
	it('creates free e-tickets that can then be read', async () => {
		const out = await h.run('eticket', 'create', {
			productId: '512349',
			locationId: '3103',
			templateId: '4202',
			date: '2026-06-12T00:00:00',
			email: 'guest@example.com',
			additionalFields: { first_name: 'Gina', last_name: 'Gast', salutation: 'f', count: 2, days: 2, note: 'Speaker' },
		});
		expect(h.calls()[0]).toMatchObject({
			function: 'createEticket',
			params: {
				product_id: '512349',
				location_id: '3103',
				template_id: '4202',
				date: '2026-06-12',
				buyer: { email: 'guest@example.com', first_name: 'Gina', last_name: 'Gast', salutation: 'f' },
				count: '2',
				days: '2',
				note: 'Speaker',
				language: 'en',
			},
		});
		expect(out).toHaveLength(2);
		expect(out[0].json).toEqual({ id: expect.stringMatching(/^\d{20}$/), url: expect.stringMatching(/^https:\/\//), email: 'guest@example.com' });
		const [read] = await h.run('eticket', 'get', { eticketId: out[1].json.id as string });
		expect(read.json).toMatchObject({ location_id: '3103', template_id: '4202', date: '2026-06-12', duration: '2', first_name: 'Gina', no: '2', count: '2', note: 'Speaker' });
	});

	it('with a read-only key fails with an error that names full access', async () => {
		const error = await failure(h.run('eticket', 'create', { productId: '512349', locationId: '3101', templateId: '4201', date: '2026-06-12', email: 'a@example.com' }, { key: READ_ONLY_KEY }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.description).toMatch(/full access/);
	});
});

describe('E-ticket → Validate (validateEticket)', () => {
	it('a valid ticket is admitted and marked as used; validating it again says it was used', async () => {
		const ticket = unused();
		const parameters = { eticketId: ticket.id, locationId: `${ticket.location_id}, 3199`, templateId: '4201,4202', validateOptions: { date: `${ticket.date}T09:00:00` } };
		const [first] = await h.run('eticket', 'validate', parameters);
		expect(h.calls()[0]).toMatchObject({
			function: 'validateEticket',
			params: { eticket_id: ticket.id, location_id: `${ticket.location_id},3199`, template_id: '4201,4202', date: ticket.date, language: 'en' },
		});
		expect(first.json).toMatchObject({ status: 'valid', eticket_id: ticket.id, used_at: expect.any(String) });
		expect(ticket.used_at).toBeDefined();

		const [second] = await h.run('eticket', 'validate', parameters);
		expect(second.json).toMatchObject({ status: 'used', msg: expect.stringMatching(/already used/) });
		const [read] = await h.run('eticket', 'get', { eticketId: ticket.id });
		expect(read.json.used_at).toBe(first.json.used_at);
	});

	it('a ticket for another location is not admitted and stays unused', async () => {
		const ticket = unused();
		const [out] = await h.run('eticket', 'validate', { eticketId: ticket.id, locationId: '3199', templateId: ticket.template_id, validateOptions: { date: ticket.date } });
		expect(out.json).toMatchObject({ status: 'invalid', msg: expect.stringMatching(/Wrong location/) });
		expect(ticket.used_at).toBeUndefined();
	});

	it('needs full access, because it marks tickets as used', async () => {
		const ticket = unused();
		const error = await failure(h.run('eticket', 'validate', { eticketId: ticket.id, locationId: ticket.location_id, templateId: ticket.template_id }, { key: READ_ONLY_KEY }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.description).toMatch(/full access/);
		expect(ticket.used_at).toBeUndefined();
	});
});

describe('E-ticket → List Locations / List Templates', () => {
	it('lists one item per location and per template', async () => {
		const locations = await h.run('eticket', 'listLocations');
		const templates = await h.run('eticket', 'listTemplates');
		expect(h.calls().map((c) => [c.function, c.params])).toEqual([
			['listEticketLocations', { language: 'en' }],
			['listEticketTemplates', { language: 'en' }],
		]);
		expect(locations.map((item) => item.json.id)).toEqual(['3101', '3102', '3103']);
		expect(locations[0].json).toMatchObject({ name: 'Berlin Congress Center', is_active: true });
		expect(templates.map((item) => item.json.name)).toEqual(['Standard ticket', 'VIP ticket']);
	});
});
