import type { FieldKind, IpnField } from './fields';
import { fieldsForEvent, type IpnEvent } from './events';
import type { IpnParams } from './parse';
import { isSignatureKey } from './signature';

export type TypedValue = string | number | boolean;
export type TypedGroup = Record<string, TypedValue>;

export interface NormalizedIpn {
	event: string;
	eventName: string;
	eventLabel?: string;
	apiMode?: string;
	isTest: boolean;
	ipnVersion?: string;
	/** Field groups (order, transaction, buyer, ...), present when the notification carries them. */
	[group: string]: TypedGroup | TypedValue | Record<string, string> | undefined;
	/** Every parameter as sent, except the signature. */
	raw?: Record<string, string>;
}

const WALL_DATETIME = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/;

/** One parameter typed by its kind (also used for S2S postbacks); undefined when it does not fit. */
export function typedValue(kind: FieldKind, value: string): TypedValue | undefined {
	// A switch rather than a table of functions: this runs for every field of every item.
	switch (kind) {
		case 'amount':
		case 'integer':
			return toNumber(value);
		case 'flag':
			return value === 'Y' ? true : value === 'N' ? false : undefined;
		case 'datetime':
			// Digistore24 sends "YYYY-MM-DD HH:MM:SS" without a zone; ISO form, zone left unstated.
			return WALL_DATETIME.test(value) ? value.replace(' ', 'T') : value;
		default:
			return value;
	}
}

function toNumber(value: string): number | undefined {
	const n = Number(value);
	return value.trim() !== '' && Number.isFinite(n) ? n : undefined;
}

/** A field list cut into runs of one group (catalogue order), so each group object is looked up once per item. */
interface GroupRun {
	group: string;
	fields: IpnField[];
}

const RUNS = new WeakMap<readonly IpnField[], GroupRun[]>();

function groupRuns(fields: readonly IpnField[]): GroupRun[] {
	let runs = RUNS.get(fields);
	if (!runs) {
		runs = [];
		for (const field of fields) {
			const last = runs[runs.length - 1];
			if (last?.group === field.group) last.fields.push(field);
			else runs.push({ group: field.group, fields: [field] });
		}
		RUNS.set(fields, runs);
	}
	return runs;
}

export interface NormalizeOptions {
	/** Keep the untouched parameters under `raw` (default true). */
	includeRaw?: boolean;
	/** The event's fields to look at, when the caller knows most are absent (catalogue order kept). */
	fields?: readonly IpnField[];
}

/** Turns verified IPN parameters into the trigger's typed item. Never carries the signature. */
export function normalizeIpn(params: IpnParams, event: IpnEvent, options: NormalizeOptions = {}): NormalizedIpn {
	const item: NormalizedIpn = {
		event: params.event ?? event.value,
		eventName: event.name,
		isTest: params.api_mode === 'test',
	};
	if (params.event_label) item.eventLabel = params.event_label;
	if (params.api_mode) item.apiMode = params.api_mode;
	if (params.ipn_version) item.ipnVersion = params.ipn_version;
	for (const run of groupRuns(options.fields ?? fieldsForEvent(event))) {
		let group: TypedGroup | undefined;
		for (const field of run.fields) {
			const value = params[field.key];
			if (value === undefined || value === '') continue;
			const typed = typedValue(field.kind, value);
			if (typed === undefined) continue;
			group ??= (item[run.group] ??= {}) as TypedGroup;
			group[field.property] = typed;
		}
	}
	if (options.includeRaw !== false) item.raw = withoutSignature(params);
	return item;
}

export function withoutSignature(params: IpnParams): Record<string, string> {
	const raw: Record<string, string> = {};
	for (const key in params) if (!isSignatureKey(key)) raw[key] = params[key];
	return raw;
}
