import { normalisePassword } from '@paymesh/contract/auth';

// Every password is hashed and compared in its normal form (the contract's rule, shared with the
// limits a password must meet); it is re-exported for the hashing code here.
export { normalisePassword };

/**
 * What a login compares with the stored hash, in order: the normalised form, then, only when
 * it differs, the password exactly as typed, which is what hashes made before normalisation
 * were made from. The list depends on the input alone, never on the account, so an unknown
 * username costs the same number of comparisons as a wrong password.
 */
export function passwordCandidates(typed: string): string[] {
  const normalised = normalisePassword(typed);
  return normalised === typed ? [normalised] : [normalised, typed];
}
