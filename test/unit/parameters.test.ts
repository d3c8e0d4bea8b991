import { encodeForm, flattenParameters } from '../../nodes/Digistore24/transport/parameters';
import { simplifyValues } from '../../nodes/Digistore24/transport/values';

describe('flattenParameters', () => {
	it('turns nested objects into bracket notation in order', () => {
		expect(
			flattenParameters({ from: '-7d', search: { role: 'vendor', email: 'a@b.c' }, payment_plan: { first_amount: 9.99 }, skip: undefined }),
		).toEqual([
			['from', '-7d'],
			['search[role]', 'vendor'],
			['search[email]', 'a@b.c'],
			['payment_plan[first_amount]', '9.99'],
		]);
	});

	it('sends booleans as Y/N and arrays with indexes', () => {
		expect(flattenParameters({ force: true, show: false, addons: [{ product_id: '1' }, 'x'] })).toEqual([
			['force', 'Y'],
			['show', 'N'],
			['addons[0][product_id]', '1'],
			['addons[1]', 'x'],
		]);
	});

	it('percent-encodes keys and values for the form body', () => {
		expect(encodeForm([['search[email]', 'a+b@c.de'], ['name', 'Jürgen & Co']])).toBe(
			'search%5Bemail%5D=a%2Bb%40c.de&name=J%C3%BCrgen%20%26%20Co',
		);
	});
});

describe('simplifyValues', () => {
	it('turns Y/N into booleans and amount strings into numbers, leaving ids alone', () => {
		expect(simplifyValues({ is_active: 'Y', is_deleted: 'N', amount: '49.00', vat_amount: '3.67', order_id: '12.50', name: 'N/A' })).toEqual({
			is_active: true,
			is_deleted: false,
			amount: 49,
			vat_amount: 3.67,
			order_id: '12.50',
			name: 'N/A',
		});
	});
});
