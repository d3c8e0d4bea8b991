import { accountFunctions } from './account';
import { ipnFunctions } from './ipn';
import { productFunctions } from './products';
import { purchaseFunctions } from './purchases';
import { transactionFunctions } from './transactions';
import type { ApiFunction, FunctionTable } from './types';

/** Every function the emulator knows; a new area is one more file spread in here. */
export const FUNCTIONS: FunctionTable = {
	...accountFunctions,
	...productFunctions,
	...purchaseFunctions,
	...transactionFunctions,
	...ipnFunctions,
};

export function findFunction(name: string): ApiFunction | undefined {
	return Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
}
