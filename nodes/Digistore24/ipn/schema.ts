import { z } from 'zod';
import type { FieldKind } from './fields';
import { fieldsForEvent, type IpnEvent } from './events';

/** zod schema of the trigger's typed output for one event, derived from the catalogue. */
const KIND_SCHEMA: Record<FieldKind, z.ZodTypeAny> = {
	text: z.string(),
	id: z.string(),
	email: z.string(),
	url: z.string(),
	amount: z.number(),
	integer: z.number().int(),
	flag: z.boolean(),
	date: z.string(),
	datetime: z.string(),
};

export function outputSchemaFor(event: IpnEvent) {
	const groups: Record<string, Record<string, z.ZodTypeAny>> = {};
	for (const field of fieldsForEvent(event)) {
		(groups[field.group] ??= {})[field.property] = KIND_SCHEMA[field.kind].optional();
	}
	return z
		.object({
			event: z.string(),
			eventName: z.literal(event.name),
			eventLabel: z.string().optional(),
			apiMode: z.string().optional(),
			isTest: z.boolean(),
			ipnVersion: z.string().optional(),
			raw: z.record(z.string()).optional(),
			repeat: z.object({ isRepeat: z.boolean(), firstSeenAt: z.string(), count: z.number().int() }).strict().optional(),
			...Object.fromEntries(
				Object.entries(groups).map(([group, shape]) => [group, z.object(shape).strict().optional()]),
			),
		})
		.strict();
}
