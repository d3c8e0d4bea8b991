import { berlinDateTime } from '../clock';
import type { IpnConnection } from '../connections';
import { apiErrors } from '../errors';
import { probeUrl, strictUrlProblem } from '../probe';
import { list, text } from './params';
import type { CallContext, FunctionTable } from './types';

/**
 * IPN connections (reference §4): ipnSetup creates or updates the connection of this API key and
 * domain_id after a GET probe of ipn_url; ipnInfo reads it back without the passphrase; ipnDelete
 * removes it and does not mind when there is none.
 */
// Categories as Digistore24's ipnSetup article prints them (`e-tickets`, `custom forms`); the
// spellings without dash or space (GoSuccess's enum) are taken as the same, since which one
// Digistore24 parses is not documented. Tokens compare without case, spaces and dashes.
const CATEGORIES = ['orders', 'affiliations', 'e-tickets', 'custom forms', 'orderform'];
// As printed in the ipnSetup article: no `payment_denial` (rejected payments come with `all`).
const TRANSACTIONS = ['payment', 'refund', 'chargeback', 'payment_missed', 'rebill_cancelled', 'rebill_resumed', 'last_paid_day', 'all'];
const TIMINGS = ['before_thankyou', 'delayed'];
const NEWSLETTER_POLICIES = ['send_always', 'send_if_not_optout', 'send_if_optout', 'send_if_optin'];
const DEFAULTS = {
	product_ids: 'all',
	categories: 'orders',
	transactions: 'payment,refund,chargeback,payment_missed',
	timing: 'before_thankyou',
	newsletter_send_policy: 'send_if_optin',
};
const MAX_PASSPHRASE = 63;

type Settings = Pick<IpnConnection, 'ipn_url' | 'name' | 'product_ids' | 'categories' | 'transactions' | 'timing' | 'newsletter_send_policy'>;

export const ipnFunctions: FunctionTable = {
	ipnSetup: {
		writes: true,
		params: ['ipn_url', 'name', 'product_ids', 'domain_id', 'categories', 'transactions', 'timing', 'sha_passphrase', 'newsletter_send_policy'],
		required: ['ipn_url', 'name'],
		handler: ipnSetup,
	},
	ipnInfo: {
		writes: false,
		params: ['domain_id'],
		handler: ({ params, state, key }) => {
			const connection = state.connections.get(key.id, domainId(params));
			if (!connection) return { have_settings: 'N' };
			const { sha_passphrase: _secret, key_id: _key, ...settings } = connection;
			return { have_settings: 'Y', ...settings };
		},
	},
	ipnDelete: {
		writes: true,
		params: ['domain_id'],
		handler: ({ params, state, key }) => ({ modified: state.connections.delete(key.id, domainId(params)) ? 'Y' : 'N' }),
	},
};

/** `custom forms` = `customforms`, `e-tickets` = `etickets`. */
export function sameToken(token: string): string {
	return token.toLowerCase().replace(/[\s-]+/g, '');
}

function domainId(params: CallContext['params']): string {
	return text(params, 'domain_id')?.trim() ?? '';
}

async function ipnSetup({ params, state, key, now }: CallContext) {
	const id = domainId(params);
	const existing = state.connections.get(key.id, id);
	const settings = readSettings(params, existing);
	const url = checkUrl(settings.ipn_url, state.options.strictIpnUrls);
	const passphrase = readPassphrase(params, existing, () => state.random.chars(32));

	const probe = await probeUrl(url, state.options.probeTimeoutMs);
	state.logIpn({ type: 'probe', url: settings.ipn_url, status: probe.status, ok: probe.status === 200, detail: probe.detail, domain_id: id });
	if (probe.status !== 200) throw apiErrors.ipnUrlNotOk(settings.ipn_url, probe.detail);

	const stamp = berlinDateTime(now);
	const connection: IpnConnection = {
		ipn_id: existing?.ipn_id ?? String(state.nextIpnId++),
		key_id: key.id,
		domain_id: id,
		...settings,
		sha_passphrase: passphrase,
		created_at: existing?.created_at ?? stamp,
		modified_at: stamp,
	};
	state.connections.save(connection);
	return {
		created: existing ? 'N' : 'Y',
		updated: existing ? 'Y' : 'N',
		deleted: 'N',
		sha_passphrase: passphrase,
		ipn_id: connection.ipn_id,
	};
}

/** Given values win; on an update, what is not given stays as it was. */
function readSettings(params: CallContext['params'], existing: IpnConnection | undefined): Settings {
	const read = (name: keyof Settings, fallback: string) => text(params, name)?.trim() || existing?.[name] || fallback;
	const settings: Settings = {
		ipn_url: text(params, 'ipn_url')!.trim(),
		name: text(params, 'name')!.trim(),
		product_ids: read('product_ids', DEFAULTS.product_ids).replace(/\s+/g, ''),
		categories: list(read('categories', DEFAULTS.categories)).join(','),
		transactions: read('transactions', DEFAULTS.transactions).replace(/\s+/g, ''),
		timing: read('timing', DEFAULTS.timing),
		newsletter_send_policy: read('newsletter_send_policy', DEFAULTS.newsletter_send_policy),
	};
	checkTokens('categories', settings.categories, CATEGORIES);
	checkTokens('transactions', settings.transactions, TRANSACTIONS);
	checkTokens('timing', settings.timing, TIMINGS);
	checkTokens('newsletter_send_policy', settings.newsletter_send_policy, NEWSLETTER_POLICIES);
	if (settings.product_ids !== 'all' && !list(settings.product_ids).every((p) => /^\d+$/.test(p))) {
		throw apiErrors.invalidParameter('product_ids', settings.product_ids, 'expected all or a comma list of product ids');
	}
	return settings;
}

function checkTokens(name: string, value: string, allowed: string[]): void {
	const unknown = list(value).filter((token) => !allowed.map(sameToken).includes(sameToken(token)));
	if (unknown.length > 0 || list(value).length === 0) {
		throw apiErrors.invalidParameter(name, value, `expected a comma list of ${allowed.join(', ')}`);
	}
}

function checkUrl(raw: string, strict: boolean): URL {
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw apiErrors.invalidParameter('ipn_url', raw, 'expected an absolute http(s) URL');
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') throw apiErrors.invalidParameter('ipn_url', raw, 'expected an absolute http(s) URL');
	const problem = strict ? strictUrlProblem(url) : undefined;
	if (problem) throw apiErrors.ipnUrlRefused(raw, problem);
	return url;
}

/** `random` asks Digistore24 for one; none given keeps the old one (or none: unsigned IPNs). */
function readPassphrase(params: CallContext['params'], existing: IpnConnection | undefined, generate: () => string): string {
	const given = text(params, 'sha_passphrase');
	if (given === undefined || given === '') return existing?.sha_passphrase ?? '';
	if (given === 'random') return generate();
	if (given.length > MAX_PASSPHRASE) throw apiErrors.invalidParameter('sha_passphrase', '…', `at most ${MAX_PASSPHRASE} characters`);
	return given;
}
