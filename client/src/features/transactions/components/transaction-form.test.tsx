import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeGateway, json } from '@/test/fake-server';
import { renderWithProviders, signedIn } from '@/test/render';
import { TransactionForm } from './transaction-form';

const created = (amount: number, description: string) =>
  json(201, { id: 't-1', user_id: 'u-1', amount, description, is_paid: false, created_at: '2026-11-21T05:00:00.000Z' });

async function submit(amount: string, description: string) {
  const user = userEvent.setup();
  if (amount) await user.type(screen.getByLabelText('Amount'), amount);
  if (description) await user.type(screen.getByLabelText('Description'), description);
  await user.click(screen.getByRole('button', { name: 'Create' }));
  return user;
}

describe('the transaction form', () => {
  it.each([
    ['12.345', 'Use at most 2 decimal places.'],
    ['0', 'Enter an amount above 0.'],
    ['-5', 'Enter an amount above 0.'],
    ['ten', 'Enter a number, like 12.50.'],
    ['', 'Enter an amount.'],
  ])('refuses the amount "%s" in the browser, as the server would, and sends nothing', async (amount, message) => {
    signedIn();
    const gateway = fakeGateway({});
    renderWithProviders(<TransactionForm room={{ capCents: 100_000, remainingCents: 100_000 }} />);

    await submit(amount, 'Coffee');

    expect(screen.getByLabelText('Amount')).toHaveAccessibleDescription(message);
    expect(gateway.callsTo('POST', '/payment/transactions')).toHaveLength(0);
  });

  it('refuses an amount over what the cap still allows, naming what is left', async () => {
    signedIn();
    const gateway = fakeGateway({});
    renderWithProviders(<TransactionForm room={{ capCents: 100_000, remainingCents: 5_000 }} />);

    await submit('50.01', 'Coffee');

    expect(screen.getByLabelText('Amount')).toHaveAccessibleDescription('That is over your cap: your total is 950.00, so at most 50.00 is still allowed.');
    expect(gateway.calls).toHaveLength(0);
  });

  it('asks for a description', async () => {
    signedIn();
    fakeGateway({});
    renderWithProviders(<TransactionForm room={{ capCents: 100_000, remainingCents: 100_000 }} />);

    await submit('5', '');

    expect(screen.getByLabelText('Description')).toHaveAccessibleDescription('Describe what it is for.');
  });

  it('sends the amount as a number with the token and an Idempotency-Key, then clears the form', async () => {
    signedIn();
    const gateway = fakeGateway({ 'POST /payment/transactions': created(12.5, 'Coffee') });
    renderWithProviders(<TransactionForm room={{ capCents: 100_000, remainingCents: 100_000 }} />);

    await submit('12.50', 'Coffee');

    expect(await screen.findByRole('status')).toHaveTextContent('Created 12.50 for “Coffee”.');
    const [call] = gateway.callsTo('POST', '/payment/transactions');
    expect(call?.body).toEqual({ amount: 12.5, description: 'Coffee' });
    expect(call?.headers.authorization).toMatch(/^Bearer /);
    expect(call?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(screen.getByLabelText('Amount')).toHaveValue('');
  });

  it('sends one create for a double click, even while the first is still on its way', async () => {
    signedIn();
    let answer: (r: Response) => void = () => undefined;
    const gateway = fakeGateway({ 'POST /payment/transactions': () => new Promise<Response>((resolve) => (answer = resolve)) });
    renderWithProviders(<TransactionForm room={{ capCents: 100_000, remainingCents: 100_000 }} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Amount'), '7');
    await user.type(screen.getByLabelText('Description'), 'Lunch');

    await user.dblClick(screen.getByRole('button', { name: 'Create' }));
    answer(created(7, 'Lunch'));

    await screen.findByText('Created 7.00 for “Lunch”.');
    expect(gateway.callsTo('POST', '/payment/transactions')).toHaveLength(1);
  });

  it('keeps the confirmation when a stray second click lands after the first succeeded', async () => {
    signedIn();
    const gateway = fakeGateway({ 'POST /payment/transactions': created(7, 'Lunch') });
    renderWithProviders(<TransactionForm room={{ capCents: 100_000, remainingCents: 100_000 }} />);

    const user = await submit('7', 'Lunch');
    await screen.findByText('Created 7.00 for “Lunch”.');
    await user.click(screen.getByRole('button', { name: 'Create' }));

    expect(screen.getByText('Created 7.00 for “Lunch”.')).toBeVisible();
    expect(screen.getByLabelText('Amount')).toBeValid();
    expect(gateway.callsTo('POST', '/payment/transactions')).toHaveLength(1);
  });

  it('retries a failed submission with the same Idempotency-Key, so it cannot create twice', async () => {
    signedIn();
    const gateway = fakeGateway({
      'POST /payment/transactions': [() => Promise.reject(new TypeError('network down')), created(3, 'Tea')],
    });
    renderWithProviders(<TransactionForm room={{ capCents: 100_000, remainingCents: 100_000 }} />);

    const user = await submit('3', 'Tea');
    expect(await screen.findByRole('alert')).toHaveTextContent("Can't reach paymesh");
    await user.click(screen.getByRole('button', { name: 'Create' }));

    await screen.findByText('Created 3.00 for “Tea”.');
    const [first, second] = gateway.callsTo('POST', '/payment/transactions');
    expect(second?.headers['idempotency-key']).toBe(first?.headers['idempotency-key']);
  });

  it('on a cap refusal, shows the current total and what is still allowed', async () => {
    signedIn();
    fakeGateway({
      'POST /payment/transactions': json(422, {
        error: 'This transaction would take your total above 1000', code: 'CAP_EXCEEDED', request_id: 'r', current_total: 950, max_allowed: 1000,
      }),
    });
    renderWithProviders(<TransactionForm room={null} />);

    await submit('60', 'Shoes');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'That would take you over the 1,000.00 cap. Your total is 950.00, so at most 50.00 more is allowed.',
    );
  });

  it('shows the server\'s field message when it refuses what the browser let through', async () => {
    signedIn();
    fakeGateway({
      'POST /payment/transactions': json(400, {
        error: 'Invalid transaction', code: 'INVALID_DESCRIPTION', request_id: 'r',
        fields: [{ field: 'description', code: 'INVALID_DESCRIPTION', message: 'must not be blank' }],
      }),
    });
    renderWithProviders(<TransactionForm room={null} />);

    await submit('1', 'x');

    expect(await screen.findByText('Description must not be blank.')).toBeVisible();
  });
});
