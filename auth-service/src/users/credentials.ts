import { newPasswordSchema } from '@paymesh/contract/auth';

/** True when a password meets the rules for a new one, so its normal form may be hashed in place of an old hash. */
export const meetsNewPasswordRules = (typed: string): boolean => newPasswordSchema.safeParse(typed).success;
