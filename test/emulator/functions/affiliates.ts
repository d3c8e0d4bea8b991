import { berlinDateTime } from '../clock';
import { apiErrors } from '../errors';
import type { Affiliate } from '../data/extras';
import { PRODUCTS } from '../data/products';
import { list, text } from './params';
import type { CallContext, FunctionTable } from './types';

/**
 * The account's affiliates: their commission per product, whether an affiliation exists
 * (validateAffiliate, what the order form shows) and affiliates assigned to future buyers'
 * e-mail addresses (setAffiliateForEmail, read back with getAffiliateForEmail).
 */
export const affiliateFunctions: FunctionTable = {
	getAffiliateCommission: {
		writes: false,
		params: ['affiliate_id', 'product_ids'],
		required: ['affiliate_id'],
		handler: (ctx) => {
			const affiliate = findAffiliate(ctx, text(ctx.params, 'affiliate_id')!, 'affiliate_id');
			const products = productsOf(text(ctx.params, 'product_ids'));
			return {
				affiliate_id: affiliate.id,
				affiliate_name: affiliate.name,
				commissions: products.map((product) => {
					const affiliation = affiliate.affiliations.get(product.id)!;
					return {
						product_id: product.id,
						product_name: product.name,
						commission_rate: affiliation.commission_rate.toFixed(2),
						commission_fix: affiliation.commission_fix.toFixed(2),
						commission_currency: product.currency,
						approval_status: affiliation.approval_status,
					};
				}),
			};
		},
	},
	validateAffiliate: {
		writes: false,
		params: ['affiliate_name', 'product_ids'],
		required: ['affiliate_name', 'product_ids'],
		handler: ({ params, state }) => {
			const name = text(params, 'affiliate_name')!.trim();
			const products = productsOf(text(params, 'product_ids'));
			const affiliate = lookup(state.data.affiliates, name);
			if (!affiliate) return { affiliate_name: name, affiliate_id: '', is_valid: 'N', status: 'unknown', msg: `There is no Digistore24 user ${name}.` };
			const statuses = products.map((p) => affiliate.affiliations.get(p.id)!.approval_status);
			const status = statuses.every((s) => s === 'approved') ? 'approved' : (statuses.find((s) => s !== 'approved') ?? 'approved');
			const valid = status === 'approved';
			return {
				affiliate_name: affiliate.name,
				affiliate_id: affiliate.id,
				is_valid: valid ? 'Y' : 'N',
				status,
				msg: valid ? `Sold via ${affiliate.name}` : `${affiliate.name} is not approved for ${products.filter((_p, i) => statuses[i] !== 'approved').map((p) => p.id).join(', ')} (${status}).`,
			};
		},
	},
	setAffiliateForEmail: {
		writes: true,
		params: ['email', 'affiliate', 'campaignkey', 'trackingkey', 'click_id'],
		required: ['email', 'affiliate'],
		handler: (ctx) => {
			const email = text(ctx.params, 'email')!.trim();
			if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw apiErrors.invalidParameter('email', email, 'expected an email address');
			const affiliate = findAffiliate(ctx, text(ctx.params, 'affiliate')!, 'affiliate');
			const previous = ctx.state.data.affiliateEmails.get(email.toLowerCase());
			const assignment = {
				email,
				affiliate,
				campaignkey: text(ctx.params, 'campaignkey')?.trim() ?? '',
				trackingkey: text(ctx.params, 'trackingkey')?.trim() ?? '',
				click_id: text(ctx.params, 'click_id')?.trim() ?? '',
				created: ctx.now,
			};
			ctx.state.data.affiliateEmails.set(email.toLowerCase(), assignment);
			return { modified: 'Y', ...assignmentView(assignment), previous_affiliate_name: previous?.affiliate.name ?? '' };
		},
	},
	getAffiliateForEmail: {
		writes: false,
		params: ['email'],
		required: ['email'],
		handler: ({ params, state }) => {
			const email = text(params, 'email')!.trim();
			const assignment = state.data.affiliateEmails.get(email.toLowerCase());
			return assignment ? assignmentView(assignment) : { email, affiliate_id: '', affiliate_name: '' };
		},
	},
	updateAffiliateCommission: {
		writes: true,
		params: ['affiliate_id', 'product_ids', 'commission_rate', 'commission_fix', 'commission_currency', 'approval_status'],
		required: ['affiliate_id', 'product_ids'],
		handler: (ctx) => {
			const affiliate = findAffiliate(ctx, text(ctx.params, 'affiliate_id')!, 'affiliate_id');
			const products = productsOf(text(ctx.params, 'product_ids'));
			const rate = optionalNumber(ctx, 'commission_rate', 100);
			const fix = optionalNumber(ctx, 'commission_fix');
			const status = text(ctx.params, 'approval_status')?.trim();
			if (status && !['new', 'approved', 'rejected', 'pending'].includes(status)) throw apiErrors.invalidParameter('approval_status', status, 'expected new, approved, rejected or pending');
			if (rate === undefined && fix === undefined && !status) throw apiErrors.missingParameter(ctx.fn, 'commission_rate, commission_fix or approval_status');
			for (const product of products) {
				// A missing affiliation is created, as Digistore24 documents.
				const affiliation = affiliate.affiliations.get(product.id) ?? { commission_rate: 30, commission_fix: 0, approval_status: 'approved' as const };
				if (rate !== undefined) affiliation.commission_rate = rate;
				if (fix !== undefined) affiliation.commission_fix = fix;
				// "new" is how a fresh request shows before review: pending here.
				if (status) affiliation.approval_status = status === 'new' ? 'pending' : (status as 'approved' | 'rejected' | 'pending');
				affiliate.affiliations.set(product.id, affiliation);
			}
			return {
				modified: 'Y',
				affiliate_id: affiliate.id,
				affiliate_name: affiliate.name,
				commissions: products.map((product) => {
					const a = affiliate.affiliations.get(product.id)!;
					return { product_id: product.id, product_name: product.name, commission_rate: a.commission_rate.toFixed(2), commission_fix: a.commission_fix.toFixed(2), commission_currency: text(ctx.params, 'commission_currency')?.trim() || product.currency, approval_status: a.approval_status };
				}),
			};
		},
	},
	getReferringAffiliate: {
		writes: false,
		params: ['affiliate_id'],
		required: ['affiliate_id'],
		handler: (ctx) => {
			const affiliate = findAffiliate(ctx, text(ctx.params, 'affiliate_id')!, 'affiliate_id');
			const referral = ctx.state.data.referrals.get(affiliate.id);
			return {
				affiliate_id: affiliate.id,
				affiliate_name: affiliate.name,
				referrer_id: referral?.referrer.id ?? '',
				referrer_name: referral?.referrer.name ?? '',
				commission: referral ? referral.commission.toFixed(2) : '',
				referred_at: referral ? berlinDateTime(referral.created) : '',
			};
		},
	},
	setReferringAffiliate: {
		writes: true,
		params: ['referrer_id', 'affiliate_id', 'commission'],
		required: ['referrer_id', 'affiliate_id'],
		handler: (ctx) => {
			const affiliate = findAffiliate(ctx, text(ctx.params, 'affiliate_id')!, 'affiliate_id');
			const referrer = findAffiliate(ctx, text(ctx.params, 'referrer_id')!, 'referrer_id');
			if (referrer.id === affiliate.id) throw apiErrors.invalidParameter('referrer_id', referrer.name, 'someone other than the affiliate');
			const commission = optionalNumber(ctx, 'commission', 100) ?? 10;
			const previous = ctx.state.data.referrals.get(affiliate.id);
			ctx.state.data.referrals.set(affiliate.id, { referrer, commission, created: ctx.now });
			return { modified: 'Y', affiliate_id: affiliate.id, referrer_id: referrer.id, referrer_name: referrer.name, commission: commission.toFixed(2), previous_referrer_name: previous?.referrer.name ?? '' };
		},
	},
};

