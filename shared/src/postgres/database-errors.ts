import type { ErrorRequestHandler } from 'express';
import { AppError, errors } from '../errors/index.js';
import type { Logger } from '../logger/index.js';

/** The fields of a PostgreSQL error report that the driver (pg's DatabaseError) carries. */
interface PostgresErrorReport {
  code: string;
  severity: string;
  message: string;
}

function isPostgresReport(value: unknown): value is PostgresErrorReport {
  const candidate = value as Partial<PostgresErrorReport> | null;
  return typeof candidate?.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code) && typeof candidate.severity === 'string';
}

/** The server's own report, however deep a query builder wrapped it (drizzle puts it in `cause`). */
export function postgresReportOf(err: unknown): PostgresErrorReport | undefined {
  for (let current = err, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    if (isPostgresReport(current)) return current;
  }
  return undefined;
}

// SQLSTATE classes a value the client chose can still trigger after validation: 22 data
// exception (out of range, bad encoding), 23 integrity violation, 54 program limit exceeded.
const CLIENT_DATA_CLASSES = new Set(['22', '23', '54']);
// Timeouts, lock and serialisation failures, lost connections: the request may succeed if retried.
const RETRIABLE_CODES = new Set(['57014', '55P03', '25P03', '25P04', '40001', '40P01', '53300', '57P01', '57P02', '57P03']);

// What the driver says when there is no server to report anything: refused, reset or dropped
// connections, and a pool that could not get one in time. Nothing the client sent causes these.
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);
const UNREACHABLE_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

function isDatabaseUnreachable(err: unknown): boolean {
  for (let current = err, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return true;
    if (typeof message === 'string' && UNREACHABLE_MESSAGES.test(message)) return true;
  }
  return false;
}

/**
 * What a database error means to the client: a 400 when its data was the cause, a 503 with
 * Retry-After when the database was busy, unreachable or a guard timed the request out, or undefined for a
 * fault of ours (left to be a 500). The cause stays attached, so the log keeps the SQLSTATE.
 */
export function databaseErrorToAppError(err: unknown): AppError | undefined {
  const report = postgresReportOf(err);
  if (!report) {
    if (!isDatabaseUnreachable(err)) return undefined;
    return new AppError(errors.DATABASE_UNAVAILABLE, { cause: err });
  }
  if (CLIENT_DATA_CLASSES.has(report.code.slice(0, 2))) {
    return new AppError(errors.INVALID_INPUT, { cause: err });
  }
  if (RETRIABLE_CODES.has(report.code) || report.code.startsWith('08')) {
    return new AppError(errors.DATABASE_BUSY, { cause: err });
  }
  return undefined;
}

/**
 * Error middleware for a service's routes, before the shared error handler: a database error
 * becomes the AppError above. A 400 here means validation let a value through that the
 * database refused, so it is logged as a warning to be fixed where the input is checked.
 */
export function mapDatabaseErrors(logger: Logger): ErrorRequestHandler {
  return (err, _req, _res, next) => {
    const mapped = databaseErrorToAppError(err);
    if (mapped?.status === 400) logger.warn({ err, sqlstate: postgresReportOf(err)?.code }, 'the database refused a value validation let through');
    next(mapped ?? err);
  };
}
