export { fieldCode, ERROR_CODE_META } from './field-code.js';
export { requestProblems, type RequestProblems } from './issue-problems.js';
