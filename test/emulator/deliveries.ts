import type { IpnConnection } from './connections';
import { attemptDelivery } from './ipn-delivery';
import { signedBody } from './ipn-sender';
import type { EmulatorState } from './state';

/** Signs with the connection's passphrase and makes one delivery attempt (logged with the exact body, for resends). */
export async function sendOver(state: EmulatorState, connection: IpnConnection, params: Record<string, string>, body = signedBody(params, connection.sha_passphrase)) {
	const result = await attemptDelivery(state, { url: connection.ipn_url, body, params, event: params.event ?? '', domain_id: connection.domain_id, key_id: connection.key_id, timing: connection.timing });
	if (!result.answer) return { status: 502, ok: false, answer: { error: `Could not deliver to ${connection.ipn_url}: ${result.error}` } };
	return { status: 200, ok: result.ok, answer: { ...result.answer, params, duration_ms: result.duration_ms } };
}

/** What an IPN says about the connection it came through; a connection test names the products instead. */
export function connectionParams(connection: IpnConnection, eventName: string): Record<string, string> {
	if (eventName === 'connection_test') return { product_ids: connection.product_ids };
	return {
		ipn_config_id: connection.ipn_id,
		ipn_config_api_key_id: connection.key_id,
		ipn_config_domain_id: connection.domain_id,
		ipn_config_product_ids: connection.product_ids,
	};
}
