/**
 * Runs our nodes through n8n's real execution contexts from n8n-core (ExecuteContext, HookContext,
 * WebhookContext) with n8n's own HTTP helpers, so requests really go over HTTP to the emulator.
 * Only the credential store is ours: it hands out the test credential and applies the credential
 * type's generic `authenticate` block the way n8n's CredentialsHelper does.
 */
import express from 'express';
import type { AddressInfo } from 'net';
import { ExecuteContext, HookContext, WebhookContext } from 'n8n-core';
import {
	createEmptyRunExecutionData,
	Workflow,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
	type IWebhookDescription,
	type WorkflowExecuteMode,
} from 'n8n-workflow';
import { Digistore24Api } from '../../credentials/Digistore24Api.credentials';

export type Credentials = { apiKey: string; baseUrl: string; ipnPassphrase?: string };

const credentialType = new Digistore24Api();

function credentialsHelper(credentials: Credentials) {
	return {
		getDecrypted: async () => ({ ...credentials }),
		authenticate: async (data: IDataObject, _type: string, request: IDataObject) => {
			const headers: IDataObject = { ...(request.headers as IDataObject) };
			for (const [name, template] of Object.entries(credentialType.authenticate.properties.headers ?? {})) {
				headers[name] = String(template).replace(/^=\{\{\s*\$credentials\.(\w+)\s*\}\}$/, (_m, key: string) => String(data[key] ?? ''));
			}
			return { ...request, headers };
		},
		preAuthentication: async () => undefined,
		getParentTypes: () => [],
		getCredentialsProperties: () => credentialType.properties,
		isCredentialUsableByNode: () => true,
	};
}

export function additionalData(credentials: Credentials, extra: IDataObject = {}, instanceUrl = 'http://127.0.0.1:5678') {
	return {
		credentialsHelper: credentialsHelper(credentials),
		restApiUrl: `${instanceUrl}/rest`,
		instanceBaseUrl: `${instanceUrl}/`,
		webhookBaseUrl: `${instanceUrl}/webhook`,
		webhookWaitingBaseUrl: `${instanceUrl}/webhook-waiting`,
		webhookTestBaseUrl: `${instanceUrl}/webhook-test`,
		userId: 'test-user',
		variables: {},
		...extra,
	} as never;
}

export interface NodeSetup {
	nodeType: INodeType;
	type: string;
	parameters: IDataObject;
	credentials: Credentials;
	continueOnFail?: boolean;
	staticData?: IDataObject;
	webhookId?: string;
	/** Where n8n would be reachable (for the webhook URLs the trigger registers). */
	instanceUrl?: string;
	/** Contexts of one workflow share it (and its static data); default: a new id each time. */
	workflowId?: string;
	/** The credential type the node uses (default: digistore24Api). */
	credentialType?: string;
	/** Receives what the node sends as the webhook's answer (n8n's `sendResponse` hook). */
	onResponse?: (response: unknown) => void;
	/** Node settings as the editor stores them (retryOnFail, maxTries, …). */
	settings?: Partial<INode>;
	/** The execution the node runs in (n8n's Retry On Fail re-runs a node in the same one). */
	executionId?: string;
}

let workflows = 0;

