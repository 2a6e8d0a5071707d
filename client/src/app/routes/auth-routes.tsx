import { AuthForm } from '@/features/auth/components/auth-form';
import { useSession } from '@/features/auth/api/session';

// The guards redirect once the session is set, so success needs no navigation here.
export function SignInRoute() {
  const { signIn, notice } = useSession();
  return <AuthForm mode="signin" onSuccess={signIn} notice={notice} />;
}

export function SignUpRoute() {
  const { signIn } = useSession();
  return <AuthForm mode="signup" onSuccess={signIn} />;
}
