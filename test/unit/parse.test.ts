import { parseIpnBody } from '../../nodes/Digistore24/ipn/parse';

describe('parseIpnBody', () => {
	it('keeps keys and values exactly, including brackets, + and percent-escapes', () => {
		const { params, duplicateKeys, malformed } = parseIpnBody('a%5Bb%5D=c&name=J%C3%BCrgen+M&eq=1%3D1%262&empty=&flag');
		expect(params).toEqual({ 'a[b]': 'c', name: 'Jürgen M', eq: '1=1&2', empty: '', flag: '' });
		expect(duplicateKeys).toEqual([]);
		expect(malformed).toBe(false);
	});

	it('reports duplicate keys and keeps the first', () => {
		const { params, duplicateKeys } = parseIpnBody('a=1&a=2');
		expect(params.a).toBe('1');
		expect(duplicateKeys).toEqual(['a']);
	});

	it('marks invalid percent-encoding as malformed', () => {
		expect(parseIpnBody('a=%E0%A4%A').malformed).toBe(true);
		expect(parseIpnBody('a=%zz').malformed).toBe(true);
	});

	it('does not let a key named __proto__ touch the prototype', () => {
		const { params } = parseIpnBody('__proto__=x&constructor=y');
		expect(params.__proto__).toBe('x');
		expect(({} as Record<string, unknown>).x).toBeUndefined();
	});
});
