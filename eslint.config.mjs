// Lint the shipped code (nodes/, credentials/, package.json) with n8n's rules: the community-nodes
// plugin's cloud preset (what n8n's verification scanner runs) plus eslint-plugin-n8n-nodes-base.
import tseslint from 'typescript-eslint';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';

const shipped = ['nodes/**/*.ts', 'credentials/**/*.ts'];

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'test/**', '.n8n-dev/**', '*.js', '*.mjs'] },
	...tseslint.configs.recommended.map((c) => ({ ...c, files: shipped })),
	{ ...n8nCommunityNodesPlugin.configs.recommended, files: shipped },
	{ files: shipped, rules: { 'no-console': 'error' } },
	{
		files: ['credentials/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// Meant for n8n's own docs slugs; community credentials link a URL (community rule credential-documentation-url).
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// Superseded by the community rule node-connection-type-literal (NodeConnectionTypes.Main).
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
	{
		// package.json is linted as a JS object expression, the way both plugins' package rules expect.
		files: ['package.json'],
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
		plugins: { 'n8n-nodes-base': n8nNodesBase, '@n8n/community-nodes': n8nCommunityNodesPlugin },
		rules: { ...n8nNodesBase.configs.community.rules, ...n8nCommunityNodesPlugin.configs.recommended.rules },
	},
];
