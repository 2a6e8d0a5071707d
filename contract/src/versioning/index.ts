/**
 * The published versions of the HTTP API and of the events. Within a major version every change
 * is additive: new operations, new optional request fields, new response fields, new error codes
 * under a status already documented. Removing or renaming anything, making a field required or
 * changing its meaning takes a new major version, announced in the README before it ships.
 */
export const API_VERSION = '1.0.0';
export const EVENTS_VERSION = '1.0.0';

export const VERSIONING_POLICY = [
  '**Versioning.** `info.version` follows semantic versioning. Within a major version, changes are additive only:',
  'new operations, new optional request fields, new response fields, new error codes under a status already documented.',
  'Clients must ignore fields they do not know. Removing or renaming anything, making an optional field required, or',
  'changing a meaning takes a new major version. Events carry their own `version` field, which changes only with a breaking change to that event.',
].join(' ');
