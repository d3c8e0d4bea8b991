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
