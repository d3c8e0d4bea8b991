import { ConnectionStore } from './connections';
import { createDataset, type Dataset } from './data/seed';
import type { Fault, FaultType } from './faults';
import type { OrderAnswer, PendingRetry } from './ipn-delivery';
import type { FormObject } from './form';
import type { Permission } from './keys';
import type { PostbackConnection } from './postback';
import { createRandom, type Random } from './prng';
import type { SalesGenerator } from './sales';

/**
 * Everything the emulator remembers: the seeded account data, IPN connections, the call and IPN
 * logs tests read back, and pending faults. `reset()` returns to the freshly started state.
 */
export interface StateOptions {
	strictIpnUrls: boolean;
	/** A fixed instant freezes the clock; a function is asked each time. Default: the real clock. */
	now?: Date | (() => Date);
	seed: number;
	purchases: number;
	/** How long the ipnSetup GET probe may take. */
	probeTimeoutMs: number;
}

export interface CallLogEntry {
	seq: number;
	at: string;
	method: string;
	/** `header` for /api/call/<fn>, `legacy` for /api/call/<KEY>/json/<fn>. */
	route: 'header' | 'legacy';
	function: string;
	params: FormObject;
	/** Permission of the key used; null when the key was missing or unknown. Never the key. */
	permission: Permission | null;
	key_id: string | null;
	result: 'success' | 'error' | 'fault';
	code?: number;
	fault?: FaultType;
}

export interface IpnLogEntry {
	seq: number;
	at: string;
	type: 'probe' | 'delivery';
	url: string;
	/** HTTP status of the answer, null when there was none. */
	status: number | null;
	ok: boolean;
	detail?: string;
	event?: string;
	domain_id?: string;
	key_id?: string;
	body?: string;
	order_id?: string;
	/** 1 for the first delivery, then each retry. */
	attempt?: number;
	/** From sending the IPN to the end of the answer. */
	duration_ms?: number;
	/** Why Digistore24 does not count it as delivered. */
	problem?: string;
	/** Answer lines it could not read. */
	warnings?: string[];
	/** The form body sent (deliveries), so a resend repeats it byte for byte. */
	sent?: string;
}

export interface PostbackLogEntry {
	connection_id: string;
	kind: string;
	test: boolean;
	/** HTTP status of the answer, null when there was none. */
	status: number | null;
	/** Digistore24 counts a 200 as delivered. */
	ok: boolean;
	detail?: string;
}

export class EmulatorState {
	data!: Dataset;
	connections!: ConnectionStore;
	calls!: CallLogEntry[];
	ipnLog!: IpnLogEntry[];
	faults!: Fault[];
	/** S2S postback connections (affiliate and vendor) and what was sent over them. */
	postbacks!: PostbackConnection[];
	postbackLog!: PostbackLogEntry[];
	/** IPNs not answered OK, waiting for their next attempt. */
	retries!: PendingRetry[];
	nextRetryId!: number;
	/** Access data the answers carried, by order_id (the latest answer with data wins). */
	orderAnswers!: Map<string, OrderAnswer>;
	/** For passphrases and ids created at run time; reseeded on reset, so runs repeat. */
	random!: Random;
	nextIpnId!: number;
	/** Sales at a steady rate, started by the control route (see sales.ts). */
	sales: SalesGenerator | undefined;
	private readonly dataNow: Date;

	constructor(readonly options: StateOptions) {
		// The seeded year ends at start-up time (or the fixed `now`), so relative ranges find data.
		this.dataNow = this.now();
		this.reset();
	}

	now(): Date {
		const { now } = this.options;
		if (now === undefined) return new Date();
		return typeof now === 'function' ? now() : new Date(now.getTime());
	}

	reset(): void {
		this.sales?.dispose();
		this.sales = undefined;
		this.data = createDataset({ seed: this.options.seed, purchases: this.options.purchases, now: this.dataNow });
		this.connections = new ConnectionStore();
		this.calls = [];
		this.ipnLog = [];
		this.faults = [];
		this.postbacks = [];
		this.postbackLog = [];
		this.retries = [];
		this.nextRetryId = 1;
		this.orderAnswers = new Map();
		this.random = createRandom(this.options.seed ^ 0x5eed);
		this.nextIpnId = 654_321;
	}

	logCall(entry: Omit<CallLogEntry, 'seq' | 'at'>): void {
		this.calls.push({ seq: this.calls.length + 1, at: this.now().toISOString(), ...entry });
	}

	logIpn(entry: Omit<IpnLogEntry, 'seq' | 'at'>): void {
		this.ipnLog.push({ seq: this.ipnLog.length + 1, at: this.now().toISOString(), ...entry });
	}

	/** What `GET /__emulator/state` shows. */
	snapshot() {
		return {
			connections: this.connections.list(),
			calls: this.calls,
			ipn: this.ipnLog,
			faults: this.faults,
			postbacks: this.postbacks,
			postbackLog: this.postbackLog,
			retries: this.retries.map(({ body: _body, params, ...retry }) => ({ ...retry, order_id: params.order_id })),
			counts: {
				purchases: this.data.purchases.length,
				transactions: this.data.transactions.length,
				buyers: this.data.buyers.length,
			},
		};
	}
}
