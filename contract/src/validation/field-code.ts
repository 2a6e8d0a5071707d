import type { ErrorEntry } from '../errors/error-entry.js';

/**
 * The metadata key that gives a schema its own error code: a request that breaks it answers
 * with that code instead of VALIDATION_FAILED. An `x-` key, so the JSON Schema generated from
 * the schema carries it as an extension the API documents can show.
 */
export const ERROR_CODE_META = 'x-error-code';

export const fieldCode = (entry: ErrorEntry) => ({ [ERROR_CODE_META]: entry.code });
