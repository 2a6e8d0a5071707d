/**
 * Every failed call becomes one of these, carrying the gateway's stable `code` so the
 * screens can say something specific ("that name is taken") instead of "request failed".
 */
export class ApiError extends Error {
  override name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The whole JSON error body: `current_total`, `max_allowed`, `fields`, `request_id`… */
    readonly body: Record<string, unknown> = {},
    /** Seconds from a 429's `Retry-After`, when the server said. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }

  /** The server's message for one field of a 400 VALIDATION_FAILED, if it named that field. */
  fieldMessage(field: string): string | undefined {
    const fields = this.body.fields;
    if (!Array.isArray(fields)) return undefined;
    const hit = fields.find((f): f is { field: string; message: string } =>
      typeof f === 'object' && f !== null && (f as { field?: unknown }).field === field);
    return hit?.message;
  }
}

export const networkError = () =>
  new ApiError(0, 'NETWORK', "Can't reach paymesh right now. Check your connection and try again.");

/** `Retry-After` is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

/** The `rel="next"` target of a `Link` header, if any. */
export function parseNextLink(value: string | null): string | null {
  if (!value) return null;
  for (const part of value.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(part);
    if (match?.[1]) return match[1];
  }
  return null;
}
