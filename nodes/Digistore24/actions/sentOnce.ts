import type { IExecuteFunctions, INodeExecutionData, NodeApiError, NodeOperationError } from 'n8n-workflow';
import { digestOf } from '../ipn/hash';

/**
 * n8n's Retry On Fail re-runs a failed node with all its items, in the same execution. For calls
 * that change data that would send again what was already sent: the item that lost its answer,
 * and every item before it that succeeded. So while Retry On Fail is on, each write is noted
 * here per execution, node, run and item; a re-run gets the noted result (or the noted "outcome
 * unknown" error) instead of a second call.
 *
 * Bounded: only nodes with Retry On Fail use it, entries expire after the longest re-run n8n
 * allows (5 tries, 5 s apart, plus the calls), and it never holds more than MAX_ENTRIES.
 */
const TTL_MS = 15 * 60_000;
const MAX_ENTRIES = 5_000;

type Noted = { at: number; items: INodeExecutionData[] } | { at: number; error: NodeApiError | NodeOperationError };

const ledger = new Map<string, Noted>();

/** The same call of the same item in the same run of the node; undefined when n8n will not re-run it. */
export function sentOnceKey(ctx: IExecuteFunctions, itemIndex: number, fn: string, parameters: unknown): string | undefined {
	if (ctx.getNode().retryOnFail !== true) return undefined;
	const executionId = ctx.getExecutionId();
	if (!executionId) return undefined;
	// A loop runs the node again with a new run index: those are new calls, not re-runs.
	const runIndex = String(ctx.evaluateExpression('{{ $runIndex }}', itemIndex));
	const call = digestOf('sha256', JSON.stringify([fn, parameters]), 'base64');
	return [executionId, ctx.getNode().id, runIndex, itemIndex, call].join('\u0000');
}

export function noted(key: string): Noted | undefined {
	prune(Date.now());
	return ledger.get(key);
}

export function note(key: string, outcome: { items: INodeExecutionData[] } | { error: NodeApiError | NodeOperationError }): void {
	const now = Date.now();
	prune(now);
	if (ledger.size >= MAX_ENTRIES) ledger.delete(ledger.keys().next().value as string);
	ledger.set(key, { at: now, ...outcome });
}

/** Oldest first (insertion order), so pruning stops at the first fresh entry. */
function prune(now: number): void {
	for (const [key, entry] of ledger) {
		if (now - entry.at < TTL_MS) break;
		ledger.delete(key);
	}
}

export function ledgerSize(): number {
	return ledger.size;
}
