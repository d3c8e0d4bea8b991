import { caseInsensitiveOrder } from './order';

/**
 * Every Digistore24 API function we know of (reference: Digistore24's OpenAPI via its MCP server,
 * its PHP connectors and docs, /work/shared/reference/digistore24.md §2), split by whether a call
 * changes data. The split decides two things:
 * - a write needs a full-access key;
 * - a write is sent once: it is never retried unless Digistore24 provably did not get it
 *   (connection refused, DNS failure, 429). A function not listed here counts as a write.
 *
 * To add a function: a read goes into READ; a write goes into WRITES with how to see afterwards
 * whether a call whose answer was lost was carried out (shown in the "outcome unknown" error).
 */
const READ = `ping getUserInfo getGlobalSettings getAffiliateCommission getAffiliateForEmail getBuyer
getCustomerToAffiliateBuyerDetails getDelivery getEticket getEticketSettings getImage getMarketplaceEntry
getOrderform getOrderformMetas getProduct getProductGroup getPurchase getPurchaseDownloads getPurchaseTracking
getReferringAffiliate getServiceProofRequest getShippingCostPolicy getSmartupgrade getTestpayKey getUpgrade getUpsells
getVoucher ipnInfo listAccountAccess listBuyUrls listBuyers listCommissions listConversionTools listCountries
listCurrencies listCustomFormRecords listDeliveries listEticketLocations listEticketTemplates listEtickets listImages
listInvoices listMarketplaceEntries listOrderforms listPaymentPlans listPayouts listProductGroups listProductTypes
listProducts listPurchases listPurchasesOfEmail listRebillingStatusChanges listServiceProofRequests
listShippingCostPolicies listSmartUpgrades listTransactions listUpgrades listVouchers renderJsTrackingCode
statsAffiliateToplist statsDailyAmounts statsExpectedPayouts statsMarketplace statsSales statsSalesSummary
validateAffiliate validateCouponCode validateLicenseKey`;

/** Reads that change data when one flag is set (Y, true, 1): then they are writes too. */
const WRITES_WITH_FLAG: Record<string, string> = {
	getDelivery: 'set_in_progress', // marks the delivery as being processed
	getTestpayKey: 'do_recreate', // replaces the test-pay key
};

const PURCHASE_CHECK = 'getPurchase (Purchase → Get) for the order';
const TRANSACTIONS_CHECK = 'listTransactions (Transaction → Get Many) filtered by the order (search[purchase_id])';

