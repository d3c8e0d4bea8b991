/**
 * Faults a test can ask for (`POST /__emulator/faults`): the next `times` API calls (of one
 * function, or any) fail the way networks and overloaded servers fail, so retry and error paths
 * can be exercised against real HTTP.
 * - `drop`: the connection closes before the call is run (nothing happened);
 * - `lost`: the call is carried out, then the connection closes without an answer ("processed,
 *   answer lost": a proxy timeout or a reset after Digistore24 did the work);
 * - `slow`: the call is carried out and answered after `delayMs`;
 * - `redirect`: answered with `307` to `location` (never run), like a moved or misconfigured host.
 */
export const FAULT_TYPES = ['429', '500', '502', '503', 'slow', 'drop', 'lost', 'malformed', 'error-envelope', 'redirect'] as const;
export type FaultType = (typeof FAULT_TYPES)[number];

export interface Fault {
	function?: string;
	type: FaultType;
	times: number;
	retryAfter?: number;
	delayMs?: number;
	location?: string;
}

export const DEFAULT_SLOW_MS = 5_000;

/** Checks a fault request; the message says what is wrong with it. */
export function parseFault(body: unknown): Fault {
	const input = (body ?? {}) as Record<string, unknown>;
	if (!FAULT_TYPES.includes(input.type as FaultType)) throw new Error(`type must be one of ${FAULT_TYPES.join(', ')}`);
	const times = input.times === undefined ? 1 : Number(input.times);
	if (!Number.isInteger(times) || times < 1) throw new Error('times must be a positive integer');
	const fault: Fault = { type: input.type as FaultType, times };
	if (input.function !== undefined) {
		if (typeof input.function !== 'string' || input.function === '') throw new Error('function must be a function name');
		fault.function = input.function;
	}
	if (input.retryAfter !== undefined) fault.retryAfter = nonNegative(input.retryAfter, 'retryAfter');
	if (input.delayMs !== undefined) fault.delayMs = nonNegative(input.delayMs, 'delayMs');
	if (fault.type === 'redirect') {
		if (typeof input.location !== 'string' || !/^https?:\/\//.test(input.location)) throw new Error('redirect needs location, an http(s) URL');
		fault.location = input.location;
	}
	return fault;
}

function nonNegative(value: unknown, name: string): number {
	const number = Number(value);
	if (!Number.isFinite(number) || number < 0) throw new Error(`${name} must be a number >= 0`);
	return number;
}

/** Takes one use of the first pending fault that matches the call, oldest first. */
export function takeFault(faults: Fault[], fn: string): Fault | undefined {
	const index = faults.findIndex((fault) => fault.function === undefined || fault.function === fn);
	if (index === -1) return undefined;
	const fault = faults[index];
	fault.times -= 1;
	if (fault.times <= 0) faults.splice(index, 1);
	return { ...fault };
}
