/**
 * A small seeded PRNG (mulberry32): the emulator's data must be the same on every run, so nothing
 * here may use Math.random.
 */
export interface Random {
	/** Uniform in [0, 1). */
	next(): number;
	/** Integer in [min, max], both inclusive. */
	int(min: number, max: number): number;
	chance(probability: number): boolean;
	pick<T>(list: readonly T[]): T;
	/** Picks by weight: `[[value, weight], ...]`. */
	weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T;
	/** `length` characters from `alphabet`. */
	chars(length: number, alphabet?: string): string;
}

export const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function createRandom(seed: number): Random {
	let state = seed >>> 0;
	const next = (): number => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
	return {
		next,
		int,
		chance: (probability) => next() < probability,
		pick: (list) => list[int(0, list.length - 1)],
		weighted(entries) {
			const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
			let roll = next() * total;
			for (const [value, weight] of entries) {
				roll -= weight;
				if (roll < 0) return value;
			}
			return entries[entries.length - 1][0];
		},
		chars(length, alphabet = ALPHANUMERIC) {
			let text = '';
			for (let i = 0; i < length; i++) text += alphabet[int(0, alphabet.length - 1)];
			return text;
		},
	};
}
