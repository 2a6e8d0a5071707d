/**
 * The same password can reach us as different code points: "é" typed on one keyboard is U+00E9,
 * on another "e" + U+0301. NIST SP 800-63B asks verifiers to normalise before hashing, so every
 * password is hashed and compared in Unicode Normalization Form C.
 */
export function normalisePassword(typed: string): string {
  return typed.normalize('NFC');
}

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
