import { accessErrors } from './access.errors.js';
import type { ErrorEntry } from './error-entry.js';
import { meshErrors } from './mesh.errors.js';
import { paymentErrors } from './payment.errors.js';
import { requestErrors } from './request.errors.js';

/**
 * Every stable error code the gateway and the services send, with its status and message.
 * Throw sites build their AppError from an entry here and clients compare with `errors.X.code`,
 * so a code is spelled once and the API documents list exactly what can happen.
 */
export const errors = { ...requestErrors, ...accessErrors, ...paymentErrors, ...meshErrors };

export type ErrorCode = keyof typeof errors;

export const errorCodes = Object.keys(errors) as [ErrorCode, ...ErrorCode[]];

export const catalogue: readonly ErrorEntry<ErrorCode>[] = Object.values(errors);
