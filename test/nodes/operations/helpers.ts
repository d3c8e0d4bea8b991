/**
 * Shared set-up for the typed operation tests: one emulator per test file (reset before each
 * test), the real node run through n8n-core's ExecuteContext (test/nodes/n8n.ts), and readers for
 * what Digistore24 received (the emulator's call log).
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { Digistore24 } from '../../../nodes/Digistore24/Digistore24.node';
import { FIXED_NOW } from '../../emulator/helpers';
import { FULL_ACCESS_KEY, READ_ONLY_KEY } from '../../emulator/keys';
import { startEmulator, type Emulator } from '../../emulator/server';
import type { CallLogEntry } from '../../emulator/state';
import { runAction } from '../n8n';

export { FULL_ACCESS_KEY, READ_ONLY_KEY };

const nodeType = new Digistore24();

export interface Harness {
	emulator: Emulator;
	/** Runs resource/operation with these parameters for the input items; the items it outputs. */
	run(resource: string, operation: string, parameters?: IDataObject, options?: { key?: string; items?: INodeExecutionData[]; continueOnFail?: boolean }): Promise<INodeExecutionData[]>;
	/** What Digistore24 received, in order. */
	calls(): CallLogEntry[];
	/** The items' JSON. */
	json(items: INodeExecutionData[]): IDataObject[];
}

/** Registers beforeAll/afterAll/beforeEach for an emulator with `purchases` seeded purchases. */
export function useEmulator(purchases = 2345): Harness {
	const harness = { emulator: undefined as unknown as Emulator } as Harness;
	beforeAll(async () => {
		harness.emulator = await startEmulator({ now: FIXED_NOW, purchases });
	});
	afterAll(() => harness.emulator.stop());
	beforeEach(() => harness.emulator.state.reset());
	harness.run = (resource, operation, parameters = {}, options = {}) =>
		runAction(
			{
				nodeType,
				type: 'n8n-nodes-digistore24.digistore24',
				credentials: { apiKey: options.key ?? FULL_ACCESS_KEY, baseUrl: harness.emulator.url },
				continueOnFail: options.continueOnFail,
				parameters: { resource, operation, ...parameters },
			},
			options.items,
		);
	harness.calls = () => harness.emulator.state.calls;
	harness.json = (items) => items.map((item) => item.json);
	return harness;
}

/** The error a run throws. */
export async function failure(promise: Promise<unknown>): Promise<Error & { description?: string | null; context?: IDataObject }> {
	try {
		await promise;
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected the node to fail');
}

/** A Digistore24 amount string as the node outputs it by default. */
export const amount = (text: string) => Number(text);
