export { credentialRules, normalisePassword, passwordBytesWithinLimits, utf8Bytes } from './credential.rules.js';
export { usernameSchema, newPasswordSchema, registerRequestSchema, loginRequestSchema, type Credentials } from './credentials.schema.js';
export { sessionSchema, profileSchema, jwksSchema, type Session, type Profile } from './session.schema.js';