export function makeWorkflow(setup: NodeSetup): { workflow: Workflow; node: INode } {
	const node: INode = {
		id: 'node-1',
		name: 'Digistore24',
		type: setup.type,
		typeVersion: 1,
		position: [0, 0],
		parameters: setup.parameters as INode['parameters'],
		credentials: { [setup.credentialType ?? 'digistore24Api']: { id: 'cred-1', name: 'Digistore24 test' } },
		webhookId: setup.webhookId ?? '5f7d1c3e-0000-4000-8000-000000000024',
		...(setup.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		...setup.settings,
	};
	const nodeTypes: INodeTypes = {
		getByName: () => setup.nodeType,
		getByNameAndVersion: () => setup.nodeType,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const workflow = new Workflow({
		id: setup.workflowId ?? `wf-${++workflows}`,
		name: 'Test workflow',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes,
		staticData: setup.staticData,
	});
	return { workflow, node };
}

/** n8n hands `sendResponse` to the execution's hooks, which answer the waiting webhook request. */
function responseHooks(setup: NodeSetup): IDataObject {
	if (!setup.onResponse) return {};
	const onResponse = setup.onResponse;
	return { hooks: { runHook: async (name: string, [response]: unknown[]) => name === 'sendResponse' && onResponse(response) } } as never;
}

/** Runs the action node's execute() for the given input items; its first output. */
export async function runAction(setup: NodeSetup, items: INodeExecutionData[] = [{ json: {} }]): Promise<INodeExecutionData[]> {
	return (await runActionOutputs(setup, items))[0];
}

/** Runs the action node's execute(); every output. */
export async function runActionOutputs(setup: NodeSetup, items: INodeExecutionData[] = [{ json: {} }]): Promise<INodeExecutionData[][]> {
	const { workflow, node } = makeWorkflow(setup);
	const ctx = new ExecuteContext(
		workflow,
		node,
		additionalData(setup.credentials, { ...responseHooks(setup), ...(setup.executionId ? { executionId: setup.executionId } : {}) }),
		'manual',
		createEmptyRunExecutionData(),
		0,
		items,
		{ main: [items] },
		{ node, data: { main: [items] }, source: null },
		[],
	);
	return (await setup.nodeType.execute!.call(ctx)) as INodeExecutionData[][];
}

/** The trigger's lifecycle methods (checkExists/create/delete) as n8n calls them on activation. */
export function hookContext(setup: NodeSetup, mode: WorkflowExecuteMode = 'trigger') {
	const { workflow, node } = makeWorkflow(setup);
	const description = setup.nodeType.description.webhooks!.find((w) => w.name === 'default') as IWebhookDescription;
	const webhookData = { webhookDescription: description, isTest: mode === 'manual' } as never;
	const ctx = new HookContext(workflow, node, additionalData(setup.credentials, {}, setup.instanceUrl), mode, 'activate', webhookData);
	const methods = setup.nodeType.webhookMethods!.default!;
	return {
		workflow,
		checkExists: () => methods.checkExists.call(ctx),
		create: () => methods.create.call(ctx),
		delete: () => methods.delete.call(ctx),
		url: ctx.getNodeWebhookUrl('default') as string,
	};
}

export interface WebhookRun {
	items: INodeExecutionData[];
}

/**
 * An HTTP server that hands each request to the trigger's webhook() through n8n's WebhookContext,
 * with the raw body kept the way n8n's body parser keeps it. Records the workflow runs it starts.
 */
export async function startWebhookServer(setup: NodeSetup, mode: WorkflowExecuteMode = 'webhook') {
	const { workflow, node } = makeWorkflow(setup);
	const runs: WebhookRun[] = [];
	const app = express();
	app.use(express.raw({ type: () => true, limit: '20mb' }));
	app.all('/{*path}', async (req, res) => {
		const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
		Object.assign(req, { rawBody, body: Object.fromEntries(new URLSearchParams(rawBody.toString('utf8'))) });
		// n8n routes by method and path (`<webhookId>/<description path>`).
		const description = setup.nodeType.description.webhooks!.find((w) => w.httpMethod === req.method && req.path.endsWith(`/${w.path}`));
		if (!description) {
			res.status(404).send('not registered');
			return;
		}
		const ctx = new WebhookContext(
			workflow,
			node,
			additionalData(setup.credentials, { httpRequest: req, httpResponse: res }, setup.instanceUrl),
			mode,
			{ webhookDescription: description, isTest: mode === 'manual' } as never,
			[],
			undefined as never,
		);
		try {
			const result = await setup.nodeType.webhook!.call(ctx);
			if (result.workflowData) runs.push({ items: result.workflowData[0] });
			// In responseNode mode a Respond to Webhook node would answer after the run; this harness runs no workflow.
			if (!result.noWebhookResponse && !res.headersSent) res.status(200).send(description.responseMode === 'responseNode' ? 'responded by workflow' : (result.webhookResponse ?? ''));
		} catch (error) {
			if (!res.headersSent) res.status(500).send((error as Error).message);
		}
	});
	const server = await new Promise<import('http').Server>((resolve) => {
		const s = app.listen(0, '127.0.0.1', () => resolve(s));
	});
	const { port } = server.address() as AddressInfo;
	return {
		instanceUrl: `http://127.0.0.1:${port}`,
		runs,
		staticData: workflow.staticData,
		stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
