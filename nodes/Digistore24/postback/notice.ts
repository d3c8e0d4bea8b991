import { queryTemplate, TOKEN_SLOT, type PostbackRole } from './placeholders';

/** The trigger's webhook path: its production URL ends in `/postback`. */
export const POSTBACK_PATH = 'postback';

const WHERE: Record<PostbackRole, string> = {
	affiliate: 'Affiliate postback: in Digistore24 open Account → S2S Postback → Add new connection',
	vendor: 'Vendor postback: in Digistore24 open Settings → Integrations (IPN) → Add new connection → S2S Postback',
};

/**
 * The notice under the Events: where to paste, and the query string to append to the Production URL
 * n8n shows above. The token is a slot: it lives in the credential, never in workflow JSON.
 */
export function postbackUrlNotice(role: PostbackRole): string {
	// n8n renders a notice as HTML: unescaped, "&currency=" would show as "¤cy=".
	const query = queryTemplate(role).replace(/&/g, '&amp;');
	return `${WHERE[role]}, and paste the Production URL shown above under Webhook URLs followed by this, with ${TOKEN_SLOT} replaced by the credential's token: ${query}`;
}

/** The query string a notice shows, as the editor displays it (for tests reading the description). */
export function queryFromNotice(notice: string): string | undefined {
	return notice.match(/\?token=\S+$/)?.[0].replace(/&amp;/g, '&');
}
