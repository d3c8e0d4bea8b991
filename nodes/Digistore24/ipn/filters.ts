import type { INodeProperties } from 'n8n-workflow';
import type { IpnEvent } from './events';

/**
 * The two notification filters users of other platforms expect: e-tickets by action, and first
 * payments only. A filtered notification is still answered OK (it is valid, just not for this
 * workflow) and the trigger logs the drop. Both drop only what they can tell apart for certain;
 * a notification that lacks the deciding parameter runs, so nothing is lost to a guess.
 */
export const ETICKET_ACTIONS = [
	{ name: 'Created', value: 'create' },
	{ name: 'Updated', value: 'update' },
	{ name: 'Used', value: 'use' },
	{ name: 'Use Cancelled', value: 'cancel_use' },
	{ name: 'Revoked', value: 'revoke' },
	{ name: 'Revocation Cancelled', value: 'cancel_revoke' },
];

/** Options of the trigger's Options collection, in its alphabetical places. */
export const eticketActionsOption: INodeProperties = {
	displayName: 'E-Ticket Actions',
	name: 'eticketActions',
	type: 'multiOptions',
	default: [],
	description:
		'Only e-ticket notifications with these actions (the action parameter: create, update, use, …); empty for all. A notification without an action still runs.',
	options: [...ETICKET_ACTIONS].sort((a, b) => (a.name < b.name ? -1 : 1)),
};

export const firstPaymentOnlyOption: INodeProperties = {
	displayName: 'First Payment Only',
	name: 'firstPaymentOnly',
	type: 'boolean',
	default: false,
	description:
		'Whether New Payment runs only for the first payment of an order, skipping the rebills of subscriptions and the further instalments (pay_sequence_no above 1)',
};

export interface FilterSettings {
	/** Empty: every action. */
	eticketActions?: readonly string[];
	firstPaymentOnly?: boolean;
}

/** Why this notification is not for the workflow, or undefined when it is. */
export function filteredOut(params: Record<string, string>, event: IpnEvent, settings: FilterSettings): string | undefined {
	const actions = settings.eticketActions ?? [];
	if (event.value === 'eticket' && actions.length > 0) {
		const action = (params.action ?? '').trim();
		if (action && !actions.includes(action)) return `e-ticket action ${action} not selected`;
	}
	if (settings.firstPaymentOnly && event.value === 'on_payment') {
		// Digistore24 counts payments in pay_sequence_no: 0 for a single payment, 1 for the first
		// payment of a subscription or instalment plan, 2, 3, … for each rebill or instalment (its
		// app-kit's first-payment vector uses 1). Missing or not a number: run, nothing is guessed.
		const sequence = Number((params.pay_sequence_no ?? '').trim());
		if ((params.pay_sequence_no ?? '').trim() !== '' && Number.isInteger(sequence) && sequence > 1) {
			return `follow-up payment (pay_sequence_no ${sequence}) while First Payment Only is on`;
		}
	}
	return undefined;
}
