export { buildAsyncApiDocument } from './asyncapi-document.js';
export type { PublishedEvent, PublishedTopic } from './published-topic.js';
