import { callChangesData, findKnownFunction, howToCheck, KNOWN_FUNCTIONS } from '../../nodes/Digistore24/actions/functions';
import { OPERATIONS } from '../../nodes/Digistore24/actions';

describe('read/write catalogue', () => {
	it.each(['refundPurchase', 'refundTransaction', 'refundPartially', 'addBalanceToPurchase', 'createBillingOnDemand', 'createEticket', 'validateEticket', 'ipnSetup', 'stopRebilling'])(
		'%s changes data and says how to check it',
		(fn) => {
			expect(callChangesData(fn)).toBe(true);
			expect(howToCheck(fn)).toMatch(/^Check with \w+/);
		},
	);

	it.each(['ping', 'getPurchase', 'listPurchases', 'listTransactions', 'ipnInfo', 'getEticket', 'validateLicenseKey'])('%s only reads', (fn) => {
		expect(callChangesData(fn)).toBe(false);
	});

	it('getDelivery reads, unless it marks the delivery as in progress', () => {
		expect(callChangesData('getDelivery', { delivery_id: '1' })).toBe(false);
		expect(callChangesData('getDelivery', { delivery_id: '1', set_in_progress: 'N' })).toBe(false);
		expect(callChangesData('getDelivery', { delivery_id: '1', set_in_progress: true })).toBe(true);
		expect(callChangesData('getDelivery', { delivery_id: '1', set_in_progress: 'Y' })).toBe(true);
	});

	it('a function it does not know counts as changing data', () => {
		expect(findKnownFunction('someNewFunction')).toBeUndefined();
		expect(callChangesData('someNewFunction')).toBe(true);
		expect(howToCheck('someNewFunction')).toMatch(/get or list function/);
	});

	it('every write names a check, every name is listed once, and every typed operation calls a listed function', () => {
		const names = KNOWN_FUNCTIONS.map((fn) => fn.name);
		expect(new Set(names).size).toBe(names.length);
		expect(KNOWN_FUNCTIONS.filter((fn) => fn.writes && !fn.check).map((fn) => fn.name)).toEqual([]);
		const typed = OPERATIONS.flatMap((op) => (typeof op.fn === 'string' && !op.local ? [op.fn] : []));
		expect(typed.filter((fn) => !findKnownFunction(fn))).toEqual([]);
	});
});
