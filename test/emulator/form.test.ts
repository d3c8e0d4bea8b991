import { parseForm } from './form';

describe('parseForm', () => {
	test('bracket keys become nested objects, like PHP', () => {
		expect(parseForm('search[role]=vendor&search[product_id]=1%2C2&payment_plan[first_amount]=9.99&a[b][c]=d')).toEqual({
			search: { role: 'vendor', product_id: '1,2' },
			payment_plan: { first_amount: '9.99' },
			a: { b: { c: 'd' } },
		});
	});

	test('[] appends, + is a space, bad escapes and odd keys stay as sent', () => {
		expect(parseForm('addons[]=x&addons[]=y&name=A+B&bad=%E0%A4%A&[x]=1&k[=2&flag')).toEqual({
			addons: { 0: 'x', 1: 'y' },
			name: 'A B',
			bad: '%E0%A4%A',
			'[x]': '1',
			'k[': '2',
			flag: '',
		});
	});

	test('later values win and merge into what is there', () => {
		expect(parseForm('a=1&b[c]=2', parseForm('a=0&b[d]=3'))).toEqual({ a: '1', b: { d: '3', c: '2' } });
	});
});