function lookup(affiliates: readonly Affiliate[], key: string): Affiliate | undefined {
	const wanted = key.trim().toLowerCase();
	return affiliates.find((a) => a.id === wanted || a.name.toLowerCase() === wanted || a.email === wanted);
}

function findAffiliate({ state }: CallContext, key: string, param: string): Affiliate {
	const affiliate = lookup(state.data.affiliates, key);
	if (!affiliate) throw apiErrors.notFound('Affiliate', `${key.trim()} (${param})`);
	return affiliate;
}

/** `all` or a comma list of the account's own products. */
function productsOf(raw: string | undefined) {
	const ids = list(raw?.trim() || 'all');
	if (ids.includes('all')) return [...PRODUCTS];
	return ids.map((id) => {
		const product = PRODUCTS.find((p) => p.id === id);
		if (!product) throw apiErrors.invalidParameter('product_ids', raw ?? '', `product ${id} is not one of your products`);
		return product;
	});
}

function assignmentView(a: { email: string; affiliate: Affiliate; campaignkey: string; trackingkey: string; click_id: string; created: Date }) {
	return {
		email: a.email,
		affiliate_id: a.affiliate.id,
		affiliate_name: a.affiliate.name,
		campaignkey: a.campaignkey,
		trackingkey: a.trackingkey,
		click_id: a.click_id,
		assigned_at: berlinDateTime(a.created),
	};
}

function optionalNumber({ params }: CallContext, name: string, max?: number): number | undefined {
	const raw = text(params, name)?.trim();
	if (raw === undefined || raw === '') return undefined;
	const value = Number(raw);
	if (!Number.isFinite(value) || value < 0 || (max !== undefined && value > max)) throw apiErrors.invalidParameter(name, raw, max !== undefined ? `a number from 0 to ${max}` : 'a number >= 0');
	return value;
}
