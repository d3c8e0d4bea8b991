import { parseArgs } from 'node:util';
import { FULL_ACCESS_KEY, READ_ONLY_KEY } from './keys';
import { sendIpn } from './ipn-sender';
import { POSTBACK_KINDS, sendPostback, type PostbackKind } from './postback';
import { DEFAULT_PURCHASES, DEFAULT_SEED, startEmulator } from './server';

/**
 * npx tsx test/emulator/cli.ts [--port 8124] [--host 127.0.0.1] [--strict-urls] [--purchases n] [--seed n]
 * npx tsx test/emulator/cli.ts send --event on_payment --url <webhook url> --passphrase <p> [--product 512345] [--seq n]
 * npx tsx test/emulator/cli.ts postback --url '<url with {placeholders}>' [--kind sale] [--role affiliate] [--test] [--method GET]
 */
const USAGE = `Usage:
  emulator [--port 8124] [--host 127.0.0.1] [--strict-urls] [--purchases ${DEFAULT_PURCHASES}] [--seed ${DEFAULT_SEED}]
  emulator send --event on_payment --url <webhook url> --passphrase <passphrase> [--product <id>] [--seq <n>]
  emulator postback --url '<postback URL with {placeholders}>' [--kind ${POSTBACK_KINDS.join('|')}] [--role affiliate|vendor]
                    [--test] [--method GET|POST] [--product <id>] [--currency <code>] [--seq <n>]`;

async function main(argv: string[]): Promise<number> {
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: {
			port: { type: 'string', default: '8124' },
			host: { type: 'string', default: '127.0.0.1' },
			'strict-urls': { type: 'boolean', default: false },
			purchases: { type: 'string' },
			seed: { type: 'string' },
			event: { type: 'string' },
			url: { type: 'string' },
			passphrase: { type: 'string' },
			product: { type: 'string' },
			seq: { type: 'string' },
			kind: { type: 'string', default: 'sale' },
			role: { type: 'string', default: 'affiliate' },
			test: { type: 'boolean', default: false },
			method: { type: 'string', default: 'GET' },
			currency: { type: 'string' },
			help: { type: 'boolean', short: 'h', default: false },
		},
	});
	if (values.help) {
		console.log(USAGE);
		return 0;
	}
	if (positionals[0] === 'send') return send(values);
	if (positionals[0] === 'postback') return postback(values);
	if (positionals.length > 0) {
		console.error(`Unknown command "${positionals[0]}"\n${USAGE}`);
		return 2;
	}
	const emulator = await startEmulator({
		port: Number(values.port),
		host: values.host,
		strictIpnUrls: values['strict-urls'],
		purchases: values.purchases === undefined ? undefined : Number(values.purchases),
		seed: values.seed === undefined ? undefined : Number(values.seed),
	});
	console.log(`Digistore24 emulator listening on ${emulator.url}`);
	console.log(`  full access key: ${FULL_ACCESS_KEY}`);
	console.log(`  read-only key:   ${READ_ONLY_KEY}`);
	console.log(`  strict IPN URLs: ${values['strict-urls'] ? 'on' : 'off'}`);
	await new Promise<void>((resolve) => {
		const stop = () => resolve();
		process.once('SIGINT', stop);
		process.once('SIGTERM', stop);
	});
	await emulator.stop();
	console.log('Digistore24 emulator stopped');
	return 0;
}

async function send(values: Record<string, string | boolean | undefined>): Promise<number> {
	const { event, url, passphrase } = values;
	if (typeof event !== 'string' || typeof url !== 'string' || typeof passphrase !== 'string') {
		console.error(`send needs --event, --url and --passphrase\n${USAGE}`);
		return 2;
	}
	const answer = await sendIpn({
		url,
		event,
		passphrase,
		productId: typeof values.product === 'string' ? values.product : undefined,
		seq: typeof values.seq === 'string' ? Number(values.seq) : undefined,
	});
	console.log(`${event} (order ${answer.params.order_id ?? '-'}) → HTTP ${answer.status}`);
	console.log(answer.body);
	return answer.status === 200 ? 0 : 1;
}

/** Fills the placeholders of a postback URL like Digistore24 and requests it (the URL, token included, is not printed). */
async function postback(values: Record<string, string | boolean | undefined>): Promise<number> {
	const { url, kind, role, method } = values;
	if (typeof url !== 'string' || !POSTBACK_KINDS.includes(kind as PostbackKind) || (role !== 'affiliate' && role !== 'vendor') || (method !== 'GET' && method !== 'POST')) {
		console.error(`postback needs --url, a --kind of ${POSTBACK_KINDS.join(', ')}, --role affiliate|vendor and --method GET|POST\n${USAGE}`);
		return 2;
	}
	const answer = await sendPostback(url, {
		role,
		kind: kind as PostbackKind,
		method,
		test: values.test === true,
		productId: typeof values.product === 'string' ? values.product : undefined,
		currency: typeof values.currency === 'string' ? values.currency : undefined,
		seq: typeof values.seq === 'string' ? Number(values.seq) : undefined,
	});
	console.log(`${role} ${kind}${values.test ? ' (test)' : ''} postback, transaction ${answer.values.transaction_id ?? '-'} → HTTP ${answer.status}`);
	console.log(answer.body);
	return answer.status === 200 ? 0 : 1;
}

main(process.argv.slice(2)).then(
	(code) => process.exit(code),
	(error: Error) => {
		console.error(error.message);
		process.exit(1);
	},
);
