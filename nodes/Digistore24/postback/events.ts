import type { PostbackRole } from './placeholders';

/**
 * What a postback means, for the trigger's Events options (each one an entry in the node panel),
 * its filter and the README. A postback carries no event name: the connection it came through
 * (`postback=affiliate|vendor` in the URL) and `{transaction_type}` tell what happened.
 */
export interface PostbackEvent {
	value: string;
	name: string;
	/** Entry in the editor's node panel. */
	action: string;
	description: string;
	/** The connection kind it comes from; undefined: either. */
	role?: PostbackRole;
	/** The `transaction_type` values it covers; undefined: every other value (and none). */
	transactionTypes?: readonly string[];
}

const SALE = ['payment'];
const REVERSAL = ['refund', 'chargeback'];

export const POSTBACK_EVENTS: readonly PostbackEvent[] = [
	{ value: 'affiliate_sale', name: 'Affiliate Sale', action: 'On affiliate sale', role: 'affiliate', transactionTypes: SALE,
		description: 'A sale you referred was paid: first sales, upsells and rebills (affiliate S2S postback)' },
	{ value: 'affiliate_reversal', name: 'Affiliate Refund or Chargeback', action: 'On affiliate refund / chargeback', role: 'affiliate', transactionTypes: REVERSAL,
		description: 'A sale you referred was refunded or charged back (affiliate S2S postback)' },
	{ value: 'vendor_sale', name: 'Vendor Sale', action: 'On vendor sale postback', role: 'vendor', transactionTypes: SALE,
		description: 'One of your products was paid: first sales, upsells and rebills (vendor S2S postback)' },
	{ value: 'vendor_reversal', name: 'Vendor Refund or Chargeback', action: 'On vendor refund / chargeback postback', role: 'vendor', transactionTypes: REVERSAL,
		description: 'A sale of one of your products was refunded or charged back (vendor S2S postback)' },
	{ value: 'other', name: 'Other Postback', action: 'On other postback',
		description: 'Any other transaction type, or a postback URL without {transaction_type} (affiliate or vendor)' },
];

const KNOWN_TYPES = new Set([...SALE, ...REVERSAL]);

/**
 * The event a postback is. `role` undefined (a URL without `postback=`): the sale or reversal event
 * of whichever role is selected, so a hand-made URL loses nothing.
 */
export function eventOf(role: PostbackRole | undefined, transactionType: string | undefined, selected: readonly string[]): PostbackEvent {
	const type = transactionType ?? '';
	const other = POSTBACK_EVENTS.find((event) => event.value === 'other')!;
	if (!KNOWN_TYPES.has(type)) return other;
	const candidates = POSTBACK_EVENTS.filter((event) => event.transactionTypes?.includes(type) && (role === undefined || event.role === role));
	return candidates.find((event) => selected.includes(event.value)) ?? candidates[0];
}
