import { findEvent, type IpnEvent } from '../ipn/events';

/**
 * What the Digistore24 Polling Trigger can watch, and where each event comes from. Each event
 * carries the IPN catalogue entry of the same notification, so a polled item has the IPN
 * trigger's shape (same `event`, `eventName` and field groups); `missing` says which of the IPN's
 * facts the API row does not carry (README and the Events option list it).
 */
export type PollSource = 'transactions' | 'rebillingChanges';

export interface PollEvent {
	ipn: IpnEvent;
	source: PollSource;
	/** listTransactions `transaction_type`, or listRebillingStatusChanges `change_type` values. */
	matches: readonly string[];
	/** What the IPN of this event says that the polled API row does not. */
	missing: string;
}

const TRANSACTION_MISSING =
	'order date and purchase key, the buyer\'s address, affiliate id and link, tracking (campaign key, UTM), links (invoice, receipt, renew), the net, provider and fee amounts, billing status and next payment date, instalment plan, IPN connection and test mode (isTest is always false)';
const CHANGE_MISSING =
	'transaction and amounts, the buyer\'s address, affiliate, tracking, links, next payment date and last paid day, IPN connection and test mode (isTest is always false)';

function ipnEvent(value: string): IpnEvent {
	const event = findEvent(value);
	if (!event) throw new Error(`${value} is not in the IPN event catalogue`);
	return event;
}

/** A status change with no IPN of its own (started, completed, ...). */
const OTHER_STATUS_CHANGE: IpnEvent = {
	value: 'rebilling_status_changed',
	name: 'Other Subscription Status Change',
	action: 'On other subscription status change',
	description: 'A subscription or instalment plan started, completed or changed status otherwise (no IPN of its own)',
	category: 'orders',
	groups: ['order', 'billing', 'product', 'buyer'],
};

export const POLL_EVENTS: readonly PollEvent[] = [
	{ ipn: ipnEvent('on_payment'), source: 'transactions', matches: ['payment'], missing: TRANSACTION_MISSING },
	{ ipn: ipnEvent('on_refund'), source: 'transactions', matches: ['refund'], missing: TRANSACTION_MISSING },
	{ ipn: ipnEvent('on_chargeback'), source: 'transactions', matches: ['chargeback'], missing: TRANSACTION_MISSING },
	{ ipn: ipnEvent('on_rebill_cancelled'), source: 'rebillingChanges', matches: ['stopped', 'cancelled', 'aborted'], missing: CHANGE_MISSING },
	{ ipn: ipnEvent('on_rebill_resumed'), source: 'rebillingChanges', matches: ['resumed', 'restarted'], missing: CHANGE_MISSING },
	{ ipn: OTHER_STATUS_CHANGE, source: 'rebillingChanges', matches: [], missing: 'no IPN sends this; the item carries what listRebillingStatusChanges returns' },
];

/** The event a status change becomes: by its change type, else "other". */
export function eventForChange(changeType: string): PollEvent {
	const type = changeType.toLowerCase();
	return POLL_EVENTS.find((event) => event.source === 'rebillingChanges' && event.matches.includes(type)) ?? POLL_EVENTS[POLL_EVENTS.length - 1];
}

export function eventForTransaction(transactionType: string): PollEvent | undefined {
	return POLL_EVENTS.find((event) => event.source === 'transactions' && event.matches.includes(transactionType.toLowerCase()));
}

export function selectedEvents(values: readonly string[]): PollEvent[] {
	return POLL_EVENTS.filter((event) => values.includes(event.ipn.value));
}
