import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { describedBy, Field } from '@/components/field';
import { useNow } from '@/lib/use-now';
import { login, register, type Session } from '../api/auth.api';
import { checkNewCredentials, checkSignInCredentials } from '../api/credentials.rules';
import { describeAuthFailure, type AuthFailure } from './auth-errors';

interface AuthFormProps {
  mode: 'signin' | 'signup';
  onSuccess: (session: Session) => void;
  /** A message from before this screen, e.g. why the person was signed out. */
  notice?: string | null;
}

const copy = {
  signin: { title: 'Welcome back', action: 'Sign in', other: 'New to paymesh?', otherLink: 'Create an account', otherTo: '/signup' },
  signup: { title: 'Create your account', action: 'Sign up', other: 'Already have an account?', otherLink: 'Sign in', otherTo: '/signin' },
} as const;

export function AuthForm({ mode, onSuccess, notice }: AuthFormProps) {
  const id = useId();
  const text = copy[mode];
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<AuthFailure>({ fields: {} });
  const [pending, setPending] = useState(false);
  const now = useNow();
  const passwordHint = mode === 'signup' ? 'At least 8 characters.' : undefined;
  const waitSeconds = failure.retryAt ? Math.max(0, Math.ceil((failure.retryAt - Math.max(now, Date.now())) / 1000)) : 0;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending || waitSeconds > 0) return;
    const fields = mode === 'signup' ? checkNewCredentials(username, password) : checkSignInCredentials(username, password);
    setFailure({ fields });
    if (fields.username || fields.password) return;
    setPending(true);
    try {
      const session = await (mode === 'signup' ? register : login)({ username, password });
      onSuccess(session);
    } catch (error) {
      setFailure(describeAuthFailure(error, mode));
      setPending(false);
    }
  }

  const formMessage = failure.retryAt
    ? waitSeconds > 0 ? `${failure.form} Try again in ${waitSeconds} s.` : 'You can try again now.'
    : failure.form;

  return (
    <form className="card auth-card" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <title>{`${text.action} · paymesh`}</title>
      <h1 id={`${id}-title`}>{text.title}</h1>
      {notice && !formMessage && <p className="notice" role="status">{notice}</p>}
      {formMessage && <p className="form-error" role="alert">{formMessage}</p>}
      <Field id={`${id}-username`} label="Username" error={failure.fields.username}>
        <input id={`${id}-username`} name="username" autoComplete="username" autoCapitalize="none" spellCheck={false}
          value={username} onChange={(e) => setUsername(e.target.value)}
          aria-invalid={Boolean(failure.fields.username)} aria-describedby={describedBy(`${id}-username`, failure.fields.username)} />
      </Field>
      <Field id={`${id}-password`} label="Password" error={failure.fields.password}
        hint={passwordHint}>
        <input id={`${id}-password`} name="password" type="password" autoComplete={mode === 'signup' ? 'new-password' : 'current-password'}
          value={password} onChange={(e) => setPassword(e.target.value)}
          aria-invalid={Boolean(failure.fields.password)} aria-describedby={describedBy(`${id}-password`, failure.fields.password, passwordHint)} />
      </Field>
      <button type="submit" className="button primary wide" disabled={pending || waitSeconds > 0} aria-busy={pending}>
        {pending && <span className="spinner" aria-hidden="true" />}{text.action}
      </button>
      <p className="muted center">{text.other} <Link to={text.otherTo}>{text.otherLink}</Link></p>
    </form>
  );
}
