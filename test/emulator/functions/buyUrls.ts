import { berlinDateTime, DAY_MS, parseDateParam } from '../clock';
import { apiErrors } from '../errors';
import type { BuyUrl } from '../data/extras';
import { PRODUCTS } from '../data/products';
import { object, text } from './params';
import type { FormObject } from '../form';
import type { CallContext, FunctionTable } from './types';

/**
 * Buy URLs: order form links with the buyer, price, tracking and pages set in advance
 * (createBuyUrl), listed by listBuyUrls and removed by deleteBuyUrl.
 */
const SECTIONS = {
	buyer: ['email', 'salutation', 'title', 'first_name', 'last_name', 'company', 'street', 'city', 'zipcode', 'state', 'country', 'phone_no', 'tax_id', 'readonly_keys', 'id'],
	payment_plan: ['first_amount', 'other_amounts', 'currency', 'number_of_installments', 'first_billing_interval', 'other_billing_intervals', 'test_interval', 'template', 'upgrade_order_id', 'upgrade_type', 'tax_mode'],
	tracking: ['custom', 'affiliate', 'affiliate_priority', 'campaignkey', 'trackingkey', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', 'click_id'],
	urls: ['thankyou_url', 'fallback_url', 'upgrade_error_url'],
	settings: ['orderform_id', 'img', 'affiliate_commission_rate', 'affiliate_commission_fix', 'voucher_code', 'voucher_1st_rate', 'voucher_oth_rates', 'voucher_1st_amount', 'voucher_oth_amounts', 'force_rebilling', 'pay_methods'],
} as const;
const CHOICES: Record<string, readonly string[]> = {
	'buyer[salutation]': ['M', 'F'],
	'buyer[readonly_keys]': ['all', 'email', 'email_and_name', 'none'],
	'payment_plan[upgrade_type]': ['upgrade', 'downgrade'],
	'payment_plan[tax_mode]': ['as_set', 'exclude', 'include'],
	'tracking[affiliate_priority]': ['email', 'as_set'],
};
const INTERVAL = /^\d+_(day|week|month|year)$/;
const AMOUNT = /^\d+(\.\d{1,2})?$/;

export const buyUrlFunctions: FunctionTable = {
	createBuyUrl: {
		writes: true,
		params: ['product_id', 'buyer', 'payment_plan', 'tracking', 'valid_until', 'urls', 'placeholders', 'settings', 'addons'],
		required: ['product_id'],
		handler: (ctx) => {
			const productId = text(ctx.params, 'product_id')!.trim();
			const product = PRODUCTS.find((p) => p.id === productId);
			if (!product) throw apiErrors.notFound('Product', productId);
			const sections = Object.fromEntries(Object.entries(SECTIONS).map(([name, keys]) => [name, section(ctx.params, name, keys)])) as Record<keyof typeof SECTIONS, Record<string, string>>;
			checkValues(sections);
			const validUntil = readValidUntil(ctx);
			const id = String(ctx.state.data.next.buyUrl++);
			const buyUrl: BuyUrl = {
				id,
				product,
				url: `https://www.digistore24.com/product/${product.id}?ds24bu=${id}`,
				created: ctx.now,
				valid_until: validUntil,
				...sections,
			};
			ctx.state.data.buyUrls.push(buyUrl);
			return { id, url: buyUrl.url, valid_until: validUntil ? berlinDateTime(validUntil) : 'forever', upgrade_status: sections.payment_plan.upgrade_order_id ? 'possible' : '' };
		},
	},
	listBuyUrls: {
		writes: false,
		handler: ({ state }) => ({ buyurls: state.data.buyUrls.map(buyUrlView) }),
	},
	deleteBuyUrl: {
		writes: true,
		params: ['id'],
		required: ['id'],
		handler: ({ params, state }) => {
			const id = text(params, 'id')!.trim();
			const index = state.data.buyUrls.findIndex((b) => b.id === id);
			if (index === -1) throw apiErrors.notFound('Buy URL', id);
			state.data.buyUrls.splice(index, 1);
			return { modified: 'Y' };
		},
	},
};

/** `buyer[...]` etc.: known keys only, like Digistore24's documented structures. */
function section(params: FormObject, name: string, keys: readonly string[]): Record<string, string> {
	const value = object(params, name);
	const unknown = Object.keys(value).find((key) => !keys.includes(key));
	if (unknown) throw apiErrors.invalidParameter(`${name}[${unknown}]`, value[unknown], `expected one of ${keys.join(', ')}`);
	return value;
}

function checkValues(sections: Record<string, Record<string, string>>): void {
	for (const [name, values] of Object.entries(sections)) {
		for (const [key, value] of Object.entries(values)) {
			const param = `${name}[${key}]`;
			const choices = CHOICES[param];
			if (choices && !choices.includes(value)) throw apiErrors.invalidParameter(param, value, `expected one of ${choices.join(', ')}`);
			if (/amount/.test(key) && name === 'payment_plan' && !AMOUNT.test(value)) throw apiErrors.invalidParameter(param, value, 'expected an amount like 19.99');
			if (/interval/.test(key) && !INTERVAL.test(value)) throw apiErrors.invalidParameter(param, value, 'expected an interval like 1_month, 14_day or 1_year');
		}
	}
	const email = sections.buyer.email;
	if (email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw apiErrors.invalidParameter('buyer[email]', email, 'expected an email address');
	const installments = sections.payment_plan.number_of_installments;
	if (installments !== undefined && !/^\d+$/.test(installments)) throw apiErrors.invalidParameter('payment_plan[number_of_installments]', installments, 'expected 0 (subscription), 1 (single payment) or more');
	const currency = sections.payment_plan.currency;
	if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) throw apiErrors.invalidParameter('payment_plan[currency]', currency, 'expected a three-letter currency code');
}

/** `forever`, a period like 24h / 7d / 2w, or a date; default 24 hours. */
function readValidUntil({ params, now, state }: CallContext): Date | undefined {
	const raw = text(params, 'valid_until')?.trim() || '24h';
	if (raw === 'forever') return undefined;
	const period = /^(\d+)\s*([hdw])$/.exec(raw);
	if (period) return new Date(now.getTime() + Number(period[1]) * { h: 3_600_000, d: DAY_MS, w: 7 * DAY_MS }[period[2] as 'h' | 'd' | 'w']);
	const date = parseDateParam(raw, now, state.data.accountStart, 'to');
	if (!date || date.getTime() <= now.getTime()) throw apiErrors.invalidParameter('valid_until', raw, 'expected forever, a period like 24h or 7d, or a future date');
	return date;
}

function buyUrlView(buyUrl: BuyUrl) {
	return {
		id: buyUrl.id,
		product_id: buyUrl.product.id,
		product_name: buyUrl.product.name,
		url: buyUrl.url,
		email: buyUrl.buyer.email ?? '',
		first_amount: buyUrl.payment_plan.first_amount ?? '',
		other_amounts: buyUrl.payment_plan.other_amounts ?? '',
		currency: buyUrl.payment_plan.currency ?? buyUrl.product.currency,
		valid_until: buyUrl.valid_until ? berlinDateTime(buyUrl.valid_until) : 'forever',
		created_at: berlinDateTime(buyUrl.created),
	};
}
