import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError } from '../errors/index.js';
import { currentRequestId, type Logger } from '../logger/index.js';

/** Errors raised by body-parser carry `type`; each gets a stable code instead of a generic 500. */
const BODY_PARSER_ERRORS: Record<string, { code: string; message: string }> = {
  'entity.parse.failed': { code: 'INVALID_JSON', message: 'The request body is not valid JSON' },
  'entity.too.large': { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' },
  'encoding.unsupported': { code: 'UNSUPPORTED_CONTENT_ENCODING', message: 'The request body must not be compressed' },
  'charset.unsupported': { code: 'UNSUPPORTED_CHARSET', message: 'Only UTF-8 JSON is accepted' },
  'request.aborted': { code: 'REQUEST_ABORTED', message: 'The request body ended early' },
  'request.size.invalid': { code: 'INVALID_CONTENT_LENGTH', message: 'The request body does not match its Content-Length' },
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
    return new AppError(known?.code ?? 'BAD_REQUEST', known?.message ?? 'The request could not be read', status, { cause: err });
  }
  return new AppError('INTERNAL', 'Something went wrong on our side', 500, { cause: err });
}

/** The last middleware: turns any error into `{error, code, request_id, ...details}`, never a stack trace. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const appError = toAppError(err);
    if (appError.status >= 500) logger.error({ err }, 'request failed');
    if (res.headersSent) return;
    res.status(appError.status).set(appError.headers).json({
      error: appError.message,
      code: appError.code,
      request_id: currentRequestId(),
      ...appError.details,
    });
  };
}

export function notFoundHandler(): RequestHandler {
  return (req, _res, next) => next(new AppError('NOT_FOUND', `No route for ${req.method} ${req.path}`, 404));
}
