import { readFileSync } from 'fs';
import { README, renderReadme } from '../docs/generate';
import { IPN_EVENTS } from '../../nodes/Digistore24/ipn/events';

describe('README', () => {
	const text = readFileSync(README, 'utf8');

	it('has its generated sections (events, fields, operations) up to date: run `npm run docs`', () => {
		expect(renderReadme(text)).toBe(text);
	});

	it('lists every event of the catalogue', () => {
		for (const event of IPN_EVENTS) expect(text).toContain(`\`${event.value}\``);
	});
});
