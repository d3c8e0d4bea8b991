import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { ParameterObject } from '../transport/parameters';

/**
 * One typed operation of the action node, as data: which Digistore24 function it calls, the
 * fields the user fills in, how they become Digistore24 parameters and where the records are.
 * The generic executor runs every row; no operation has HTTP code of its own.
 */
export interface Operation {
	resource: string;
	operation: string;
	/** Title Case name in the Operation list. */
	name: string;
	/** Sentence case label in the node panel, naming the resource. */
	action: string;
	description: string;
	/** The Digistore24 function, or a function of the item for the generic API call. */
	fn: string | ((ctx: IExecuteFunctions, itemIndex: number) => string);
	/** Fields shown for this operation (display options are added by the table). */
	fields?: INodeProperties[];
	/** Digistore24 parameters from the node parameters of one item. */
	parameters?: (ctx: IExecuteFunctions, itemIndex: number) => ParameterObject;
	/** For list functions: the key of the records in `data`; each record becomes an item. */
	records?: string;
	/** Whether the function pages (`page_no`/`page_size`), which adds Return All / Limit. */
	pages?: { pageSize: number };
	/** Operations that need no API call (Verify Notification); may route items to output 1. */
	local?: (ctx: IExecuteFunctions, itemIndex: number) => Promise<{ output: 0 | 1; items: INodeExecutionData[] }>;
	/** Turns `data` into output items when the shape needs more than `records`. */
	output?: (data: unknown, ctx: IExecuteFunctions, itemIndex: number) => IDataObject[];
}
