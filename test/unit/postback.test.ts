import { POSTBACK_EVENTS } from '../../nodes/Digistore24/postback/events';
import { postbackUrlNotice, queryFromNotice } from '../../nodes/Digistore24/postback/notice';
import { isUnreplaced, PLACEHOLDERS, placeholdersFor, queryTemplate, TOKEN_SLOT } from '../../nodes/Digistore24/postback/placeholders';
import { decidePostback, type PostbackSettings } from '../../nodes/Digistore24/postback/receive';
import { postbackOutputSchema } from '../../nodes/Digistore24/postback/schema';
import { checkToken } from '../../nodes/Digistore24/postback/token';
import { createDeduplicator } from '../../nodes/Digistore24/ipn/dedupe';
import { fillPlaceholders, postbackValues, type PostbackKind } from '../emulator/postback';

const TOKEN = 'unit-test-token-0123456789';
const ALL = POSTBACK_EVENTS.map((event) => event.value);
const schema = postbackOutputSchema();

function settings(extra: Partial<PostbackSettings> = {}): PostbackSettings {
	return { token: TOKEN, events: ALL, productIds: [], includeTests: false, rawOnly: false, ...extra };
}

/** The URL Digistore24 requests for the query string the node shows, filled like the emulator fills it. */
function filled(role: 'affiliate' | 'vendor', kind: PostbackKind, overrides: Record<string, string> = {}, template = queryTemplate(role)) {
	const values = postbackValues({ role, kind, seq: 3, now: new Date('2026-11-25T12:00:00Z'), overrides });
	return { url: `/webhook/abc/postback${fillPlaceholders(template.replace(TOKEN_SLOT, TOKEN), values)}`, values };
}

const get = (url: string) => ({ url, body: '', contentType: '' });

describe('placeholder catalogue and the URL the node shows', () => {
	it('gives each role every one of its placeholders once, with the token slot and the role first', () => {
		for (const role of ['affiliate', 'vendor'] as const) {
			const query = queryTemplate(role);
			expect(query.startsWith(`?token=${TOKEN_SLOT}&postback=${role}&`)).toBe(true);
			for (const p of placeholdersFor(role)) expect(query).toContain(`&${p.name}={${p.name}}`);
			expect(queryFromNotice(postbackUrlNotice(role))).toBe(query);
			expect(postbackUrlNotice(role)).not.toMatch(/&(?!amp;)/); // rendered as HTML by n8n
		}
		expect(queryTemplate('affiliate')).not.toContain('{email}');
		expect(queryTemplate('vendor')).toContain('email={email}');
		expect(new Set(PLACEHOLDERS.map((p) => p.name)).size).toBe(PLACEHOLDERS.length);
	});

	it('recognises a placeholder left as written', () => {
		expect([isUnreplaced('{cid}'), isUnreplaced('{sid_1}'), isUnreplaced('{}'), isUnreplaced('a{cid}'), isUnreplaced('{ci d}'), isUnreplaced('x')]).toEqual([true, true, false, false, false, false]);
	});
});

describe('token', () => {
	it('accepts only the configured token, and nothing when none (or a short one) is configured', () => {
		expect(checkToken(TOKEN, TOKEN)).toBe('valid');
		expect(checkToken(`${TOKEN}x`, TOKEN)).toBe('wrong');
		expect(checkToken(TOKEN.slice(0, -1), TOKEN)).toBe('wrong');
		expect(checkToken(undefined, TOKEN)).toBe('missing');
		expect(checkToken('', TOKEN)).toBe('missing');
		expect(checkToken('', '')).toBe('no-token-configured');
		expect(checkToken('short', 'short')).toBe('token-too-short');
	});

	it('compares with the current token after the credential changed (the expected digest is remembered per token)', () => {
		const next = `${TOKEN}-rotated`;
		expect(checkToken(TOKEN, TOKEN)).toBe('valid');
		expect(checkToken(TOKEN, next)).toBe('wrong');
		expect(checkToken(next, next)).toBe('valid');
		expect(checkToken(next, TOKEN)).toBe('wrong');
	});

	it('refuses with 403 before looking at anything else, and never puts the token into the item', () => {
		const { url } = filled('affiliate', 'sale');
		expect(decidePostback(get(url.replace(TOKEN, 'wrong-token-0123456789')), settings())).toMatchObject({ run: false, status: 403, body: 'Forbidden' });
		expect(decidePostback(get(url.replace(`token=${TOKEN}&`, '')), settings())).toMatchObject({ run: false, status: 403 });
		expect(decidePostback(get(`${url.replace(TOKEN, 'x')}&bad=%E0%A4%A`), settings())).toMatchObject({ status: 403 });
		expect(decidePostback(get(url), settings({ token: undefined }))).toMatchObject({ status: 403 });
		const ok = decidePostback(get(url), settings());
		expect(ok.run).toBe(true);
		expect(JSON.stringify(ok)).not.toContain(TOKEN);
	});
});

