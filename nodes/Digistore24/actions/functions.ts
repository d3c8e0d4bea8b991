import { caseInsensitiveOrder } from './order';

/**
 * Every Digistore24 API function we know of (reference: Digistore24's OpenAPI via its MCP server,
 * its PHP connectors and docs), split by whether it changes data. Writes need a full-access key.
 */
const READ = `ping getUserInfo getGlobalSettings getAffiliateCommission getAffiliateForEmail getBuyer
getCustomerToAffiliateBuyerDetails getDelivery getEticket getEticketSettings getImage getMarketplaceEntry
getOrderform getOrderformMetas getProduct getProductGroup getPurchase getPurchaseDownloads getPurchaseTracking
getReferringAffiliate getServiceProofRequest getShippingCostPolicy getSmartupgrade getUpgrade getUpsells getVoucher
ipnInfo listAccountAccess listBuyUrls listBuyers listCommissions listConversionTools listCountries listCurrencies
listCustomFormRecords listDeliveries listEticketLocations listEticketTemplates listEtickets listImages listInvoices
listMarketplaceEntries listOrderforms listPaymentPlans listPayouts listProductGroups listProductTypes listProducts
listPurchases listPurchasesOfEmail listRebillingStatusChanges listServiceProofRequests listShippingCostPolicies
listSmartUpgrades listTransactions listUpgrades listVouchers renderJsTrackingCode statsAffiliateToplist
statsDailyAmounts statsExpectedPayouts statsMarketplace statsSales statsSalesSummary validateAffiliate
validateCouponCode validateLicenseKey`;

const WRITE = `addBalanceToPurchase copyProduct createAddonChangePurchase createBillingOnDemand createBuyUrl
createEticket createImage createOrderform createPaymentplan createProduct createProductGroup createRebillingPayment
createShippingCostPolicy createUpgrade createUpgradePurchase createVoucher deleteBuyUrl deleteImage deleteOrderform
deletePaymentplan deleteProduct deleteProductGroup deleteShippingCostPolicy deleteUpgrade deleteUpsells deleteVoucher
ipnSetup ipnDelete logMemberAccess refundPartially refundPurchase refundTransaction reportFraud resendInvoiceMail
resendPurchaseConfirmationMail setAffiliateForEmail setReferringAffiliate startRebilling stopRebilling
updateAffiliateCommission updateBuyer updateDelivery updateOrderform updatePaymentplan updateProduct
updateProductGroup updatePurchase updateServiceProofRequest updateShippingCostPolicy updateUpsells updateVoucher
validateEticket`;

export interface KnownFunction {
	name: string;
	writes: boolean;
}

const split = (list: string) => list.split(/\s+/).filter(Boolean);

export const KNOWN_FUNCTIONS: readonly KnownFunction[] = [
	...split(READ).map((name) => ({ name, writes: false })),
	...split(WRITE).map((name) => ({ name, writes: true })),
].sort((a, b) => caseInsensitiveOrder(a.name, b.name));
