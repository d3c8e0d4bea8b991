import { listOutput, pagingFields } from './common';
import type { Operation } from './types';

export const payoutOperations: Operation[] = [
	{
		resource: 'payout',
		operation: 'getMany',
		name: 'Get Many',
		action: 'Get many payouts',
		description: 'List your payouts (credit notes) as vendor and affiliate with dates, amounts and status, newest first (listPayouts)',
		fn: 'listPayouts',
		fields: pagingFields(),
		output: listOutput(['payout_list', 'payouts', 'items'], { limit: true }),
	},
];
