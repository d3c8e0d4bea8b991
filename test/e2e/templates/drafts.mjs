// The ready-made workflows as first written. They are not shipped as they are: `npm run
// templates:export` imports each into the real n8n editor (Import from File), saves it there and
// writes what n8n exports to examples/<file>.json, with a screenshot of its canvas in docs/templates/.
// So the shipped files hold the parameters exactly as the editor stores them.
const TRIGGER = 'n8n-nodes-digistore24.digistore24Trigger';
const ACTION = 'n8n-nodes-digistore24.digistore24';
const POSTBACK_TRIGGER = 'n8n-nodes-digistore24.digistore24PostbackTrigger';
/** A credential reference without an id: n8n asks the user to pick (or create) one on import. */
const DIGISTORE24 = { digistore24Api: { name: 'Digistore24 account' } };

const sticky = (name, content, position, { width = 420, height = 300, color } = {}) => ({
	name,
	type: 'n8n-nodes-base.stickyNote',
	typeVersion: 1,
	position,
	parameters: { content, width, height, ...(color ? { color } : {}) },
});

const node = (name, type, typeVersion, position, parameters, extra = {}) => ({ name, type, typeVersion, position, parameters, ...extra });
const chain = (...names) => Object.fromEntries(names.slice(0, -1).map((n, i) => [n, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]));
const assignment = (id, name, value, type = 'string') => ({ id, name, value, type });

const httpPost = (name, position, url, jsonBody) =>
	node(name, 'n8n-nodes-base.httpRequest', 4.2, position, { method: 'POST', url, sendBody: true, specifyBody: 'json', jsonBody, options: {} });

const newSale = {
	file: 'new-sale-to-your-tools',
	title: 'New sale → your tools',
	workflow: {
		name: 'Digistore24: new sale → your tools',
		nodes: [
			node('New Sale', TRIGGER, 1, [0, 0], { events: ['on_payment'], options: {} }, { credentials: DIGISTORE24 }),
			node('Map Buyer, Product and Amounts', 'n8n-nodes-base.set', 3.4, [240, 0], {
				assignments: {
					assignments: [
						assignment('a1', 'email', '={{ $json.buyer.email }}'),
						assignment('a2', 'firstName', '={{ $json.buyer.firstName }}'),
						assignment('a3', 'lastName', '={{ $json.buyer.lastName }}'),
						assignment('a4', 'orderId', '={{ $json.order.id }}'),
						assignment('a5', 'productId', '={{ $json.product.id }}'),
						assignment('a6', 'productName', '={{ $json.product.name }}'),
						assignment('a7', 'amount', '={{ $json.amounts.gross }}', 'number'),
						assignment('a8', 'currency', '={{ $json.amounts.currency }}'),
						assignment('a9', 'isTest', '={{ $json.isTest }}', 'boolean'),
					],
				},
				options: {},
			}),
			httpPost('Send to Your CRM', [480, 0], 'https://example.com/replace-with-your-crm-webhook', '={{ JSON.stringify($json) }}'),
			sticky(
				'About This Workflow',
				'## New sale → your tools\nEvery Digistore24 payment (first payments and each rebill) becomes one clean record — buyer, product, amount — posted to your CRM, newsletter tool or sheet.\n\n**Set up**\n1. **New Sale**: pick or create your *Digistore24* credential (API key with full access: the trigger registers itself at Digistore24 when you activate the workflow).\n2. **Send to Your CRM**: replace the URL with your tool\'s webhook, or swap the node for your CRM\'s own n8n node.\n3. Activate. Digistore24\'s *Test connection* and test orders arrive with `isTest` = true.',
				[-60, -360],
				{ width: 640, height: 320 },
			),
		],
		connections: chain('New Sale', 'Map Buyer, Product and Amounts', 'Send to Your CRM'),
		settings: { executionOrder: 'v1' },
	},
};

const eventIs = (id, event) => ({ id, leftValue: '={{ $json.event }}', rightValue: event, operator: { type: 'string', operation: 'equals' } });
const rule = (outputKey, combinator, conditions) => ({
	conditions: { options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 }, conditions, combinator },
	renameOutput: true,
	outputKey,
});

