import { NodeApiError, type IDataObject, type INode, type JsonObject } from 'n8n-workflow';

/**
 * Some functions answer `result: success` although nothing was done: the envelope only says the
 * call was understood, `data.status` says what happened. refundTransaction and refundPurchase
 * answer `status: completed | refused | pending | error` with the reason in `note` or
 * `pending_reason`. Any function whose `data.status` is one of these words is treated the same.
 */
export const NOT_DONE_STATUSES = ['refused', 'pending', 'error'] as const;
export type NotDoneStatus = (typeof NOT_DONE_STATUSES)[number];

/** Functions documented to report refusals this way (README, option description). */
export const FUNCTIONS_REPORTING_REFUSALS = ['refundPurchase', 'refundTransaction'];

export interface Refusal {
	status: NotDoneStatus;
	reason: string;
}

export function refusalIn(data: unknown): Refusal | undefined {
	if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
	const record = data as IDataObject;
	const status = String(record.status ?? '').trim().toLowerCase();
	if (!(NOT_DONE_STATUSES as readonly string[]).includes(status)) return undefined;
	const reason = [record.note, record.pending_reason, record.msg, record.message]
		.map((value) => (value === undefined || value === null ? '' : String(value).trim()))
		.find(Boolean);
	return { status: status as NotDoneStatus, reason: reason || 'Digistore24 gave no reason' };
}

const WHAT = { refused: 'refused', pending: 'is pending', error: 'failed' } as const;

export function refusalError(node: INode, fn: string, refusal: Refusal, itemIndex: number): NodeApiError {
	const message = `Digistore24 ${fn} ${WHAT[refusal.status]}: ${refusal.reason}`;
	const error = new NodeApiError(node, { message, function: fn, status: refusal.status } as JsonObject, {
		message,
		description:
			refusal.status === 'pending'
				? 'Digistore24 accepted the request but has not carried it out yet. Check later with listTransactions; do not send it again.'
				: 'Digistore24 answered the call but did not carry it out. To get an item instead of an error, set Options → Refused or Pending Results → Output an Item.',
		itemIndex,
	});
	error.message = message;
	return error;
}

/** The item for users who asked for refusals as data: the answer plus what it means. */
export function refusalItem(data: IDataObject, fn: string, refusal: Refusal): IDataObject {
	return { ...data, done: false, outcome: refusal.status, outcome_message: `Digistore24 ${fn} ${WHAT[refusal.status]}: ${refusal.reason}` };
}
