import { randomUUID } from 'node:crypto';
import { day } from '../events/dates';
import { SCHEMA_VERSION, type DomainEvent } from '../events/envelope';

/** A deterministic pseudo-random generator, so runs are comparable. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Synthetic history for benchmarks only (never imported into a real store): a third
 * of the streams are countries whose membership changes and is attested, the rest
 * people making statements, with dates spread over 1992–2010 and reports up to a
 * year after the fact.
 */
export function* syntheticStreams(
  streams: number,
  eventsPerStream: number,
  seed = 42,
): Generator<{ stream: string; events: DomainEvent[] }> {
  const random = rng(seed);
  const date = () =>
    `${1992 + Math.floor(random() * 19)}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
  const later = (d: string) => `${Number(d.slice(0, 4)) + (random() < 0.5 ? 0 : 1)}${d.slice(4)}`;
  for (let s = 0; s < streams; s++) {
    const country = s % 3 === 0;
    const stream = country ? `country-synthetic-${s}` : `person-synthetic-${s}`;
    const events: DomainEvent[] = [];
    for (let i = 0; i < eventsPerStream; i++) {
      const when = date();
      const base = {
        id: randomUUID(),
        stream,
        schemaVersion: SCHEMA_VERSION,
        occurred: day(when),
        reported: { article: `synthetic-${s % 50}`, date: later(when) },
        source: { article: `synthetic-${s % 50}`, outlet: 'Synthetic wire', quote: null },
        metadata: { recordedBy: 'bench', correlationId: null, causationId: null },
      } as const;
      if (country) {
        const r = random();
        events.push(
          r < 0.6
            ? { ...base, type: 'MembershipAttested', data: { country: stream, member: random() < 0.8 } }
            : r < 0.8
              ? { ...base, type: 'MembershipSuspended', data: { country: stream } }
              : { ...base, type: 'MembershipRestored', data: { country: stream, basis: 'synthetic' } },
        );
      } else {
        events.push({
          ...base,
          type: 'StatementMade',
          data: {
            speaker: stream,
            role: null,
            roleText: null,
            summary: 'A synthetic statement for load.',
            topics: ['synthetic'],
          },
        });
      }
    }
    yield { stream, events };
  }
}