describe('decidePostback', () => {
	it('types an affiliate sale: tracking grouped, amounts numbers with currency, isTest, ISO time, raw', () => {
		const { url, values } = filled('affiliate', 'sale');
		const decision = decidePostback(get(url), settings());
		if (!decision.run) throw new Error(decision.reason);
		const item = decision.item as Record<string, any>;
		expect(schema.safeParse(item).error?.issues ?? []).toEqual([]);
		expect(item).toMatchObject({
			source: 'postback',
			event: 'affiliate_sale',
			eventName: 'Affiliate Sale',
			role: 'affiliate',
			isTest: false,
			isRepeat: false,
			occurredAt: '2026-11-25T12:00:00.000Z',
			tracking: { cid: values.cid, sid1: 'facebook', sid2: values.sid2, sid3: 'video-a', campaignKey: 'spring-campaign' },
			amounts: { affiliate: Number(values.amount_affiliate), gross: Number(values.amount_brutto), net: Number(values.amount_netto), currency: 'EUR' },
			transaction: { id: values.transaction_id, type: 'payment' },
			order: { type: 'initial_sale', upsellNo: 0 },
			product: { id: values.product_id },
			merchant: { id: values.merchant_id },
			affiliate: { name: values.affiliate_name },
		});
		expect(item.tracking.sid4).toBeUndefined(); // empty: nothing to type
		expect(item.amounts.affiliate).toBeGreaterThan(0);
		expect(item.raw.cid).toBe(values.cid);
		expect(item.raw.token).toBeUndefined();
		expect(item.warnings).toBeUndefined();
	});

	it('maps upsell, refund and chargeback to their events; vendor postbacks carry the buyer', () => {
		const event = (role: 'affiliate' | 'vendor', kind: PostbackKind) => {
			const d = decidePostback(get(filled(role, kind).url), settings());
			return d.run ? [d.item.event, (d.item.order as Record<string, unknown>)?.type] : d.reason;
		};
		expect(event('affiliate', 'upsell')).toEqual(['affiliate_sale', 'upsell']);
		expect(event('affiliate', 'refund')).toEqual(['affiliate_reversal', 'initial_sale']);
		expect(event('affiliate', 'chargeback')).toEqual(['affiliate_reversal', 'initial_sale']);
		expect(event('vendor', 'sale')).toEqual(['vendor_sale', 'initial_sale']);
		expect(event('vendor', 'refund')).toEqual(['vendor_reversal', 'initial_sale']);
		const vendor = decidePostback(get(filled('vendor', 'sale').url), settings());
		expect(vendor.run && (vendor.item.buyer as Record<string, unknown>).email).toMatch(/@/);
		expect(vendor.run && schema.safeParse(vendor.item).success).toBe(true);
	});

	it('empties a placeholder Digistore24 left unreplaced and lists it under warnings', () => {
		// An affiliate connection has no buyer data: {email} in its URL stays as written.
		const template = `${queryTemplate('affiliate')}&email={email}&custom={whatever}`;
		const { url } = filled('affiliate', 'sale', { cid: '{cid}' }, template);
		const decision = decidePostback(get(url), settings());
		if (!decision.run) throw new Error(decision.reason);
		const item = decision.item as Record<string, any>;
		expect(item.warnings.unreplacedPlaceholders.sort()).toEqual(['cid', 'custom', 'email']);
		expect(item.tracking.cid).toBeUndefined();
		expect(item.buyer).toBeUndefined();
		expect([item.raw.cid, item.raw.email, item.raw.custom]).toEqual(['', '', '']);
		expect(JSON.stringify(item)).not.toContain('{cid}');
		expect(schema.safeParse(item).success).toBe(true);
	});

	it('keeps what it cannot type under raw and says so; a repeated parameter keeps its first value', () => {
		const { url } = filled('affiliate', 'sale', { amount_brutto: '49,00' });
		const decision = decidePostback(get(`${url}&cid=second`), settings());
		if (!decision.run) throw new Error(decision.reason);
		const item = decision.item as Record<string, any>;
		expect(item.amounts.gross).toBeUndefined();
		expect(item.raw.amount_brutto).toBe('49,00');
		expect(item.warnings).toMatchObject({ unreadableValues: ['amount_brutto'], repeatedParameters: ['cid'] });
		expect(item.tracking.cid).not.toBe('second');
	});

	it('filters by event and product, answering OK without a run', () => {
		const { url, values } = filled('affiliate', 'refund');
		expect(decidePostback(get(url), settings({ events: ['affiliate_sale'] }))).toMatchObject({ run: false, status: 200, body: 'OK' });
		expect(decidePostback(get(url), settings({ events: ['vendor_reversal'] }))).toMatchObject({ run: false, status: 200 });
		expect(decidePostback(get(url), settings({ productIds: ['1'] }))).toMatchObject({ run: false, status: 200, reason: `product ${values.product_id} not selected` });
		expect(decidePostback(get(url), settings({ productIds: [values.product_id] })).run).toBe(true);
		// No {product_id} in the URL: the filter cannot apply, so the postback runs and says so.
		const noProduct = decidePostback(get(url.replace(/&product_id=[^&]*/, '')), settings({ productIds: ['1'] }));
		expect(noProduct.run && noProduct.item.warnings).toEqual({ filtersNotApplied: ['productIds: the postback has no product_id'] });
	});

	it('answers test postbacks OK without a run unless asked, and runs them marked isTest when asked', () => {
		const values = postbackValues({ role: 'affiliate', kind: 'sale', test: true });
		const url = `/x${fillPlaceholders(queryTemplate('affiliate').replace(TOKEN_SLOT, TOKEN), values)}`;
		expect(decidePostback(get(url), settings())).toMatchObject({ run: false, status: 200, body: 'OK' });
		const included = decidePostback(get(url), settings({ includeTests: true }));
		expect(included.run && included.item.isTest).toBe(true);
		expect(decidePostback(get(url.replace('is_test=Y', 'is_test=1')), settings())).toMatchObject({ run: false });
	});

	it('runs every repeat and marks the exact ones (a new {random} does not make a postback new)', () => {
		const memory = createDeduplicator(`postback:unit:${Math.random()}`, []);
		const { url } = filled('affiliate', 'sale');
		const runs = [url, url.replace(/random=\d+/, 'random=42'), url.replace(/transaction_id=\d+/, 'transaction_id=1')].map((u) => decidePostback(get(u), settings({ memory })));
		expect(runs.map((d) => d.run && d.item.isRepeat)).toEqual([false, true, false]);
	});

	it('reads POST bodies (form and JSON) besides the query, and a URL without postback= as either role', () => {
		const { url, values } = filled('affiliate', 'sale');
		const [path, query] = url.split('?');
		const params = new URLSearchParams(query);
		const token = `token=${TOKEN}`;
		const form = decidePostback({ url: `${path}?${token}`, body: query.replace(`${token}&`, ''), contentType: 'application/x-www-form-urlencoded' }, settings());
		expect(form.run && (form.item.tracking as Record<string, unknown>).cid).toBe(values.cid);
		const json = decidePostback({ url: `${path}?${token}`, body: JSON.stringify({ ...Object.fromEntries(params), token: undefined, upsell_no: 0 }), contentType: 'application/json' }, settings());
		expect(json.run && json.item.event).toBe('affiliate_sale');
		expect(decidePostback({ url: `${path}?${token}`, body: '{not json', contentType: 'application/json' }, settings())).toMatchObject({ status: 400 });
		const noRole = decidePostback(get(url.replace('&postback=affiliate', '')), settings({ events: ['vendor_sale'] }));
		expect(noRole.run && [noRole.item.event, noRole.item.warnings]).toEqual(['vendor_sale', { unknownConnection: true }]);
	});

	it('runs an unknown transaction type as "other" (selected) and keeps raw-only output raw', () => {
		const { url } = filled('vendor', 'sale', { transaction_type: 'payment_missed' });
		expect(decidePostback(get(url), settings({ events: ['vendor_sale'] }))).toMatchObject({ run: false, status: 200 });
		const other = decidePostback(get(url), settings({ rawOnly: true }));
		expect(other.run && other.item).toMatchObject({ event: 'other', source: 'postback', raw: { transaction_type: 'payment_missed' } });
		expect(other.run && other.item.amounts).toBeUndefined();
	});
});