/** Writes, each with the read that shows whether a call was carried out. */
const WRITES: Record<string, string> = {
	addBalanceToPurchase: `${PURCHASE_CHECK}: compare its balance`,
	copyProduct: 'listProducts (Product → Get Many): look for the copy',
	createAddonChangePurchase: PURCHASE_CHECK,
	createBillingOnDemand: `${TRANSACTIONS_CHECK}: look for the new payment`,
	createBuyUrl: 'listBuyUrls (Buy URL → Get Many): look for the new buy URL',
	createEticket: 'listEtickets (E-Ticket → Get Many) for the buyer\'s email: look for the new tickets',
	createImage: 'listImages',
	createOrderform: 'listOrderforms',
	createPaymentplan: 'listPaymentPlans for the product',
	createProduct: 'listProducts (Product → Get Many)',
	createProductGroup: 'listProductGroups',
	createRebillingPayment: `${TRANSACTIONS_CHECK}: look for the new payment`,
	createShippingCostPolicy: 'listShippingCostPolicies',
	createUpgrade: 'listUpgrades',
	createUpgradePurchase: PURCHASE_CHECK,
	createVoucher: 'listVouchers',
	deleteBuyUrl: 'listBuyUrls (Buy URL → Get Many)',
	deleteImage: 'listImages',
	deleteOrderform: 'listOrderforms',
	deletePaymentplan: 'listPaymentPlans for the product',
	deleteProduct: 'getProduct',
	deleteProductGroup: 'listProductGroups',
	deleteShippingCostPolicy: 'listShippingCostPolicies',
	deleteUpgrade: 'listUpgrades',
	deleteUpsells: 'getUpsells',
	deleteVoucher: 'listVouchers',
	ipnDelete: 'ipnInfo for the domain_id',
	ipnSetup: 'ipnInfo for the domain_id',
	logMemberAccess: 'Digistore24\'s member access log',
	refundPartially: `${TRANSACTIONS_CHECK}: look for a refund of that amount`,
	refundPurchase: `${TRANSACTIONS_CHECK} or ${PURCHASE_CHECK}: look for the refund`,
	refundTransaction: `${TRANSACTIONS_CHECK}: look for a refund pointing at the transaction`,
	reportFraud: PURCHASE_CHECK,
	requestApiKey: 'Digistore24 → Settings → Account access → API keys',
	resendInvoiceMail: 'the buyer\'s inbox (a second mail does no harm but is noticed)',
	resendPurchaseConfirmationMail: 'the buyer\'s inbox (a second mail does no harm but is noticed)',
	retrieveApiKey: 'Digistore24 → Settings → Account access → API keys',
	setAffiliateForEmail: 'getAffiliateForEmail (Affiliate → Get for Email)',
	setReferringAffiliate: 'getReferringAffiliate',
	startRebilling: `${PURCHASE_CHECK}: billing_status and rebilling_active`,
	stopRebilling: `${PURCHASE_CHECK}: billing_status and rebilling_active`,
	unregister: 'Digistore24 → Settings → Account access → API keys',
	updateAffiliateCommission: 'getAffiliateCommission',
	updateBuyer: 'getBuyer (Buyer → Get)',
	updateDelivery: 'getDelivery (without set_in_progress)',
	updateOrderform: 'getOrderform',
	updatePaymentplan: 'listPaymentPlans for the product',
	updateProduct: 'getProduct',
	updateProductGroup: 'getProductGroup',
	updatePurchase: PURCHASE_CHECK,
	updateServiceProofRequest: 'getServiceProofRequest',
	updateShippingCostPolicy: 'getShippingCostPolicy',
	updateUpsells: 'getUpsells',
	updateVoucher: 'getVoucher',
	// Not a read: a valid ticket is marked as used, so a second call answers "already used".
	validateEticket: 'getEticket (E-Ticket → Get): used_at says whether and when it was validated',
};

export interface KnownFunction {
	name: string;
	/** Changes data: needs a full-access key and is never sent twice. */
	writes: boolean;
	/** For a read: the parameter that makes a call a write. */
	writesWithFlag?: string;
	/** For a write: the read that shows whether a call with a lost answer was carried out. */
	check?: string;
}

const split = (list: string) => list.split(/\s+/).filter(Boolean);

export const KNOWN_FUNCTIONS: readonly KnownFunction[] = [
	...split(READ).map((name): KnownFunction => (WRITES_WITH_FLAG[name] ? { name, writes: false, writesWithFlag: WRITES_WITH_FLAG[name] } : { name, writes: false })),
	...Object.entries(WRITES).map(([name, check]): KnownFunction => ({ name, writes: true, check })),
].sort((a, b) => caseInsensitiveOrder(a.name, b.name));

const BY_NAME = new Map(KNOWN_FUNCTIONS.map((fn) => [fn.name, fn]));

export function findKnownFunction(name: string): KnownFunction | undefined {
	return BY_NAME.get(name);
}

/**
 * Whether this call may change data at Digistore24. Unknown functions do: we cannot tell, and
 * sending a refund twice is worse than not retrying a read.
 */
export function callChangesData(fn: string, parameters: Record<string, unknown> = {}): boolean {
	const known = BY_NAME.get(fn);
	if (!known) return true;
	if (known.writes) return true;
	return known.writesWithFlag !== undefined && isSet(parameters[known.writesWithFlag]);
}

/** Where to look after a write whose answer was lost. */
export function howToCheck(fn: string): string {
	const known = BY_NAME.get(fn);
	if (known?.check) return `Check with ${known.check}.`;
	if (known?.writesWithFlag) return `Check with ${fn} without ${known.writesWithFlag}.`;
	return 'Look the record up with the matching get or list function before running it again.';
}

function isSet(value: unknown): boolean {
	if (value === undefined || value === null) return false;
	if (typeof value === 'boolean') return value;
	return /^(y|yes|true|1)$/i.test(String(value).trim());
}
