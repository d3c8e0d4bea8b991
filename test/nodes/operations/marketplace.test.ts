import { failure, useEmulator } from './helpers';

const h = useEmulator(2345);

describe('Marketplace → Get Many / Get / Get Statistics', () => {
	it('lists entries with Limit and Return All, gets one, and the statistics add up', async () => {
		const all = await h.run('marketplace', 'getMany', { returnAll: true });
		expect(h.calls()[0]).toMatchObject({ function: 'listMarketplaceEntries', params: { language: 'en' } });
		expect(all.map((i) => i.json.product_id).sort()).toEqual(['512345', '512346', '512347', '512348']);
		expect(await h.run('marketplace', 'getMany', { limit: 2 })).toHaveLength(2);
		const entry = all.find((i) => i.json.product_id === '512346')!.json;
		const [one] = await h.run('marketplace', 'get', { entryId: String(entry.id) });
		expect(one.json).toEqual(entry);
		const [stats] = await h.run('marketplace', 'getStatistics', { options: { language: 'de' } });
		expect(h.calls().at(-1)!.params).toEqual({ language: 'de' });
		expect(stats.json.sales_count_90d).toBe(String(all.reduce((sum, i) => sum + Number(i.json.sales_count_90d), 0)));
	});

	it('an unknown entry is a not-found error', async () => {
		const error = await failure(h.run('marketplace', 'get', { entryId: '42' }));
		expect(error.message).toBe('Digistore24 getMarketplaceEntry: Marketplace entry not found: 42 (code 4)');
	});
});
