import { berlinDateTime, parseDateParam } from '../clock';
import { apiErrors } from '../errors';
import type { Voucher } from '../data/everyday';
import { formatCents } from '../data/money';
import { PRODUCTS } from '../data/products';
import { list, object, text } from './params';
import type { CallContext, FunctionTable } from './types';

/**
 * Voucher (discount) codes. createVoucher takes its settings as `data[...]` (Digistore24's
 * OpenAPI via its MCP server); updateVoucher names the voucher with `code` and takes the changes
 * as `data[...]` too. Codes are unique, ignoring case. validateCouponCode only reads.
 */
export const voucherFunctions: FunctionTable = {
	listVouchers: {
		writes: false,
		handler: ({ state }) => ({ coupons: state.data.vouchers.map(voucherView) }),
	},
	getVoucher: {
		writes: false,
		params: ['code'],
		required: ['code'],
		handler: (ctx) => ({ coupon: voucherView(findVoucher(ctx)) }),
	},
	createVoucher: {
		writes: true,
		params: ['data'],
		required: ['data'],
		handler: (ctx) => {
			const data = object(ctx.params, 'data');
			const code = data.code?.trim();
			if (!code) throw apiErrors.missingParameter(ctx.fn, 'data[code]');
			if (!/^[A-Za-z0-9_-]{3,40}$/.test(code)) throw apiErrors.invalidParameter('data[code]', code, '3 to 40 letters, digits, - or _');
			if (lookup(ctx, code)) throw apiErrors.invalidParameter('data[code]', code, 'a code that does not exist yet');
			const voucher: Voucher = {
				id: String(ctx.state.data.nextIds.voucher++),
				code,
				product_ids: [],
				first_rate: 0,
				other_rates: 0,
				first_amount: 0,
				other_amounts: 0,
				currency: 'EUR',
				is_count_limited: false,
				count_left: 1,
				upgrade_policy: 'valid',
				created: ctx.now,
				modified: ctx.now,
			};
			apply(ctx, voucher, data);
			if (voucher.first_rate + voucher.other_rates + voucher.first_amount + voucher.other_amounts === 0) {
				throw apiErrors.invalidParameter('data', 'no discount', 'a rate or an amount greater than 0');
			}
			ctx.state.data.vouchers.push(voucher);
			return { discount_code_id: voucher.id, code: voucher.code };
		},
	},
	updateVoucher: {
		writes: true,
		params: ['code', 'data'],
		required: ['code', 'data'],
		handler: (ctx) => {
			const voucher = findVoucher(ctx);
			const data = object(ctx.params, 'data');
			const rename = data.code?.trim();
			if (rename && rename.toLowerCase() !== voucher.code.toLowerCase() && lookup(ctx, rename)) throw apiErrors.invalidParameter('data[code]', rename, 'a code that does not exist yet');
			apply(ctx, voucher, data);
			if (rename) voucher.code = rename;
			voucher.modified = ctx.now;
			return { modified: 'Y', coupon: voucherView(voucher) };
		},
	},
	deleteVoucher: {
		writes: true,
		params: ['code'],
		required: ['code'],
		handler: (ctx) => {
			const voucher = findVoucher(ctx);
			ctx.state.data.vouchers.splice(ctx.state.data.vouchers.indexOf(voucher), 1);
			return { modified: 'Y' };
		},
	},
	validateCouponCode: {
		writes: false,
		params: ['code'],
		required: ['code'],
		handler: (ctx) => {
			const raw = text(ctx.params, 'code')!.trim();
			const voucher = lookup(ctx, raw);
			if (!voucher) return { status: 'unknown', is_valid: 'N', code: raw, msg: `There is no voucher code ${raw}.` };
			const status = statusOf(voucher, ctx.now);
			const messages: Record<string, string> = {
				valid: 'The voucher code is valid.',
				not_yet_valid: 'The voucher code is not valid yet.',
				expired: 'The voucher code has expired.',
				used_up: 'The voucher code has been used up.',
			};
			return { status, is_valid: status === 'valid' ? 'Y' : 'N', msg: messages[status], coupon: voucherView(voucher) };
		},
	},
};

