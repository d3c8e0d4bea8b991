import { fieldsOf, type FieldGroup, type IpnField } from './fields';

/**
 * The catalogue of Digistore24 IPN events: the single source for the trigger's Events options,
 * the ipnSetup tokens, the normalizer, the output schema, the README table and the emulator.
 * Adding an event is one entry here.
 */
export interface IpnEvent {
	/** The `event` parameter Digistore24 sends. */
	value: string;
	/** Name in the editor's Events list. */
	name: string;
	/** Entry in the editor's node panel. */
	action: string;
	description: string;
	/** ipnSetup `categories` token this event needs. */
	category: 'orders' | 'affiliations' | 'etickets' | 'customforms';
	/** ipnSetup `transactions` token, for order events. */
	transaction?: string;
	/** Field groups its typed output carries. */
	groups: FieldGroup[];
}

const ORDER_GROUPS: FieldGroup[] = [
	'merchant',
	'connection',
	'order',
	'transaction',
	'billing',
	'amounts',
	'product',
	'buyer',
	'address',
	'affiliate',
	'tracking',
	'links',
	'upgrade',
	'coupon',
];

function orderEvent(value: string, name: string, action: string, transaction: string, description: string): IpnEvent {
	return { value, name, action, description, category: 'orders', transaction, groups: ORDER_GROUPS };
}

export const IPN_EVENTS: readonly IpnEvent[] = [
	orderEvent('on_payment', 'New Payment', 'On new payment', 'payment',
		'A payment succeeded: a first payment, every rebill or instalment, and a payment after a missed one'),
	orderEvent('on_refund', 'Refund', 'On refund', 'refund', 'A payment was refunded'),
	orderEvent('on_chargeback', 'Chargeback', 'On chargeback', 'chargeback', 'A payment was charged back by the buyer\'s bank or card'),
	orderEvent('on_payment_missed', 'Missed Payment', 'On missed payment', 'payment_missed',
		'A rebill or instalment failed after all retries, or rebilling was stopped (see billing.stopReason); reversible'),
	orderEvent('payment_denial', 'Payment Denied', 'On payment denied', 'payment_denial',
		'A payment was finally rejected after its last attempt'),
	orderEvent('on_rebill_cancelled', 'Rebilling Cancelled', 'On rebilling cancelled', 'rebill_cancelled',
		'Rebilling was stopped; access usually continues until the last paid day'),
	orderEvent('on_rebill_resumed', 'Rebilling Resumed', 'On rebilling resumed', 'rebill_resumed',
		'Rebilling was restarted (no payment implied)'),
	orderEvent('last_paid_day', 'Last Paid Day', 'On last paid day', 'last_paid_day',
		'The paid period of a cancelled, refunded or unpaid subscription is over: revoke access now'),
	{
		value: 'on_affiliation',
		name: 'Affiliate Approved',
		action: 'On affiliate approved',
		description: 'An affiliate was approved to promote one of your products',
		category: 'affiliations',
		groups: ['merchant', 'connection', 'product', 'affiliate', 'affiliateContact', 'address'],
	},
	{
		value: 'eticket',
		name: 'New E-Ticket',
		action: 'On new e-ticket',
		description: 'An e-ticket was created or updated (may arrive after the order and more than once)',
		category: 'etickets',
		groups: ['merchant', 'connection', 'eticket', 'order', 'product', 'buyer', 'address'],
	},
	{
		value: 'custom_form',
		name: 'Custom Form Completed',
		action: 'On custom form completed',
		description: 'A buyer filled in the additional input fields (custom forms) of an order',
		category: 'customforms',
		groups: ['merchant', 'connection', 'customForm', 'order', 'product', 'buyer'],
	},
];

/** Events Digistore24 may send that map onto a catalogue entry rather than being selectable. */
export const EVENT_ALIASES: Readonly<Record<string, string>> = {
	// Some accounts send the first payment of a subscription under this name.
	on_payment_subscription_signup: 'on_payment',
};

/** Digistore24's "Test connection" button and setup probe. Answered `OK`, run only on request. */
export const CONNECTION_TEST: IpnEvent = {
	value: 'connection_test',
	name: 'Connection Test',
	action: 'On connection test',
	description: 'Digistore24\'s "Test connection" button',
	category: 'orders',
	groups: ['merchant', 'connectionTest'],
};

const BY_VALUE = new Map<string, IpnEvent>(
	[...IPN_EVENTS, CONNECTION_TEST].map((event) => [event.value, event]),
);
const FIELDS_BY_EVENT = new Map<string, IpnField[]>(
	[...BY_VALUE.values()].map((event) => [event.value, fieldsOf(event.groups)]),
);

/** The catalogue entry for an incoming `event` value, following aliases; undefined when unknown. */
export function findEvent(value: string | undefined): IpnEvent | undefined {
	if (value === undefined) return undefined;
	return BY_VALUE.get(EVENT_ALIASES[value] ?? value);
}

export function fieldsForEvent(event: IpnEvent): IpnField[] {
	return FIELDS_BY_EVENT.get(event.value) ?? fieldsOf(event.groups);
}

/** ipnSetup's `categories` and `transactions` for a selection of events. */
export function setupTokens(selected: readonly string[]): { categories: string; transactions: string } {
	const events = IPN_EVENTS.filter((event) => selected.includes(event.value));
	const unique = (values: Array<string | undefined>) => [...new Set(values.filter((v): v is string => !!v))].join(',');
	return {
		categories: unique(events.map((event) => event.category)),
		transactions: unique(events.map((event) => event.transaction)),
	};
}
