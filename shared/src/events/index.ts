export { envelopeFields } from './envelope.js';
export { TRANSACTION_CREATED, transactionCreatedSchema, type TransactionCreated } from './transaction-created.js';
export { TRANSACTION_PAID, transactionPaidSchema, type TransactionPaid } from './transaction-paid.js';
export { transactionsTopic, transactionEventSchema, type TransactionEvent, type TopicContract } from './transactions-topic.js';