const revokeAccess = {
	file: 'revoke-access',
	title: 'Refund, chargeback or last paid day → revoke access',
	workflow: {
		name: 'Digistore24: refund, chargeback or end of paid period → revoke access',
		nodes: [
			node(
				'Access Ends or Changes',
				TRIGGER,
				1,
				[0, 0],
				{ events: ['on_refund', 'on_chargeback', 'last_paid_day', 'on_payment_missed', 'on_rebill_cancelled', 'on_rebill_resumed'], options: {} },
				{ credentials: DIGISTORE24 },
			),
			node('What Happened?', 'n8n-nodes-base.switch', 3.2, [240, 0], {
				rules: {
					values: [
						rule('Access ends now', 'or', [eventIs('r1', 'on_refund'), eventIs('r2', 'on_chargeback'), eventIs('r3', 'last_paid_day'), eventIs('r4', 'on_payment_missed')]),
						rule('Cancelled, access until the paid period ends', 'and', [eventIs('c1', 'on_rebill_cancelled')]),
						rule('Cancellation withdrawn', 'and', [eventIs('s1', 'on_rebill_resumed')]),
					],
				},
				options: {},
			}),
			httpPost(
				'Revoke Access',
				[560, -160],
				'https://example.com/replace-with-your-member-area/revoke',
				'={{ JSON.stringify({ action: "revoke", email: $json.buyer.email, orderId: $json.order.id, productId: $json.product.id, reason: $json.event }) }}',
			),
			httpPost(
				'Note the Cancellation',
				[560, 0],
				'https://example.com/replace-with-your-member-area/cancelled',
				'={{ JSON.stringify({ action: "cancelled", email: $json.buyer.email, orderId: $json.order.id, accessUntil: $json.billing.nextPaymentAt ?? null }) }}',
			),
			httpPost(
				'Keep Access',
				[560, 160],
				'https://example.com/replace-with-your-member-area/resumed',
				'={{ JSON.stringify({ action: "resumed", email: $json.buyer.email, orderId: $json.order.id }) }}',
			),
			sticky(
				'About This Workflow',
				'## Revoke access when the money is gone\n- **Refund, chargeback, missed payment, end of the paid period** → *Revoke Access* (a later payment sends a new *Payment* notification: grant access again there).\n- **Subscription cancelled** → access stays until the last paid day; Digistore24 sends *End of paid period* then, which revokes.\n- **Cancellation withdrawn** (rebilling resumed) → *Keep Access* clears any planned end.\n\n**Set up**: pick your *Digistore24* credential in the trigger, point the three HTTP Request nodes at your member area (or swap them for its n8n node), activate. Revoke by order id: one buyer may hold several orders.',
				[-60, -520],
				{ width: 680, height: 340 },
			),
		],
		connections: {
			...chain('Access Ends or Changes', 'What Happened?'),
			'What Happened?': {
				main: [
					[{ node: 'Revoke Access', type: 'main', index: 0 }],
					[{ node: 'Note the Cancellation', type: 'main', index: 0 }],
					[{ node: 'Keep Access', type: 'main', index: 0 }],
				],
			},
		},
		settings: { executionOrder: 'v1' },
	},
};

const membershipAccess = {
	file: 'membership-access',
	title: 'Membership access',
	workflow: {
		name: 'Digistore24: payment → create the account → access data for the buyer',
		nodes: [
			node('New Payment', TRIGGER, 1, [0, 0], { events: ['on_payment'], options: { answer: 'afterSuccess' } }, { credentials: DIGISTORE24 }),
			httpPost(
				'Create the Account',
				[240, 0],
				'https://example.com/replace-with-your-member-area/accounts',
				'={{ JSON.stringify({ email: $json.buyer.email, firstName: $json.buyer.firstName, lastName: $json.buyer.lastName, orderId: $json.order.id, productId: $json.product.id }) }}',
			),
			node(
				'Answer Digistore24 with the Login',
				ACTION,
				1,
				[480, 0],
				{
					resource: 'notification',
					operation: 'answer',
					accounts: { account: [{ username: '={{ $json.username }}', password: '={{ $json.password }}', loginUrl: '={{ $json.loginUrl }}' }] },
					accessOptions: { headline: 'Your access to the member area', hideOn: ['invoice'] },
				},
				{ credentials: DIGISTORE24 },
			),
			sticky(
				'About This Workflow',
				'## Membership access on the thank-you page\nWhen a payment arrives, your member area creates the account and Digistore24 shows the login to the buyer on its thank-you page and in the order confirmation e-mail.\n\n**Set up**\n1. **New Payment**: your *Digistore24* credential. *Answer OK* is *After the workflow succeeded* and the timing *before the thank-you page* (needed for the e-mail): the buyer waits for this workflow, so keep it fast.\n2. **Create the Account**: your member area\'s URL; it must answer with `username`, `password` and `loginUrl` (or map them in the next node).\n3. **Answer Digistore24 with the Login**: the fields take expressions; values must be one line each.\nIf a step fails, Digistore24 gets no OK and sends the notification again — make account creation idempotent (by order id).',
				[-60, -440],
				{ width: 660, height: 380 },
			),
		],
		connections: chain('New Payment', 'Create the Account', 'Answer Digistore24 with the Login'),
		settings: { executionOrder: 'v1' },
	},
};

