export { errors, errorCodes, catalogue, type ErrorCode } from './catalogue.js';
export { type ErrorEntry } from './error-entry.js';
export {
  errorBody,
  errorBodySchema,
  errorBodyWith,
  anyErrorBodySchema,
  fieldProblemSchema,
  validationErrorBodySchema,
  type ErrorBody,
  type ErrorParts,
  type FieldProblem,
} from './error-body.js';
export { capExceededDetailsSchema, rateLimitedDetailsSchema } from './error-details.js';
