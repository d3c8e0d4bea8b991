import { KNOWN_FUNCTIONS } from '../../nodes/Digistore24/actions/functions';
import { OPERATIONS } from '../../nodes/Digistore24/actions';
import { ERROR_CODES } from './errors';
import { FUNCTIONS } from './functions';
import { call, control, FIXED_NOW } from './helpers';
import { READ_ONLY_KEY } from './keys';
import { startEmulator, type Emulator } from './server';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator({ now: FIXED_NOW, purchases: 60 });
});
afterAll(() => emulator.stop());
beforeEach(() => control(emulator, 'reset'));

describe('the function table', () => {
	const typed = [...new Set(OPERATIONS.flatMap((op) => (typeof op.fn === 'string' && !op.local ? [op.fn] : [])))];

	test('implements every function a typed operation calls', () => {
		expect(typed.filter((fn) => !(fn in FUNCTIONS))).toEqual([]);
		expect(typed.length).toBeGreaterThanOrEqual(37);
	});

	test('flags writes the way the node does (so a read-only key is refused exactly there)', () => {
		const known = new Map(KNOWN_FUNCTIONS.map((fn) => [fn.name, fn.writes]));
		const mismatched = Object.entries(FUNCTIONS).filter(([name, fn]) => known.has(name) && known.get(name) !== fn.writes);
		expect(mismatched.map(([name]) => name)).toEqual([]);
		expect(Object.keys(FUNCTIONS).filter((name) => !known.has(name))).toEqual([]);
	});

	test.each(Object.entries(FUNCTIONS).filter(([, fn]) => fn.writes).map(([name]) => name))('%s refuses a read-only key with PERMISSION_DENIED', async (name) => {
		const { body } = await call(emulator, name, {}, { key: READ_ONLY_KEY });
		expect(body).toMatchObject({ result: 'error', code: ERROR_CODES.PERMISSION_DENIED });
		expect(body.message).toBe(`Permission denied: ${name}() changes data and needs an API key with full access (writable); this key is read-only.`);
	});

	test.each(Object.entries(FUNCTIONS).filter(([, fn]) => (fn.required ?? []).length > 0).map(([name, fn]) => [name, fn.required![0]]))(
		'%s names its missing required parameter %s',
		async (name, first) => {
			const { body } = await call(emulator, name, {});
			expect(body).toMatchObject({ result: 'error', code: ERROR_CODES.MISSING_PARAMETER, message: `Missing required parameter '${first}' for ${name}().` });
		},
	);

	test('positional arguments map onto the declared parameters', async () => {
		const purchase = emulator.state.data.purchases[0];
		const { body } = await call(emulator, 'getPurchaseTracking', { arg1: purchase.id });
		expect(body.result).toBe('success');
		expect(Object.keys(body.data as object)).toEqual([purchase.id]);
	});
});
