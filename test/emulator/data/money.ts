/**
 * Amounts are kept in cents and written as Digistore24 writes them: strings with two decimals.
 * The split follows the real capture: gross = net + VAT; vendor = net - Digistore24's fee
 * (7.9% + 1.00) - affiliate commission.
 */
export function formatCents(cents: number): string {
	const sign = cents < 0 ? '-' : '';
	const abs = Math.abs(Math.round(cents));
	return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export interface AmountSplit {
	gross: number;
	net: number;
	vat: number;
	provider: number;
	affiliate: number;
	vendor: number;
}

export function splitAmount(grossCents: number, vatRatePercent: number, affiliateShare = 0): AmountSplit {
	const net = Math.round(grossCents / (1 + vatRatePercent / 100));
	const provider = Math.round(grossCents * 0.079 + 100);
	const affiliate = Math.round((net - provider) * affiliateShare);
	return { gross: grossCents, net, vat: grossCents - net, provider, affiliate, vendor: net - provider - affiliate };
}

/** VAT rate (percent) by buyer country; Digistore24 charges the buyer's country's rate. */
export function vatRateFor(country: string): number {
	return VAT_RATES[country] ?? 19;
}

const VAT_RATES: Record<string, number> = { DE: 19, AT: 20, CH: 8.1, US: 0, GB: 20, FR: 20, NL: 21, IT: 22, ES: 21 };

/** An amount as Digistore24 takes it ("15", "15.5", "15.50", "-2.00") in cents; undefined when it is none. */
export function parseCents(raw: string | undefined): number | undefined {
	const match = /^\s*(-?)(\d+)(?:[.,](\d{1,2}))?\s*$/.exec(raw ?? '');
	if (!match) return undefined;
	const cents = Number(match[2]) * 100 + Number((match[3] ?? '0').padEnd(2, '0'));
	return match[1] === '-' ? -cents : cents;
}
