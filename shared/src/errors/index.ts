export { AppError, badRequest, unauthorized, notFound, conflict, unprocessable, serviceUnavailable } from './app-error.js';
export { validate } from './validate.js';
