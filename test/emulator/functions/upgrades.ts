import { berlinDate, berlinDateTime } from '../clock';
import { apiErrors } from '../errors';
import type { Upgrade } from '../data/everyday';
import { splitAmount } from '../data/money';
import { addMonths, transaction, type Purchase } from '../data/seed';
import { list, text } from './params';
import { record } from './rebilling';
import type { CallContext, FunctionTable } from './types';

/**
 * Upgrades between products. createUpgradePurchase (full access) does what the buyer would do on
 * the upgrade order form: a new order for the target product, paid at once; the old order stops
 * billing and keeps access until its delivery_date, the date its next payment was due (now for a
 * single payment), as Digistore24's subscription guide describes.
 */
export const upgradeFunctions: FunctionTable = {
	listUpgrades: {
		writes: false,
		handler: ({ state }) => ({ upgrades: state.data.upgrades.map(upgradeView) }),
	},
	getUpgrade: {
		writes: false,
		params: ['upgrade_id', 'order_ids'],
		required: ['upgrade_id'],
		handler: (ctx) => {
			const upgrade = findUpgrade(ctx, text(ctx.params, 'upgrade_id')!);
			const orders = list(text(ctx.params, 'order_ids')).map((id) => {
				const purchase = ctx.state.data.purchaseById.get(id);
				const reason = !purchase ? 'unknown order' : purchase.product.id !== upgrade.from.id ? `order is for product ${purchase.product.id}` : purchase.billing_status === 'aborted' ? 'order is cancelled' : '';
				return { order_id: id, is_upgrade_possible: reason ? 'N' : 'Y', reason };
			});
			return { upgrade: upgradeView(upgrade), ...(orders.length ? { orders } : {}) };
		},
	},
	createUpgradePurchase: {
		writes: true,
		params: ['purchase_ids', 'upgrade_id', 'payment_plan_id', 'quantities'],
		required: ['purchase_ids', 'upgrade_id'],
		handler: (ctx) => {
			const upgrade = findUpgrade(ctx, text(ctx.params, 'upgrade_id')!);
			const ids = list(text(ctx.params, 'purchase_ids'));
			const old = ids.map((id) => ctx.state.data.purchaseById.get(id)).find((p): p is Purchase => !!p && p.product.id === upgrade.from.id && p.billing_status !== 'aborted');
			if (!old) throw apiErrors.invalidParameter('purchase_ids', ids.join(','), `an active order of product ${upgrade.from.id} (${upgrade.from.name})`);
			const plan = text(ctx.params, 'payment_plan_id')?.trim();
			const planId = String(Number(upgrade.to.id) * 10 + 1);
			if (plan && plan !== '1' && plan !== planId) throw apiErrors.notFound('Payment plan', plan);
			const created = upgradeOrder(ctx, old, upgrade);
			return {
				purchase_id: created.id,
				upgraded_purchase_id: old.id,
				upgrade_type: upgrade.type,
				delivery_date: berlinDate(old.delivery_date!),
				product_id: upgrade.to.id,
				billing_status: created.billing_status,
			};
		},
	},
};

function findUpgrade({ state }: CallContext, raw: string): Upgrade {
	// "NNN" or "NNN-AUTHKEY"; a wrong auth key is as good as an unknown id.
	const [id, key] = raw.trim().split('-');
	const upgrade = state.data.upgrades.find((u) => u.id === id && (key === undefined || key === u.auth_key));
	if (!upgrade) throw apiErrors.notFound('Upgrade', raw.trim());
	return upgrade;
}

function upgradeOrder(ctx: CallContext, old: Purchase, upgrade: Upgrade): Purchase {
	const { state, now } = ctx;
	const data = state.data;
	let id: string;
	do id = state.random.chars(8, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789');
	while (data.purchaseById.has(id));
	const product = upgrade.to;
	const purchase: Purchase = {
		id,
		created: now,
		product,
		buyer: old.buyer,
		role: 'vendor',
		affiliate_name: old.affiliate_name,
		pay_method: old.pay_method,
		vat_rate: old.vat_rate,
		split: splitAmount(product.price, old.vat_rate, old.affiliate_name ? 0.3 : 0),
		billing_status: product.billing_type === 'single_payment' ? 'completed' : 'paying',
		next_payment_at: product.billing_type === 'single_payment' ? undefined : addMonths(now, 1),
		transactions: [],
		upgraded_from: old,
	};
	const payment = transaction(purchase, 'payment', now, product.billing_type === 'single_payment' ? 0 : 1);
	payment.id = String(data.nextTransactionId++);
	purchase.transactions.push(payment);
	data.transactions.push(payment);
	data.purchases.push(purchase);
	data.purchaseById.set(id, purchase);
	// The old order ends: access until its paid period is over.
	const before = old.billing_status;
	old.delivery_date = old.next_payment_at ?? now;
	old.billing_status = 'aborted';
	old.stopped_at = now;
	old.next_payment_at = undefined;
	if (old.product.billing_type !== 'single_payment' && before === 'paying') record(data, now, old, 'stopped', before, 'aborted', 'upgraded');
	return purchase;
}

function upgradeView(u: Upgrade) {
	return {
		id: u.id,
		auth_key: u.auth_key,
		name: u.name,
		type: u.type,
		from_product_id: u.from.id,
		from_product_name: u.from.name,
		to_product_id: u.to.id,
		to_product_name: u.to.name,
		upgrade_url: `https://www.digistore24.com/upgrade/${u.id}-${u.auth_key}`,
		created_at: berlinDateTime(u.created),
	};
}
