import { interpretResponse } from '../../nodes/Digistore24/transport/envelope';
import { hintFor } from '../../nodes/Digistore24/transport/errors';

describe('interpretResponse', () => {
	it('accepts only 2xx with result success', () => {
		const ok = interpretResponse(200, '{"result":"success","data":{"a":1}}');
		expect(ok).toEqual({ ok: true, envelope: { result: 'success', data: { a: 1 } } });
	});

	it('treats the error envelope on HTTP 200 as an error with Digistore24 message and code', () => {
		expect(interpretResponse(200, { result: 'error', message: 'Invalid API function called: foo()', code: 404 })).toMatchObject({
			ok: false,
			retryable: false,
			message: 'Invalid API function called: foo()',
			code: '404',
		});
	});

	it('marks 429 and 5xx as retryable and reads Retry-After', () => {
		expect(interpretResponse(429, '', { 'retry-after': '2' })).toMatchObject({ ok: false, retryable: true, retryAfterSeconds: 2 });
		expect(interpretResponse(503, 'Service Unavailable')).toMatchObject({ ok: false, retryable: true, httpCode: 503 });
		expect(interpretResponse(400, { result: 'error', message: 'bad' })).toMatchObject({ ok: false, retryable: false, httpCode: 400 });
	});

	it('reports malformed JSON on 200 as not the envelope', () => {
		expect(interpretResponse(200, '{"result": "succ')).toMatchObject({ ok: false, message: expect.stringContaining('not its JSON envelope') });
	});
});

describe('hintFor', () => {
	it('tells what to do for the common failures', () => {
		expect(hintFor('Permission denied: this API key has read access only')).toMatch(/full access/);
		expect(hintFor('Invalid API function called: foo()')).toMatch(/function name/);
		expect(hintFor('Invalid API key')).toMatch(/API key/);
		expect(hintFor('whatever', 503)).toMatch(/temporary/);
	});
});
