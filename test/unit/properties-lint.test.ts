/**
 * The node's properties are generated from the operations table (actions/index.ts), so ESLint
 * never sees most of them as literals: operation options, their actions and descriptions are
 * built at run time. This test writes the generated properties out as source and runs
 * eslint-plugin-n8n-nodes-base's node rules on it, so they hold for what n8n really shows.
 */
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { operationProperties, RESOURCES } from '../../nodes/Digistore24/actions';

// The plugin ships no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const n8nNodesBase = require('eslint-plugin-n8n-nodes-base') as { configs: { nodes: { rules: Record<string, unknown> } } };

/** A JS literal with plain identifier keys, the shape the rules look for. */
function toSource(value: unknown, indent = ''): string {
	const inner = `${indent}\t`;
	if (Array.isArray(value)) return value.length === 0 ? '[]' : `[\n${value.map((v) => `${inner}${toSource(v, inner)}`).join(',\n')},\n${indent}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value).filter(([, v]) => v !== undefined);
		if (entries.length === 0) return '{}';
		const key = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k));
		return `{\n${entries.map(([k, v]) => `${inner}${key(k)}: ${toSource(v, inner)}`).join(',\n')},\n${indent}}`;
	}
	return JSON.stringify(value);
}

/**
 * Deliberate exceptions: "API Call" heads the resource list (DESIGN.md), and the API call's
 * function list holds Digistore24's case-sensitive function names with "Other" first.
 */
const RESOURCE_ORDER = /^n8n-nodes-base\/node-param-options-type-unsorted-items: Alphabetize by 'name'. Order: Account \| Affiliate \| API Call \|/;
const isFunctionList = (property: { name: string }) => property.name === 'function';

/**
 * The rule's sentence-case library splits "e-ticket" and "URLs" into words, so it flags correct
 * sentence case; actions are checked here instead: capital first letter, then lower case except
 * for acronyms (URL, URLs, IPN).
 */
const SENTENCE_CASE_RULE = 'n8n-nodes-base/node-param-operation-option-action-miscased';
const isSentenceCase = (action: string) =>
	/^[A-Z]/.test(action) && action.split(' ').slice(1).every((word) => word === word.toLowerCase() || /^[A-Z]{2,}s?$/.test(word));

describe('generated node properties', () => {
	it('have sentence-case actions that name their resource', () => {
		for (const property of operationProperties().filter((p) => p.name === 'operation')) {
			for (const option of property.options as Array<{ action: string }>) expect([option.action, isSentenceCase(option.action)]).toEqual([option.action, true]);
		}
		for (const resource of RESOURCES) {
			const noun = resource.name.replace(/\s*\(.*\)$/, '').toLowerCase();
			// The noun or its plural ("delivery" in "Get many deliveries").
			const named = new RegExp(noun.replace(/y$/, '(y|ies)'));
			for (const op of resource.operations) expect([op.action, named.test(op.action.toLowerCase())]).toEqual([op.action, true]);
		}
	});

	it('give one name one meaning: same-named fields of different operations share type and choices', () => {
		const seen = new Map<string, string>();
		for (const property of operationProperties()) {
			if (property.name === 'operation') continue;
			const shape = JSON.stringify([property.type, property.type === 'options' || property.type === 'multiOptions' ? (property.options as Array<{ value: unknown }>).map((o) => o.value) : null]);
			expect([property.name, seen.get(property.name) ?? shape]).toEqual([property.name, shape]);
			seen.set(property.name, shape);
		}
	});

	it('pass the n8n node parameter rules', async () => {
		const properties = operationProperties().filter((p) => !isFunctionList(p));
		const source = `export const properties = ${toSource(properties)};\n`;
		const eslint = new ESLint({
			overrideConfigFile: true,
			overrideConfig: [
				{
					files: ['**/*.ts'],
					languageOptions: { parser: tseslint.parser as never },
					plugins: { 'n8n-nodes-base': n8nNodesBase as never },
					rules: { ...(n8nNodesBase.configs.nodes.rules as object), [SENTENCE_CASE_RULE]: 'off' } as never,
				},
			],
		});
		const [result] = await eslint.lintText(source, { filePath: 'nodes/Digistore24/Generated.node.ts' });
		const lines = source.split('\n');
		const problems = result.messages
			.map((m) => `${m.ruleId}: ${m.message}\n    at: ${lines[m.line - 1]?.trim()}`)
			.filter((problem) => !RESOURCE_ORDER.test(problem));
		expect(problems).toEqual([]);
	});
});
