import { typedValue, type TypedGroup, type TypedValue } from '../ipn/normalize';
import type { PostbackEvent } from './events';
import { isUnreplaced, PLACEHOLDERS, type Placeholder, type PlaceholderKind, type PostbackRole } from './placeholders';

/**
 * Turns a postback's parameters (token already removed) into the trigger's typed item: the same
 * groups and property names as an IPN item, with `source: "postback"`. A value Digistore24 left as
 * `{placeholder}` is empty (in `raw` too) and named under `warnings`, never passed off as data.
 */
export interface PostbackWarnings {
	/** Placeholders Digistore24 did not fill in (sent literally, e.g. `{cid}`): output as empty. */
	unreplacedPlaceholders?: string[];
	/** Values that do not fit their kind (e.g. an amount that is no number): kept under raw only. */
	unreadableValues?: string[];
	/** Parameters sent more than once: the first value is used. */
	repeatedParameters?: string[];
	/** Filters that could not be applied because the postback lacks what they look at. */
	filtersNotApplied?: string[];
	/** The URL lacks `postback=affiliate|vendor`: the kind of connection is unknown. */
	unknownConnection?: boolean;
}

export interface NormalizedPostback {
	source: 'postback';
	event: string;
	eventName: string;
	role?: PostbackRole;
	isTest: boolean;
	occurredAt?: string;
	/** Seen before by this trigger in this n8n process: everything but `{random}` was the same. */
	isRepeat: boolean;
	[group: string]: TypedGroup | TypedValue | Record<string, string> | PostbackWarnings | undefined;
	warnings?: PostbackWarnings;
	/** Every parameter as sent except the token (unreplaced placeholders emptied). */
	raw?: Record<string, string>;
}

const BY_NAME = new Map<string, Placeholder>(PLACEHOLDERS.map((placeholder) => [placeholder.name, placeholder]));

const TRUE = new Set(['y', 'yes', '1', 'true']);
const FALSE = new Set(['n', 'no', '0', 'false']);

/** Digistore24's flags are Y/N elsewhere; what `{is_test}` sends is not documented, so both forms count. */
export function flag(value: string): boolean | undefined {
	const lower = value.trim().toLowerCase();
	return TRUE.has(lower) ? true : FALSE.has(lower) ? false : undefined;
}

function unixToIso(value: string): string | undefined {
	if (!/^\d{1,12}$/.test(value.trim())) return undefined;
	const date = new Date(Number(value) * 1000);
	return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function convert(kind: PlaceholderKind, value: string): TypedValue | undefined {
	if (kind === 'flag') return flag(value);
	if (kind === 'unix') return unixToIso(value);
	return typedValue(kind, value);
}

export interface NormalizeInput {
	params: Record<string, string>;
	event: PostbackEvent;
	role: PostbackRole | undefined;
	isRepeat: boolean;
	warnings: PostbackWarnings;
	rawOnly?: boolean;
}

/** The parameters that are data: without the secret, unreplaced placeholders emptied. */
export function cleanParams(params: Record<string, string>, secretKey: string): { clean: Record<string, string>; unreplaced: string[] } {
	const clean: Record<string, string> = {};
	const unreplaced: string[] = [];
	for (const key in params) {
		if (key === secretKey) continue;
		const value = params[key];
		if (isUnreplaced(value)) {
			unreplaced.push(key);
			clean[key] = '';
		} else {
			clean[key] = value;
		}
	}
	return { clean, unreplaced };
}

export function normalizePostback({ params, event, role, isRepeat, warnings, rawOnly = false }: NormalizeInput): NormalizedPostback {
	const item: NormalizedPostback = { source: 'postback', event: event.value, eventName: event.name, isTest: flag(params.is_test ?? '') ?? false, isRepeat };
	if (role) item.role = role;
	const unreadable: string[] = [];
	if (!rawOnly) {
		for (const key in params) {
			const placeholder = BY_NAME.get(key);
			const value = params[key];
			if (!placeholder?.property || value === '') continue;
			const typed = convert(placeholder.kind, value);
			if (typed === undefined) {
				unreadable.push(key);
				continue;
			}
			if (!placeholder.group) {
				item[placeholder.property] = typed;
				continue;
			}
			const group = (item[placeholder.group] ??= {}) as TypedGroup;
			group[placeholder.property] = typed;
		}
	}
	const allWarnings: PostbackWarnings = { ...warnings, ...(unreadable.length ? { unreadableValues: unreadable } : {}) };
	if (Object.keys(allWarnings).length) item.warnings = allWarnings;
	item.raw = params;
	return item;
}
