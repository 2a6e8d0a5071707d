export { buildAsyncApiDocument } from './asyncapi-document.js';
