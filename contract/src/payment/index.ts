export {
  DEFAULT_MAX_USER_TOTAL,
  transactionRules,
  pageRules,
  hasAtMostTwoDecimals,
  hasControlCharacters,
  hasLoneSurrogates,
  characterCount,
} from './transaction.rules.js';
export {
  transactionSchema,
  transactionPageSchema,
  payAllResultSchema,
  paymentLimitsSchema,
  type Transaction,
  type PayAllResult,
  type PaymentLimits,
} from './transaction.schema.js';
export { amountSchema, descriptionSchema, createTransactionRequestSchema, type CreateTransactionRequest } from './create-transaction.schema.js';
export { listTransactionsQuerySchema, MAX_CURSOR_LENGTH, type ListTransactionsQuery } from './list-transactions.schema.js';
export { idempotencyKeySchema, IDEMPOTENCY_KEY_HEADER, MAX_IDEMPOTENCY_KEY_LENGTH } from './idempotency-key.schema.js';
