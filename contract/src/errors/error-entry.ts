/**
 * One stable error: `code` is what programs branch on, `status` the HTTP status it is sent
 * with, `message` the default text for people (a throw site may say more, never less), and
 * `headers` what must travel with it every time it is sent (Retry-After, WWW-Authenticate),
 * so no sender can forget them.
 */
export interface ErrorEntry<C extends string = string> {
  readonly code: C;
  readonly status: number;
  readonly message: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** When it happens and what to do, for the API documents. */
  readonly description?: string;
}

type Definitions = Record<string, Omit<ErrorEntry, 'code'>>;

/** Gives each definition its own key as `code`, so a code is written exactly once. */
export function defineErrors<const D extends Definitions>(definitions: D): { readonly [K in keyof D & string]: D[K] & { readonly code: K } } {
  return Object.fromEntries(Object.entries(definitions).map(([code, entry]) => [code, { ...entry, code }])) as never;
}
