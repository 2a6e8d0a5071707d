import { expect } from 'chai';
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { transactionCreatedSchema, transactionEventSchema, transactionsTopic } from '@paymesh/shared/events';
import { buildAsyncApiDocument as buildFor } from '../src/asyncapi/index.js';

// The topic as the gateway publishes it: every event type the topic's schema accepts.
const buildAsyncApiDocument = () =>
  buildFor({
    name: transactionsTopic.name,
    deadLetter: transactionsTopic.deadLetter,
    events: transactionEventSchema.options.map((schema) => ({ name: schema.shape.event_type.value, schema })),
  });

describe('the AsyncAPI document', () => {
  it('is a valid AsyncAPI 3.0 document with no error or warning from the reference parser', async () => {
    // Arrange
    const parser = new Parser();

    // Act
    const diagnostics = await parser.validate(JSON.stringify(buildAsyncApiDocument()));

    // Assert
    // Errors are 0 and warnings 1; hints and information are not problems.
    const problems = diagnostics.filter((d) => Number(d.severity) <= Number(DiagnosticSeverity.Warning));
    expect(problems.map((d) => `${d.path.join('.')}: ${d.message}`)).to.deep.equal([]);
  });

  it('names the topics the producer and the consumer use, from their shared contract', () => {
    // Act
    const { channels } = buildAsyncApiDocument();

    // Assert
    expect(channels.transactions.address).to.equal(transactionsTopic.name);
    expect(channels.deadLetters.address).to.equal(transactionsTopic.deadLetter);
  });

  it('requires in each payload exactly the fields the event schema requires', () => {
    // Arrange
    const required = Object.entries(transactionCreatedSchema.shape)
      .filter(([, field]) => !field.safeParse(undefined).success)
      .map(([name]) => name);

    // Act
    const { messages } = buildAsyncApiDocument().components as unknown as { messages: Record<string, { payload: { required: string[] } }> };
    const payload = messages.transactionCreated!.payload;

    // Assert
    expect([...payload.required].sort()).to.deep.equal(required.sort());
  });
});
