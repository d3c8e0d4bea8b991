import { accountFunctions } from './account';
import { affiliateFunctions } from './affiliates';
import { buyerFunctions } from './buyers';
import { buyUrlFunctions } from './buyUrls';
import { commissionFunctions } from './commissions';
import { eticketFunctions } from './etickets';
import { ipnFunctions } from './ipn';
import { productFunctions } from './products';
import { purchaseFunctions } from './purchases';
import { rebillingFunctions } from './rebilling';
import { partialRefundFunctions, refundFunctions } from './refunds';
import { statsFunctions } from './stats';
import { transactionFunctions } from './transactions';
import { deliveryFunctions } from './deliveries';
import { invoiceFunctions } from './invoices';
import { marketplaceFunctions } from './marketplace';
import { purchaseChangeFunctions } from './purchaseChanges';
import { upgradeFunctions } from './upgrades';
import { voucherFunctions } from './vouchers';
import type { ApiFunction, FunctionTable } from './types';

/** Every function the emulator knows; a new area is one more file spread in here. */
export const FUNCTIONS: FunctionTable = {
	...accountFunctions,
	...productFunctions,
	...purchaseFunctions,
	...transactionFunctions,
	...commissionFunctions,
	...rebillingFunctions,
	...refundFunctions,
	...partialRefundFunctions,
	...buyerFunctions,
	...buyUrlFunctions,
	...eticketFunctions,
	...affiliateFunctions,
	...statsFunctions,
	...ipnFunctions,
	...purchaseChangeFunctions,
	...invoiceFunctions,
	...voucherFunctions,
	...deliveryFunctions,
	...upgradeFunctions,
	...marketplaceFunctions,
};

export function findFunction(name: string): ApiFunction | undefined {
	return Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
}
