/**
 * The trigger listens on two paths: `ipn` answers OK on receipt, `ipn-after-success` leaves the
 * answer to the action node's Answer Notification. n8n names webhooks only "default" and "setup", so the
 * path tells them apart.
 */
export const RECEIPT_PATH = 'ipn';
export const AFTER_SUCCESS_PATH = 'ipn-after-success';

export function isAfterSuccessPath(requestPath: string | undefined): boolean {
	return (requestPath ?? '').replace(/\/+$/, '').endsWith(`/${AFTER_SUCCESS_PATH}`);
}

/** The URL to register: n8n reports the first "default" webhook (the receipt path). */
export function webhookUrlFor(receiptUrl: string, afterSuccess: boolean): string {
	return afterSuccess ? receiptUrl.replace(new RegExp(`/${RECEIPT_PATH}$`), `/${AFTER_SUCCESS_PATH}`) : receiptUrl;
}
