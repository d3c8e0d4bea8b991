import { READ_ONLY_KEY, useEmulator } from './helpers';

const h = useEmulator(50);

describe('Account → Test Connection (ping) / Get User Info (getUserInfo)', () => {
	it('ping answers the server time', async () => {
		const out = await h.run('account', 'ping');
		expect(h.calls()).toEqual([expect.objectContaining({ function: 'ping', params: { language: 'en' }, result: 'success' })]);
		expect(out.map((item) => item.json)).toEqual([{ server_time: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/) }]);
	});

	it('user info names the account and the key permission level', async () => {
		const [full] = await h.run('account', 'getUserInfo');
		expect(h.calls()[0]).toMatchObject({ function: 'getUserInfo', params: { language: 'en' } });
		expect(full.json).toMatchObject({ user_name: 'emuvendor', permissions: 'writable', permissions_msg: 'Full access', api_key_id: '1234' });
		const [readOnly] = await h.run('account', 'getUserInfo', {}, { key: READ_ONLY_KEY });
		expect(readOnly.json).toMatchObject({ permissions: 'readonly', permissions_msg: 'Read access', api_key_id: '5678' });
	});

	it('answers in German when asked', async () => {
		await h.run('account', 'ping', { options: { language: 'de' } });
		expect(h.calls()[0].params).toEqual({ language: 'de' });
	});
});
