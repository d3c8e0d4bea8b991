/** Removes a secret from any text we show, log or output (error messages can quote URLs). */
export function redact(text: string, ...secrets: Array<string | undefined>): string {
	let out = text;
	for (const secret of secrets) {
		if (secret && secret.length >= 4) out = out.split(secret).join('***');
	}
	return out;
}