function lookup({ state }: CallContext, codeOrId: string): Voucher | undefined {
	const wanted = codeOrId.trim().toLowerCase();
	return state.data.vouchers.find((v) => v.code.toLowerCase() === wanted || v.id === wanted);
}

function findVoucher(ctx: CallContext): Voucher {
	const code = text(ctx.params, 'code')!.trim();
	const voucher = lookup(ctx, code);
	if (!voucher) throw apiErrors.notFound('Voucher', code);
	return voucher;
}

function statusOf(v: Voucher, now: Date): 'valid' | 'not_yet_valid' | 'expired' | 'used_up' {
	if (v.valid_from && v.valid_from.getTime() > now.getTime()) return 'not_yet_valid';
	if (v.expires_at && v.expires_at.getTime() <= now.getTime()) return 'expired';
	if (v.is_count_limited && v.count_left <= 0) return 'used_up';
	return 'valid';
}

/** Applies `data[...]` settings, checking each the way Digistore24's form does. */
function apply(ctx: CallContext, v: Voucher, data: Record<string, string>): void {
	const number = (key: string, max?: number) => {
		const raw = data[key].trim();
		const value = Number(raw);
		if (raw === '' || !Number.isFinite(value) || value < 0 || (max !== undefined && value > max)) throw apiErrors.invalidParameter(`data[${key}]`, raw, max !== undefined ? `a number from 0 to ${max}` : 'a number >= 0');
		return value;
	};
	const date = (key: string) => {
		const raw = data[key].trim();
		if (raw === '') return undefined;
		const parsed = parseDateParam(raw, ctx.now, ctx.state.data.accountStart, 'from');
		if (!parsed) throw apiErrors.invalidParameter(`data[${key}]`, raw, 'expected YYYY-MM-DD[ HH:MM:SS] or ISO 8601');
		return parsed;
	};
	for (const key of Object.keys(data)) {
		if (key === 'first_rate' || key === 'other_rates') v[key] = number(key, 100);
		else if (key === 'first_amount' || key === 'other_amounts') v[key] = Math.round(number(key) * 100);
		else if (key === 'count_left') v.count_left = Math.floor(number(key));
		else if (key === 'is_count_limited') v.is_count_limited = ['y', '1', 'true'].includes(data[key].trim().toLowerCase());
		else if (key === 'currency') v.currency = data[key].trim().toUpperCase();
		else if (key === 'valid_from' || key === 'expires_at') v[key] = date(key);
		else if (key === 'upgrade_policy') {
			const policy = data[key].trim();
			if (!['valid', 'other_only', 'not_valid'].includes(policy)) throw apiErrors.invalidParameter('data[upgrade_policy]', policy, 'expected valid, other_only or not_valid');
			v.upgrade_policy = policy as Voucher['upgrade_policy'];
		} else if (key === 'product_ids') {
			const ids = list(data[key]);
			if (ids.includes('all')) v.product_ids = [];
			else {
				const unknown = ids.find((id) => !PRODUCTS.some((p) => p.id === id));
				if (unknown) throw apiErrors.invalidParameter('data[product_ids]', data[key], `product ${unknown} is not one of your products`);
				v.product_ids = ids;
			}
		}
	}
}

function voucherView(v: Voucher) {
	return {
		id: v.id,
		code: v.code,
		product_ids: v.product_ids.length ? v.product_ids.join(',') : 'all',
		valid_from: v.valid_from ? berlinDateTime(v.valid_from) : '',
		expires_at: v.expires_at ? berlinDateTime(v.expires_at) : '',
		first_rate: v.first_rate.toFixed(2),
		other_rates: v.other_rates.toFixed(2),
		first_amount: formatCents(v.first_amount),
		other_amounts: formatCents(v.other_amounts),
		currency: v.currency,
		is_count_limited: v.is_count_limited ? 'Y' : 'N',
		count_left: v.is_count_limited ? String(v.count_left) : '',
		upgrade_policy: v.upgrade_policy,
		created_at: berlinDateTime(v.created),
		modified_at: berlinDateTime(v.modified),
	};
}
