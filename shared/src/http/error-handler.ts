import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, errors } from '../errors/index.js';
import type { ErrorEntry } from '@paymesh/contract/errors';
import { currentRequestId, type Logger } from '../logger/index.js';

/** Errors raised by body-parser carry `type`; each gets a stable code instead of a generic 500. */
const BODY_PARSER_ERRORS: Record<string, ErrorEntry> = {
  'entity.parse.failed': errors.INVALID_JSON,
  'entity.too.large': errors.PAYLOAD_TOO_LARGE,
  'encoding.unsupported': errors.UNSUPPORTED_CONTENT_ENCODING,
  'charset.unsupported': errors.UNSUPPORTED_CHARSET,
  'request.aborted': errors.REQUEST_ABORTED,
  'request.size.invalid': errors.INVALID_CONTENT_LENGTH,
};

/**
 * A client error raised by a library (body-parser, http-errors) keeps its 4xx status: turning
 * the client's mistake into a 500 would blame us and hide what to fix.
 */
function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const candidate = err as { type?: string; status?: number; statusCode?: number } | undefined;
  const status = candidate?.status ?? candidate?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const known = candidate?.type ? BODY_PARSER_ERRORS[candidate.type] : undefined;
    return new AppError(known ?? errors.BAD_REQUEST, { status, cause: err });
  }
  return new AppError(errors.INTERNAL, { cause: err });
}

/** The last middleware: turns any error into `{error, code, request_id, ...details}`, never a stack trace. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const appError = toAppError(err);
    if (appError.status >= 500) logger.error({ err }, 'request failed');
    if (res.headersSent) return;
    res.status(appError.status).set(appError.headers).json(appError.responseBody(currentRequestId()));
  };
}

export function notFoundHandler(): RequestHandler {
  return (req, _res, next) => next(new AppError(errors.NOT_FOUND, { message: `No route for ${req.method} ${req.path}` }));
}
