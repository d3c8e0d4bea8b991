import { buildAccessReply, redactedLines, withoutSecrets, type AccessData } from '../../nodes/Digistore24/actions/accessReply';

const data = (over: Partial<AccessData> = {}): AccessData => ({ accounts: [], extraLines: [], ...over });

describe('access data reply (Digistore24 S13b format)', () => {
	it('is a bare OK without data', () => {
		expect(buildAccessReply(data())).toEqual({ ok: true, body: 'OK', lines: [] });
	});

	it('formats accounts with _2 suffixes, places and free lines in Digistore24 order', () => {
		const reply = buildAccessReply(
			data({
				thankyouUrl: ' https://example.com/thanks ',
				accounts: [
					{ username: 'max', password: 'p4ss word', loginUrl: 'https://m.example.com/login' },
					{ username: 'max-2', password: 'other', loginUrl: '' },
				],
				headline: 'Your access data',
				showOn: ['receipt_page', 'order_confirmation_email'],
				hideOn: ['invoice'],
				extraLines: [{ key: 'Your license key', value: 'ABC-123' }, { key: '', value: '' }],
			}),
		);
		expect(reply).toEqual({
			ok: true,
			lines: expect.any(Array),
			body: [
				'OK',
				'thankyou_url: https://example.com/thanks',
				'username: max',
				'password: p4ss word',
				'loginurl: https://m.example.com/login',
				'username_2: max-2',
				'password_2: other',
				'headline: Your access data',
				'show_on: receipt_page,order_confirmation_email',
				'hide_on: invoice',
				'Your license key: ABC-123',
			].join('\n'),
		});
	});

	it.each([
		['\n', 'line break (LF)'],
		['\r', 'carriage return (CR)'],
		['\u2028', 'U+2028'],
		['\u0085', 'U+0085'],
		['\u000b', 'U+000B'],
	])('refuses a value with %j, naming the field but never the value', (char, named) => {
		const reply = buildAccessReply(data({ accounts: [{ username: 'max', password: `secret${char}loginurl: https://evil.example` }] }));
		expect(reply.ok).toBe(false);
		if (reply.ok) return;
		expect(reply.field).toBe('Account Password');
		expect(reply.reason).toContain(named);
		expect(JSON.stringify(reply)).not.toContain('secret');
	});

	it('refuses forged keys in extra lines and a password padded with spaces', () => {
		expect(buildAccessReply(data({ extraLines: [{ key: 'password_2', value: 'x' }] }))).toMatchObject({ ok: false, field: 'Extra Line 1 key' });
		expect(buildAccessReply(data({ extraLines: [{ key: 'a: b', value: 'x' }] }))).toMatchObject({ ok: false, field: 'Extra Line 1 key' });
		expect(buildAccessReply(data({ extraLines: [{ key: '', value: 'orphan' }] }))).toMatchObject({ ok: false, reason: 'has a value but no key' });
		expect(buildAccessReply(data({ accounts: [{ username: 'u', password: ' pw' }] }))).toMatchObject({ ok: false, field: 'Account Password' });
		expect(buildAccessReply(data({ accounts: [{}, { username: 'a\nb' }] }))).toMatchObject({ ok: false, field: 'Account 2 Username' });
	});

	it('keeps passwords out of what it shows', () => {
		expect(redactedLines(['username: u', 'password: pw', 'password_2: x'])).toEqual(['username: u', 'password: ********', 'password_2: ********']);
		expect(withoutSecrets({ user: { password: 'hunter22', note: 'pw is hunter22' }, list: ['a'], n: 1 }, ['hunter22'])).toEqual({
			user: { password: '********', note: 'pw is ********' },
			list: ['a'],
			n: 1,
		});
	});
});
