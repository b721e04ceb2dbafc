import { randomUUID } from 'node:crypto';
import { day } from '../../events/dates';
import { SCHEMA_VERSION, type DomainEvent } from '../../events/envelope';

/** A valid event for store and API tests: a membership attestation on a given stream. */
export function attestation(stream = 'country-testland', date = '2001-02-03', member = true): DomainEvent {
  return {
    id: randomUUID(),
    type: 'MembershipAttested',
    stream,
    schemaVersion: SCHEMA_VERSION,
    occurred: day(date),
    reported: { article: 'test-article', date },
    source: { article: 'test-article', outlet: null, quote: null },
    metadata: { recordedBy: 'test', correlationId: null, causationId: null },
    data: { country: 'country-uzbekistan', member },
  };
}
