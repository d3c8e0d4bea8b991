/**
 * README sections generated from the catalogues (events, fields, operations), so the docs never
 * drift from the code: `npm run docs` rewrites them, and test/unit/readme.test.ts fails when the
 * README is out of date.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { RESOURCES } from '../../nodes/Digistore24/actions';
import { CONNECTION_TEST, IPN_EVENTS, EVENT_ALIASES } from '../../nodes/Digistore24/ipn/events';
import { FIELD_GROUPS, fieldsOfGroup, GROUP_DESCRIPTIONS, type FieldKind, type IpnField } from '../../nodes/Digistore24/ipn/fields';
import { ETICKET_ACTIONS, eticketActionsOption, firstPaymentOnlyOption } from '../../nodes/Digistore24/ipn/filters';
import { POLL_EVENTS } from '../../nodes/Digistore24/poll/events';
import { POSTBACK_EVENTS } from '../../nodes/Digistore24/postback/events';
import { PLACEHOLDERS, queryTemplate, type PlaceholderKind } from '../../nodes/Digistore24/postback/placeholders';

export const README = join(__dirname, '../../README.md');

const KIND_TYPE: Record<FieldKind, string> = {
	text: 'string', id: 'string', email: 'string', url: 'string', amount: 'number', integer: 'number', flag: 'boolean', date: 'date (YYYY-MM-DD)', datetime: 'ISO date-time',
};

export function eventsTable(): string {
	const rows = IPN_EVENTS.map((event) => {
		const tokens = [event.category, event.transaction].filter(Boolean).join(' / ');
		return `| ${event.action} | \`${event.value}\` | ${event.description} | ${tokens} |`;
	});
	const aliases = Object.entries(EVENT_ALIASES).map(([alias, target]) => `\`${alias}\` is treated as \`${target}\`.`);
	const filters = [
		'Filters (trigger Options; a filtered notification is answered OK and logged, not run):',
		'',
		`- **${eticketActionsOption.displayName}** (\`eticket\`): ${ETICKET_ACTIONS.map((a) => `${a.name} (\`${a.value}\`)`).join(', ')}. ${eticketActionsOption.description}`,
		`- **${firstPaymentOnlyOption.displayName}** (\`on_payment\`): ${firstPaymentOnlyOption.description}. A payment without pay_sequence_no still runs.`,
	];
	return ['| Node panel entry | `event` | When | ipnSetup category / transaction |', '|---|---|---|---|', ...rows, '', ...aliases, '', ...filters].join('\n');
}

/**
 * Output fields: each group described once, then which groups each event carries. The eight order
 * events carry the same groups, so they share one row; every other event lists its own.
 */
export function fieldsTables(): string {
	const field = (f: IpnField) => `\`${f.property}\` (${KIND_TYPE[f.kind]}, from \`${f.key}\`)`;
	const groups = FIELD_GROUPS.map((group) => `| \`${group}\` | ${GROUP_DESCRIPTIONS[group]} | ${fieldsOfGroup(group).map(field).join(', ')} |`);
	const byGroups = new Map<string, string[]>();
	for (const event of [...IPN_EVENTS, CONNECTION_TEST]) {
		const key = event.groups.map((g) => `\`${g}\``).join(', ');
		byGroups.set(key, [...(byGroups.get(key) ?? []), `\`${event.value}\``]);
	}
	const events = [...byGroups].map(([groups, values]) => `| ${values.join(', ')} | ${groups} |`);
	return [
		'| Group | What it holds | Fields (type, from the Digistore24 parameter) |',
		'|---|---|---|',
		...groups,
		'',
		'| Events | Groups their items carry (when the notification has values for them) |',
		'|---|---|',
		...events,
	].join('\n');
}

export function operationsTable(): string {
	const rows = RESOURCES.flatMap((resource) =>
		resource.operations.map((op) => {
			const fn = op.local ? 'none (no API call)' : typeof op.fn === 'string' ? `\`${op.fn}\`` : 'any';
			// Paged functions fetch page by page; whole lists are cut by the node.
			const paging = op.pages ? `Return All / Limit (pages of ${op.pages.pageSize})` : op.fields?.some((field) => field.name === 'returnAll') ? 'Return All / Limit' : '';
			return `| ${resource.name} | ${op.action} | ${fn} | ${op.description} | ${paging} |`;
		}),
	);
	return ['| Resource | Action | Digistore24 function | What it does | Paging |', '|---|---|---|---|---|', ...rows].join('\n');
}

export function pollEventsTable(): string {
	const FROM = { transactions: 'listTransactions', rebillingChanges: 'listRebillingStatusChanges' } as const;
	const rows = POLL_EVENTS.map((event) => {
		const matches = event.matches.length ? ` (${event.source === 'transactions' ? 'transaction_type' : 'change_type'} ${event.matches.map((m) => `\`${m}\``).join(', ')})` : ' (every other change_type)';
		return `| ${event.ipn.name} | \`${event.ipn.value}\` | \`${FROM[event.source]}\`${matches} | ${event.missing} |`;
	});
	return ['| Event | `event` | Read from | Not in the polled item (the IPN has it) |', '|---|---|---|---|', ...rows].join('\n');
}

const PLACEHOLDER_TYPE: Record<PlaceholderKind, string> = { text: 'string', id: 'string', email: 'string', amount: 'number', integer: 'number', flag: 'boolean (Y/N or 1/0)', unix: 'ISO date-time' };

/** The postback trigger's entries, the query strings to paste and every placeholder, from its catalogues. */
export function postbackTables(): string {
	const events = POSTBACK_EVENTS.map((event) => `| ${event.action} | \`${event.value}\` | ${event.description} |`);
	const placeholders = PLACEHOLDERS.map((p) => {
		const output = p.property ? `\`${p.group ? `${p.group}.` : ''}${p.property}\` (${PLACEHOLDER_TYPE[p.kind]})` : 'raw only';
		return `| \`{${p.name}}\` | ${p.roles.join(', ')} | ${output} | ${p.description} |`;
	});
	return [
		'| Node panel entry | `event` | When |', '|---|---|---|', ...events, '',
		'Affiliate connection, after the Production URL:', '', '```', queryTemplate('affiliate'), '```', '',
		'Vendor connection, after the Production URL:', '', '```', queryTemplate('vendor'), '```', '',
		'| Placeholder | Connections | Output | Meaning |', '|---|---|---|---|', ...placeholders,
	].join('\n');
}

const SECTIONS: Record<string, () => string> = { events: eventsTable, pollEvents: pollEventsTable, fields: fieldsTables, operations: operationsTable, postback: postbackTables };

export function renderReadme(text: string): string {
	let out = text;
	for (const [name, render] of Object.entries(SECTIONS)) {
		const pattern = new RegExp(`(<!-- generated:${name} -->)[\\s\\S]*?(<!-- /generated:${name} -->)`);
		if (!pattern.test(out)) throw new Error(`README.md lacks the markers for the generated section "${name}"`);
		out = out.replace(pattern, (_m, start: string, end: string) => `${start}\n${render()}\n${end}`);
	}
	return out;
}

if (require.main === module) {
	writeFileSync(README, renderReadme(readFileSync(README, 'utf8')));
	console.log('README.md: generated sections updated');
}
