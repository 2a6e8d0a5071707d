export { AppError, type AppErrorOptions } from './app-error.js';
export { validate } from './validate.js';
export { errors } from '@paymesh/contract/errors';
