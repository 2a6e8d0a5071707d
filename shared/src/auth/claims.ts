/** What every paymesh token says, and what every verifier insists on. */
export const TOKEN_ISSUER = 'paymesh-auth';
export const TOKEN_AUDIENCE = 'paymesh';
/** Only asymmetric signatures: a verifier never holds a secret that could mint tokens. */
export const TOKEN_ALGORITHMS = ['RS256'] as const;

export interface VerifiedUser {
  userId: string;
  username: string;
}
