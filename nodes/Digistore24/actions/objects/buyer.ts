import type { INodeProperties } from 'n8n-workflow';
import { sortedByDisplayName } from '../order';

/**
 * A buyer's contact fields, defined once. Digistore24 names a few of them differently per
 * function (createBuyUrl: `phone_no`, `street`; updateBuyer: `phone_number`, `street_name` +
 * `street_number`), so each function picks its keys from this one list of labels and help texts.
 */
type BuyerOption = INodeProperties;

const salutationOptions = [
	{ name: 'Mr', value: 'M' },
	{ name: 'Ms', value: 'F' },
];

export const BUYER_OPTIONS = {
	city: { displayName: 'City', name: 'city', type: 'string', default: '' },
	company: { displayName: 'Company', name: 'company', type: 'string', default: '' },
	country: { displayName: 'Country', name: 'country', type: 'string', default: '', placeholder: 'DE', description: 'Two-letter ISO country code' },
	email: { displayName: 'Email', name: 'email', type: 'string', default: '', placeholder: 'name@email.com' },
	firstName: { displayName: 'First Name', name: 'first_name', type: 'string', default: '' },
	lastName: { displayName: 'Last Name', name: 'last_name', type: 'string', default: '' },
	phone: (key: 'phone_no' | 'phone_number'): BuyerOption => ({ displayName: 'Phone Number', name: key, type: 'string', default: '' }),
	/** `clearable`: "None" sends an empty salutation, which removes it (updateBuyer). */
	salutation: (clearable: boolean): BuyerOption =>
		clearable
			? { displayName: 'Salutation', name: 'salutation', type: 'options', default: '', options: [...salutationOptions, { name: 'None', value: '' }] }
			: { displayName: 'Salutation', name: 'salutation', type: 'options', default: 'F', options: salutationOptions },
	state: { displayName: 'State', name: 'state', type: 'string', default: '' },
	street: { displayName: 'Street', name: 'street', type: 'string', default: '', placeholder: 'Invalidenstraße 12', description: 'Street and house number' },
	streetName: { displayName: 'Street Name', name: 'street_name', type: 'string', default: '' },
	streetNumber: { displayName: 'Street Number', name: 'street_number', type: 'string', default: '' },
	taxId: { displayName: 'Tax ID', name: 'tax_id', type: 'string', default: '' },
	title: { displayName: 'Title', name: 'title', type: 'string', default: '', placeholder: 'Dr.' },
	zipcode: { displayName: 'ZIP Code', name: 'zipcode', type: 'string', default: '' },
} satisfies Record<string, BuyerOption | ((...args: never[]) => BuyerOption)>;

/** The contact fields every buyer form has, in Digistore24's common key names. */
export function buyerContactOptions(): BuyerOption[] {
	const o = BUYER_OPTIONS;
	return [o.city, o.company, o.country, o.email, o.firstName, o.lastName, o.state, o.title, o.zipcode] as BuyerOption[];
}

export { sortedByDisplayName as sortedOptions };