const MESSAGE = `// One message about yesterday: sales and amounts from Digistore24's daily statistics,
// and each refund or chargeback booked that day.
const day = $('Sales of Yesterday').first().json;
const reversals = $('Refunds of Yesterday').all().map((item) => item.json).filter((t) => t.id);
const money = (value) => Number(value ?? 0).toFixed(2);
const lines = [
  \`Digistore24 on \${day.date}: \${day.sales_count ?? 0} sales, revenue \${money(day.amount)}, earnings \${money(day.earning)} (EUR).\`,
  \`\${reversals.length} refunds/chargebacks\${reversals.length ? ':' : '.'}\`,
  ...reversals.map((t) => \`- \${t.transaction_type} \${money(t.amount)} \${t.currency}, order \${t.purchase_id}, \${t.email ?? ''}\`),
];
return [{ json: { date: day.date, text: lines.join('\\n'), sales: Number(day.sales_count ?? 0), refunds: reversals.length } }];`;

const yesterday = '={{ $today.minus({ days: 1 }).toISODate() }}';

const dailyNumbers = {
	file: 'daily-numbers',
	title: 'Daily numbers',
	workflow: {
		name: "Digistore24: yesterday's numbers in one message",
		nodes: [
			node('Every Morning', 'n8n-nodes-base.scheduleTrigger', 1.2, [0, 0], { rule: { interval: [{ triggerAtHour: 7 }] } }),
			node(
				'Sales of Yesterday',
				ACTION,
				1,
				[240, 0],
				{ resource: 'statistic', operation: 'dailyAmounts', dateRange: 'custom', from: yesterday, to: yesterday },
				{ credentials: DIGISTORE24 },
			),
			node(
				'Refunds of Yesterday',
				ACTION,
				1,
				[480, 0],
				{ resource: 'transaction', operation: 'getMany', dateRange: 'custom', from: yesterday, to: yesterday, search: { transaction_type: ['refund', 'chargeback'] }, returnAll: true },
				{ credentials: DIGISTORE24, executeOnce: true, alwaysOutputData: true },
			),
			node('Compose the Message', 'n8n-nodes-base.code', 2, [720, 0], { jsCode: MESSAGE }),
			httpPost('Send the Message', [960, 0], 'https://example.com/replace-with-your-chat-webhook', '={{ JSON.stringify({ text: $json.text }) }}'),
			sticky(
				'About This Workflow',
				"## Yesterday's numbers every morning\nAt 07:00 (the workflow's time zone: *Settings → Timezone*) this reads yesterday's sales statistics and refunds/chargebacks from Digistore24 and sends one message.\n\n**Set up**: your *Digistore24* credential (a read-only API key is enough) in both Digistore24 nodes; in **Send the Message** your chat's incoming-webhook URL (Slack, Mattermost, Teams and Discord accept `{\"text\": …}` or similar), or swap it for your chat's n8n node. Run it once with *Test workflow* to see the message.",
				[-60, -380],
				{ width: 700, height: 320 },
			),
		],
		connections: chain('Every Morning', 'Sales of Yesterday', 'Refunds of Yesterday', 'Compose the Message', 'Send the Message'),
		settings: { executionOrder: 'v1' },
	},
};

const affiliateConversion = {
	file: 'affiliate-conversion',
	title: 'Affiliate conversion',
	workflow: {
		name: 'Digistore24: affiliate postback → conversion for your ad platform',
		nodes: [
			node(
				'Affiliate Sale or Refund',
				POSTBACK_TRIGGER,
				1,
				[0, 0],
				{ events: ['affiliate_sale', 'affiliate_reversal'], options: {} },
				{ credentials: { digistore24PostbackApi: { name: 'Digistore24 postback token' } } },
			),
			httpPost(
				'Send the Conversion',
				[240, 0],
				'https://example.com/replace-with-your-ad-platform/conversions',
				'={{ JSON.stringify({ eventType: $json.event === "affiliate_sale" ? "purchase" : "refund", clickId: $json.tracking.cid, value: $json.amounts.affiliate, currency: $json.amounts.currency, transactionId: $json.transaction.id, occurredAt: $json.occurredAt }) }}',
			),
			sticky(
				'About This Workflow',
				'## Affiliate conversion for your ad platform\nEvery sale you referred (first sales, upsells, rebills) becomes one `purchase` conversion — click id, your commission as value, currency, transaction id — and each refund or chargeback one `refund` for the click it came from (the postback carries the same `cid`).\n\n**Set up**\n1. **Affiliate Sale or Refund**: create a *Digistore24 Postback API* credential (a long random token).\n2. Activate, open the trigger and copy its production URL plus the affiliate query string it shows (put your token in place of `YOUR_TOKEN`). Paste it at Digistore24: *Account → S2S Postback → Add new connection*.\n3. In your ads, pass the click id to Digistore24 as `cid` in your affiliate link.\n4. **Send the Conversion**: your ad platform\'s conversion endpoint (or its n8n node); rename the fields as it expects.',
				[-60, -440],
				{ width: 660, height: 380 },
			),
		],
		connections: chain('Affiliate Sale or Refund', 'Send the Conversion'),
		settings: { executionOrder: 'v1' },
	},
};

export const TEMPLATES = [newSale, revokeAccess, membershipAccess, affiliateConversion, dailyNumbers];
