import type { Random } from '../prng';

/** Names and places for buyers and affiliates, shared by the seeded data and the sample IPNs. */
export const FIRST_NAMES = ['Anna', 'Ben', 'Clara', 'David', 'Emma', 'Felix', 'Greta', 'Hannah', 'Jonas', 'Lea', 'Lukas', 'Marie', 'Noah', 'Paul', 'Sophie', 'Tim', 'Laura', 'Max', 'Julia', 'Leon', 'Olivia', 'Samuel', 'Mia', 'Elias'];
export const LAST_NAMES = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf', 'Smith', 'Johnson', 'Brown', 'Keller', 'Huber', 'Baumann'];
export const AFFILIATES = ['MaxMuster', 'toolpartner', 'coachfinder', 'webinarking', 'dealhunter24'];

export interface Place {
	country: string;
	country_name: string;
	city: string;
	zipcode: string;
	street_name: string;
	language: string;
}

export const PLACES: readonly Place[] = [
	{ country: 'DE', country_name: 'Deutschland', city: 'Berlin', zipcode: '10115', street_name: 'Invalidenstraße', language: 'de' },
	{ country: 'DE', country_name: 'Deutschland', city: 'Hamburg', zipcode: '20095', street_name: 'Mönckebergstraße', language: 'de' },
	{ country: 'DE', country_name: 'Deutschland', city: 'München', zipcode: '80331', street_name: 'Kaufingerstraße', language: 'de' },
	{ country: 'AT', country_name: 'Österreich', city: 'Wien', zipcode: '1010', street_name: 'Graben', language: 'de' },
	{ country: 'CH', country_name: 'Schweiz', city: 'Zürich', zipcode: '8001', street_name: 'Bahnhofstrasse', language: 'de' },
	{ country: 'US', country_name: 'United States', city: 'Austin', zipcode: '78701', street_name: 'Congress Ave', language: 'en' },
	{ country: 'GB', country_name: 'United Kingdom', city: 'London', zipcode: 'EC1A 1BB', street_name: 'King Street', language: 'en' },
	{ country: 'NL', country_name: 'Nederland', city: 'Amsterdam', zipcode: '1012', street_name: 'Damrak', language: 'en' },
];

export interface Person {
	salutation: 'M' | 'F';
	first_name: string;
	last_name: string;
	email: string;
	place: Place;
	street_number: string;
}

/** A person; `uniqueTag` keeps e-mail addresses distinct across thousands of buyers. */
export function makePerson(random: Random, uniqueTag: string): Person {
	const first = random.pick(FIRST_NAMES);
	const last = random.pick(LAST_NAMES);
	const local = `${first}.${last}`.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
	return {
		salutation: random.chance(0.5) ? 'F' : 'M',
		first_name: first,
		last_name: last,
		email: `${local}.${uniqueTag}@example.com`,
		place: random.pick(PLACES),
		street_number: String(random.int(1, 120)),
	};
}
