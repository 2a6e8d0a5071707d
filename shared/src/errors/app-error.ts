/**
 * The one error type our code throws on purpose. `code` is stable for programs, `message`
 * is for people, `status` is the HTTP status it maps to, and `details` are extra JSON
 * fields merged into the response body (for example `current_total` on a cap refusal).
 */
export class AppError extends Error {
  override name = 'AppError';
  readonly code: string;
  readonly status: number;
  readonly details: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    code: string,
    message: string,
    status: number,
    options: { cause?: unknown; details?: Record<string, unknown>; headers?: Record<string, string> } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.status = status;
    this.details = options.details ?? {};
    this.headers = options.headers ?? {};
  }
}

export const badRequest = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError(code, message, 400, { details });

export const unauthorized = (message = 'A valid bearer token is required', code = 'UNAUTHORIZED') =>
  new AppError(code, message, 401, { headers: { 'WWW-Authenticate': 'Bearer' } });

export const notFound = (message = 'Not found', code = 'NOT_FOUND') => new AppError(code, message, 404);

export const conflict = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError(code, message, 409, { details });

export const unprocessable = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError(code, message, 422, { details });

export const serviceUnavailable = (code: string, message: string, cause?: unknown) =>
  new AppError(code, message, 503, { cause });
