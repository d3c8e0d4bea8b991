import { fetchPages } from '../../nodes/Digistore24/transport/pagination';

/**
 * fetchPages against a scripted server: a list of `total` records that serves at most `cap`
 * per page and says page_count (or not), recording every page asked for.
 */
function server(total: number, { cap = 1000, pageCount = true } = {}) {
	const asked: Array<{ page_no: number; page_size: number }> = [];
	const context = {
		getNode: () => ({ name: 'Digistore24' }),
		getCredentials: async () => ({ apiKey: 'k', baseUrl: 'https://ds24.test' }),
		helpers: {
			httpRequestWithAuthentication: async (_name: string, request: { body: string }) => {
				const form = new URLSearchParams(request.body);
				const pageNo = Number(form.get('page_no'));
				const pageSize = Math.min(Number(form.get('page_size')), cap);
				asked.push({ page_no: pageNo, page_size: Number(form.get('page_size')) });
				const start = (pageNo - 1) * pageSize;
				const items = Array.from({ length: Math.max(0, Math.min(pageSize, total - start)) }, (_, i) => ({ id: start + i + 1 }));
				const data = { items, page_no: pageNo, page_size: pageSize, ...(pageCount ? { page_count: Math.ceil(total / pageSize), item_count: total } : {}) };
				return { statusCode: 200, headers: {}, body: JSON.stringify({ result: 'success', data }) };
			},
		},
	};
	const run = (limit?: number, pageSize = 1000) => fetchPages.call(context as never, 'listX', {}, { listKey: 'items', pageSize, limit }) as Promise<Array<{ id: number }>>;
	return { asked, run };
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('fetchPages', () => {
	it('reads every page once and stops at page_count', async () => {
		const s = server(2345);
		expect((await s.run()).map((r) => r.id)).toEqual(ids(2345));
		expect(s.asked).toEqual([1, 2, 3].map((page_no) => ({ page_no, page_size: 1000 })));
	});

	it('goes on when the server serves fewer per page than asked, as long as page_count says so', async () => {
		const s = server(1200, { cap: 500 });
		expect((await s.run()).map((r) => r.id)).toEqual(ids(1200));
		expect(s.asked.map((a) => a.page_no)).toEqual([1, 2, 3]);
	});

	it('without page_count stops at a short page, or an empty one', async () => {
		const short = server(2345, { pageCount: false });
		expect(await short.run()).toHaveLength(2345);
		expect(short.asked).toHaveLength(3);
		const exact = server(2000, { pageCount: false });
		expect(await exact.run()).toHaveLength(2000);
		expect(exact.asked).toHaveLength(3);
	});

	it('a Limit keeps one page size for all pages and fetches no page it does not need', async () => {
		const s = server(5000);
		expect((await s.run(1500)).map((r) => r.id)).toEqual(ids(1500));
		expect(s.asked).toEqual([
			{ page_no: 1, page_size: 750 },
			{ page_no: 2, page_size: 750 },
		]);
		const small = server(5000);
		expect(await small.run(30)).toHaveLength(30);
		expect(small.asked).toEqual([{ page_no: 1, page_size: 30 }]);
		const odd = server(5000);
		expect((await odd.run(2001)).map((r) => r.id)).toEqual(ids(2001));
		expect(odd.asked).toEqual([1, 2, 3].map((page_no) => ({ page_no, page_size: 667 })));
	});

	it('a Limit above the total ends at the last page', async () => {
		const s = server(120);
		expect(await s.run(500)).toHaveLength(120);
		expect(s.asked).toEqual([{ page_no: 1, page_size: 500 }]);
	});
});
