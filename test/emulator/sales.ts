import { findEvent } from '../../nodes/Digistore24/ipn/events';
import { coversProduct, registersEvent } from './connections';
import { connectionParams, sendOver } from './deliveries';
import { buildSampleIpn } from './ipn-sample';
import type { EmulatorState } from './state';

/**
 * Sales at a steady rate, each notified the way Digistore24 does (reference §3.1): to every
 * connection that exists at the moment of the sale and registered the event; a delivery without
 * OK is retried. Digistore24 retries at least 20 times over 10 days, first after 3 minutes; here
 * the schedule is compressed (`retryMs`, doubling, at most 5 s apart) so a test sees it through.
 *
 * What Digistore24 does with a sale while no connection exists is not documented; the emulator
 * sends nothing for it (there is nowhere to send it) and counts it as undeliverable. A retry goes
 * to the connection of the same API key and domain_id as it is at the time of the retry; when
 * that connection is gone at that moment the attempt fails and is retried later. Both choices are
 * uncertain (written down in test/emulator/README.md).
 */
export interface SalesOptions {
	everyMs: number;
	retryMs?: number;
}

interface Pending {
	orderId: string;
	keyId: string;
	domainId: string;
	params: Record<string, string>;
	attempts: number;
}

const EVENT = 'on_payment';
const MAX_ATTEMPTS = 21;
const MAX_RETRY_GAP_MS = 5_000;

export class SalesGenerator {
	private timer: NodeJS.Timeout | undefined;
	private readonly retryTimers = new Set<NodeJS.Timeout>();
	private created = 0;
	private readonly undeliverable: string[] = [];
	private readonly delivered = new Set<string>();
	private readonly gaveUp: string[] = [];
	private pending = 0;
	private attempts = 0;
	private failedAttempts = 0;
	private readonly startedAt = Date.now();
	private stoppedAt: number | undefined;

	constructor(
		private readonly state: EmulatorState,
		private readonly options: SalesOptions,
	) {}

	start(): void {
		this.timer = setInterval(() => this.sale(), Math.max(10, this.options.everyMs));
	}

	/** Stops new sales; retries of earlier ones go on until delivered or given up. */
	stop(): void {
		if (this.timer) clearInterval(this.timer);
		this.timer = undefined;
		this.stoppedAt ??= Date.now();
	}

	report() {
		return {
			running: this.timer !== undefined,
			ms: (this.stoppedAt ?? Date.now()) - this.startedAt,
			created: this.created,
			/** Sales made while no connection existed: Digistore24 had nowhere to send them. */
			undeliverable: this.undeliverable,
			/** Deliveries (sale × connection) answered OK. */
			delivered: this.delivered.size,
			deliveredOrders: [...this.delivered].map((key) => key.split(' ')[0]),
			pending: this.pending,
			gaveUp: this.gaveUp,
			attempts: this.attempts,
			failedAttempts: this.failedAttempts,
		};
	}

	private sale(): void {
		const event = findEvent(EVENT)!;
		this.created += 1;
		const orderId = `SALE${String(this.created).padStart(6, '0')}`;
		const now = this.state.now();
		const targets = this.state.connections.list().filter((c) => registersEvent(c, event) && coversProduct(c, productOf(c)));
		if (targets.length === 0) {
			this.undeliverable.push(orderId);
			return;
		}
		for (const connection of targets) {
			const params = buildSampleIpn(EVENT, {
				seq: 500_000 + this.created,
				now,
				productId: productOf(connection),
				overrides: { ...connectionParams(connection, EVENT), order_id: orderId, transaction_id: String(70_000_000 + this.created) },
			});
			this.pending += 1;
			void this.attempt({ orderId, keyId: connection.key_id, domainId: connection.domain_id, params, attempts: 0 });
		}
	}

	private async attempt(item: Pending): Promise<void> {
		item.attempts += 1;
		this.attempts += 1;
		const connection = this.state.connections.get(item.keyId, item.domainId);
		const ok = connection ? (await sendOver(this.state, connection, item.params)).ok : false;
		if (ok) {
			this.pending -= 1;
			this.delivered.add(`${item.orderId} ${item.keyId} ${item.domainId}`);
			return;
		}
		this.failedAttempts += 1;
		if (item.attempts >= MAX_ATTEMPTS) {
			this.pending -= 1;
			this.gaveUp.push(item.orderId);
			return;
		}
		const base = this.options.retryMs ?? 250;
		const timer = setTimeout(() => {
			this.retryTimers.delete(timer);
			void this.attempt(item);
		}, Math.min(MAX_RETRY_GAP_MS, base * 2 ** (item.attempts - 1)));
		this.retryTimers.add(timer);
	}

	/** For reset: stops everything, retries included. */
	dispose(): void {
		this.stop();
		for (const timer of this.retryTimers) clearTimeout(timer);
		this.retryTimers.clear();
	}
}

function productOf(connection: { product_ids: string }): string {
	const ids = connection.product_ids.split(',').map((id) => id.trim()).filter((id) => id && id !== 'all');
	return ids[0] ?? '512345';
}
