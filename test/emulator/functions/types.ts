import type { FormObject } from '../form';
import type { ApiKeyInfo } from '../keys';
import type { EmulatorState } from '../state';

/**
 * One Digistore24 API function is one row: whether it changes data (then it needs a full-access
 * key), its parameters in positional order (`arg1`, `arg2`, … map onto them, as the official PHP
 * connector sends them), which of them are required, and the handler that returns `data`.
 */
export interface CallContext {
	fn: string;
	params: FormObject;
	key: ApiKeyInfo;
	state: EmulatorState;
	now: Date;
}

export interface ApiFunction {
	writes: boolean;
	params?: readonly string[];
	required?: readonly string[];
	handler(ctx: CallContext): unknown | Promise<unknown>;
}

export type FunctionTable = Record<string, ApiFunction>;
