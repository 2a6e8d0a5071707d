/**
 * The per-user cap when the operator sets none (payment-service's MAX_USER_TOTAL). The cap in
 * force is the server's configuration and reaches clients at run time through
 * `GET /payment/limits`; this default is written once, for the server's config and the docs.
 */
export const DEFAULT_MAX_USER_TOTAL = '1000.00';

/** What a transaction may hold, for payment-service's validation and the client's form alike. */
export const transactionRules = {
  /** Anything above this is a typo or an attack, not a payment: refused before it reaches the cap. */
  maxAmount: 1_000_000_000,
  /** Counted in code points, as a person counts characters; 255 of them are at most 1020 bytes of UTF-8. */
  maxDescriptionLength: 255,
} as const;

// NUL cannot be stored in a text column, and other control characters only hide text in logs and UIs.
const CONTROL_CHARACTERS = /\p{Cc}/u;
// A lone UTF-16 surrogate ("\ud800" in JSON) has no UTF-8 form: the driver would store U+FFFD instead.
const LONE_SURROGATE = /\p{Cs}/u;

export const hasControlCharacters = (text: string): boolean => CONTROL_CHARACTERS.test(text);
export const hasLoneSurrogates = (text: string): boolean => LONE_SURROGATE.test(text);
export const characterCount = (text: string): number => [...text].length;

/**
 * True for a JSON amount with at most 2 decimals. Below 1e12 every such amount is its own
 * double and `amount * 100` rounds to its exact cents, so the round trip is exact; the
 * amounts allowed stay far below that.
 */
export function hasAtMostTwoDecimals(amount: number): boolean {
  return Math.round(amount * 100) / 100 === amount;
}

/** Listing pages: how many rows a page holds unless asked, and at most. */
export const pageRules = { defaultSize: 100, maxSize: 500 } as const;
