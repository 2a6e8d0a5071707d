import { errorBody, type ErrorBody, type ErrorEntry } from '@paymesh/contract/errors';

export interface AppErrorOptions {
  /** Says more than the catalogue's message (a limit, a name); the code and status stay the entry's. */
  message?: string;
  /** Extra JSON fields merged into the response body (for example `current_total` on a cap refusal). */
  details?: Record<string, unknown>;
  /** Added to the entry's own headers (Retry-After with the seconds a limiter computed). */
  headers?: Record<string, string>;
  /** Only where the status is decided elsewhere: a library's 4xx for a request it could not read. */
  status?: number;
  cause?: unknown;
}

/**
 * The one error type our code throws on purpose, built from an entry of the error catalogue
 * (`new AppError(errors.USERNAME_TAKEN)`), so a code, its status and the headers it must carry
 * are written once. `message` is for people; `status` is the HTTP status it maps to.
 */
export class AppError extends Error {
  override name = 'AppError';
  readonly code: string;
  readonly status: number;
  readonly details: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(entry: ErrorEntry, options: AppErrorOptions = {}) {
    super(options.message ?? entry.message, { cause: options.cause });
    this.code = entry.code;
    this.status = options.status ?? entry.status;
    this.details = options.details ?? {};
    this.headers = { ...entry.headers, ...options.headers };
  }

  /**
   * The answer's body, as every error answer has it. Not named `body`: body-parser sets a
   * `body` property (the raw bytes) on errors thrown while it reads a request.
   */
  responseBody(requestId: string | undefined): ErrorBody {
    return errorBody(this, requestId);
  }
}
