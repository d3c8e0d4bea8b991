import { z } from 'zod';
import { POSTBACK_EVENTS } from './events';
import { PLACEHOLDERS, type PlaceholderKind } from './placeholders';

/** zod schema of the postback trigger's typed output, derived from the placeholder catalogue. */
const KIND_SCHEMA: Record<PlaceholderKind, z.ZodTypeAny> = {
	text: z.string(),
	id: z.string(),
	email: z.string(),
	amount: z.number(),
	integer: z.number().int(),
	flag: z.boolean(),
	unix: z.string().datetime(),
};

export function postbackOutputSchema() {
	const groups: Record<string, Record<string, z.ZodTypeAny>> = {};
	const topLevel: Record<string, z.ZodTypeAny> = {};
	for (const placeholder of PLACEHOLDERS) {
		if (!placeholder.property) continue;
		const schema = KIND_SCHEMA[placeholder.kind].optional();
		if (placeholder.group) (groups[placeholder.group] ??= {})[placeholder.property] = schema;
		else topLevel[placeholder.property] = schema;
	}
	const list = z.array(z.string()).optional();
	return z
		.object({
			source: z.literal('postback'),
			event: z.enum(POSTBACK_EVENTS.map((event) => event.value) as [string, ...string[]]),
			eventName: z.string(),
			role: z.enum(['affiliate', 'vendor']).optional(),
			isRepeat: z.boolean(),
			...topLevel,
			isTest: z.boolean(),
			warnings: z
				.object({ unreplacedPlaceholders: list, unreadableValues: list, repeatedParameters: list, filtersNotApplied: list, unknownConnection: z.boolean().optional() })
				.strict()
				.optional(),
			raw: z.record(z.string()),
			...Object.fromEntries(Object.entries(groups).map(([group, shape]) => [group, z.object(shape).strict().optional()])),
		})
		.strict();
}
