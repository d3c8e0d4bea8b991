import { listOutput, pagingFields, unwrapOutput } from './common';
import { marketplaceEntryIdField, trimmed } from './objects/ids';
import type { Operation } from './types';

/** The vendor's entries on Digistore24's marketplace, where affiliates look for offers. */
export const marketplaceOperations: Operation[] = [
	{
		resource: 'marketplace',
		operation: 'getMany',
		name: 'Get Many',
		action: 'Get many marketplace entries',
		description: "List your marketplace entries with their statistics (sales, conversion, earnings per click) as affiliates see them (listMarketplaceEntries)",
		fn: 'listMarketplaceEntries',
		fields: pagingFields(),
		output: listOutput(['entries', 'marketplace_entries', 'items'], { limit: true }),
	},
	{
		resource: 'marketplace',
		operation: 'get',
		name: 'Get',
		action: 'Get a marketplace entry',
		description: 'Get one marketplace entry with its statistics (getMarketplaceEntry)',
		fn: 'getMarketplaceEntry',
		fields: [marketplaceEntryIdField()],
		parameters: (ctx, i) => ({ entry_id: trimmed(ctx, 'entryId', i) }),
		output: unwrapOutput('entry'),
	},
	{
		resource: 'marketplace',
		operation: 'getStatistics',
		name: 'Get Statistics',
		action: 'Get marketplace statistics',
		description: "The marketplace's figures for your entries, in the language set under Options → Language (statsMarketplace)",
		fn: 'statsMarketplace',
	},
];
