import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeGateway, json } from '@/test/fake-server';
import { renderWithProviders } from '@/test/render';
import { AuthForm } from './auth-form';

async function fillIn(username: string, password: string, button: 'Sign up' | 'Sign in') {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Username'), username);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: button }));
}

describe('sign up', () => {
  it('when the username is too short, says so next to it and sends nothing', async () => {
    const gateway = fakeGateway({});
    renderWithProviders(<AuthForm mode="signup" onSuccess={vi.fn()} />);

    await fillIn('ab', 'long enough pw', 'Sign up');

    expect(screen.getByLabelText('Username')).toHaveAccessibleDescription('Use 3 to 32 characters.');
    expect(screen.getByLabelText('Username')).toBeInvalid();
    expect(gateway.calls).toHaveLength(0);
  });

  it('when the password is under 8 characters, says so next to it and sends nothing', async () => {
    const gateway = fakeGateway({});
    renderWithProviders(<AuthForm mode="signup" onSuccess={vi.fn()} />);

    await fillIn('ada_l', 'short', 'Sign up');

    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Use at least 8 characters.');
    expect(gateway.calls).toHaveLength(0);
  });

  it('when the name is taken, says so next to the username', async () => {
    fakeGateway({ 'POST /auth/register': json(409, { error: 'This username is already taken', code: 'USERNAME_TAKEN', request_id: 'r' }) });
    const onSuccess = vi.fn();
    renderWithProviders(<AuthForm mode="signup" onSuccess={onSuccess} />);

    await fillIn('ada_l', 'correct horse', 'Sign up');

    expect(await screen.findByText(/That username is taken/)).toBeVisible();
    expect(screen.getByLabelText('Username')).toHaveAccessibleDescription(/That username is taken/);
    expect(onSuccess).not.toHaveBeenCalled();
  });

  it('when accepted, hands over the new session', async () => {
    const session = { id: 'u-9', username: 'ada_l', token: 't' };
    const gateway = fakeGateway({ 'POST /auth/register': json(201, session) });
    const onSuccess = vi.fn();
    renderWithProviders(<AuthForm mode="signup" onSuccess={onSuccess} />);

    await fillIn('ada_l', 'correct horse', 'Sign up');

    await vi.waitFor(() => expect(onSuccess).toHaveBeenCalledWith(session));
    expect(gateway.callsTo('POST', '/auth/register')[0]?.body).toEqual({ username: 'ada_l', password: 'correct horse' });
  });
});

describe('sign in', () => {
  it('with wrong credentials, says the username or password is wrong', async () => {
    fakeGateway({ 'POST /auth/login': json(401, { error: 'The username or password is wrong', code: 'INVALID_CREDENTIALS', request_id: 'r' }) });
    renderWithProviders(<AuthForm mode="signin" onSuccess={vi.fn()} />);

    await fillIn('ada_l', 'not it at all', 'Sign in');

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username or password.');
  });

  it('after too many attempts, says when to retry and keeps the button off until then', async () => {
    fakeGateway({ 'POST /auth/login': json(429, { error: 'Too many requests', code: 'RATE_LIMITED', request_id: 'r' }, { 'Retry-After': '30' }) });
    renderWithProviders(<AuthForm mode="signin" onSuccess={vi.fn()} />);

    await fillIn('ada_l', 'whatever pw', 'Sign in');

    expect(await screen.findByRole('alert')).toHaveTextContent(/Too many attempts\. Try again in 30 s\./);
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeDisabled();
  });

  it('shows why the person was signed out', () => {
    fakeGateway({});
    renderWithProviders(<AuthForm mode="signin" onSuccess={vi.fn()} notice="Your session has expired. Please sign in again." />);

    expect(screen.getByRole('status')).toHaveTextContent('Your session has expired');
  });
});
