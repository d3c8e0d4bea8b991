import type { IpnEvent } from '../../nodes/Digistore24/ipn/events';
import { sameToken } from './functions/ipn';
import { list } from './functions/params';

/**
 * IPN connections as `ipnSetup` leaves them: one per (API key, domain_id). The key is remembered
 * by its numeric id only, like `ipn_config_api_key_id` in the IPNs.
 */
export interface IpnConnection {
	ipn_id: string;
	key_id: string;
	domain_id: string;
	ipn_url: string;
	name: string;
	product_ids: string;
	categories: string;
	transactions: string;
	timing: string;
	newsletter_send_policy: string;
	sha_passphrase: string;
	created_at: string;
	modified_at: string;
}

export class ConnectionStore {
	private readonly byKey = new Map<string, IpnConnection>();

	get(keyId: string, domainId: string): IpnConnection | undefined {
		return this.byKey.get(slot(keyId, domainId));
	}

	save(connection: IpnConnection): void {
		this.byKey.set(slot(connection.key_id, connection.domain_id), connection);
	}

	delete(keyId: string, domainId: string): boolean {
		return this.byKey.delete(slot(keyId, domainId));
	}

	/** For the control route, which addresses a connection by domain_id alone. */
	findByDomain(domainId: string, keyId?: string): IpnConnection | undefined {
		return this.list().find((c) => c.domain_id === domainId && (keyId === undefined || c.key_id === keyId));
	}

	list(): IpnConnection[] {
		return [...this.byKey.values()];
	}
}

function slot(keyId: string, domainId: string): string {
	return `${keyId}\u0000${domainId}`;
}

/** Whether Digistore24 would send this event over the connection (connection tests always go). */
export function registersEvent(connection: IpnConnection, event: IpnEvent): boolean {
	if (event.value === 'connection_test') return true;
	if (!list(connection.categories).map(sameToken).includes(sameToken(event.category))) return false;
	if (!event.transaction) return true;
	const transactions = list(connection.transactions);
	return transactions.includes('all') || transactions.includes(event.transaction);
}

/** Whether the connection covers the product (`all` or a listed id). */
export function coversProduct(connection: IpnConnection, productId: string): boolean {
	const ids = list(connection.product_ids);
	return ids.length === 0 || ids.includes('all') || ids.includes(productId);
}
