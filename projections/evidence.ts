import type { EventType } from '../events/catalog';
import type { FuzzyDate } from '../events/dates';
import type { DomainEvent } from '../events/envelope';
import { prefixLength } from './bisect';
import { isVisibleAt } from './projection';

/**
 * One piece of evidence about a value that changes over time: either a change
 * (the value becomes `value` somewhere inside `occurred`) or an attestation (the
 * value was `value` at `occurred`).
 */
export interface Evidence<V> {
  kind: 'change' | 'attestation';
  value: V;
  occurred: FuzzyDate;
  eventId: string;
  type: EventType;
  article: string;
  reported: string;
  retractedAt: string | null;
}

export interface Reading<V> {
  value: V;
  /** asOf falls inside the date range of the change that sets the value. */
  uncertain: boolean;
  /** The range that makes the reading uncertain. */
  uncertainRange: FuzzyDate | null;
  /** From when the value certainly holds (a change's end), or the first attestation of it. */
  since: string;
  /** 'attestation': the value may have held before `since`; 'change': it began then. */
  sinceBasis: 'change' | 'attestation';
  /** The evidence that starts the current value and, if later, the latest that confirms it. */
  evidence: Evidence<V>[];
}

export const evidenceOf = <V>(e: DomainEvent, kind: Evidence<V>['kind'], value: V): Evidence<V> => ({
  kind,
  value,
  occurred: e.occurred,
  eventId: e.id,
  type: e.type,
  article: e.source.article,
  reported: e.reported.date,
  retractedAt: null,
});

const byEarliest = <V>(a: Evidence<V>, b: Evidence<V>) =>
  a.occurred.earliest < b.occurred.earliest ? -1 : a.occurred.earliest > b.occurred.earliest ? 1 : 0;

/** Inserts keeping the list ordered by when each piece of evidence begins (stable for ties). */
export function insertEvidence<V>(list: Evidence<V>[], item: Evidence<V>): void {
  let i = list.length;
  while (i > 0 && byEarliest(list[i - 1]!, item) > 0) i--;
  list.splice(i, 0, item);
}

/** Index of the last evidence that begins on or before `asOf`, or -1. */
const lastStartingBy = (list: readonly Evidence<unknown>[], asOf: string) =>
  prefixLength(list.length, (i) => list[i]!.occurred.earliest <= asOf) - 1;

/** The nearest index before `i` whose evidence is visible at `knownAt`, or -1. */
function previousVisible(list: readonly Evidence<unknown>[], i: number, knownAt: string | null): number {
  let j = i - 1;
  while (j >= 0 && !isVisibleAt(list[j]!, knownAt)) j--;
  return j;
}

/**
 * The value at `asOf` from evidence ordered by start: the latest evidence that has
 * begun (and is visible at `knownAt`: reported, not retracted) decides. null when nothing is known yet at
 * that date. Invisible evidence is skipped in place rather than filtered out, so a read
 * costs a binary search plus the length of the current run.
 */
export function readAt<V>(
  list: readonly Evidence<V>[],
  asOf: string,
  knownAt: string | null = null,
): Reading<V> | null {
  let i = lastStartingBy(list, asOf);
  if (i >= 0 && !isVisibleAt(list[i]!, knownAt)) i = previousVisible(list, i, knownAt);
  if (i < 0) return null;
  const last = list[i]!;
  if (last.kind === 'change' && asOf < last.occurred.latest) {
    return {
      value: last.value,
      uncertain: true,
      uncertainRange: last.occurred,
      since: last.occurred.earliest,
      sinceBasis: 'change',
      evidence: [last],
    };
  }
  // Walk back over earlier reports of the same value, up to the change that set it.
  let first = last;
  for (
    let j = previousVisible(list, i, knownAt);
    first.kind === 'attestation' && j >= 0 && list[j]!.value === last.value;
    j = previousVisible(list, j, knownAt)
  ) {
    first = list[j]!;
  }
  return {
    value: last.value,
    uncertain: false,
    uncertainRange: null,
    since: first.kind === 'change' ? first.occurred.latest : first.occurred.earliest,
    sinceBasis: first.kind,
    evidence: first === last ? [last] : [first, last],
  };
}

export interface Segment<V> {
  from: string;
  /** Exclusive; null: still so at the end of the record. */
  to: string | null;
  value: V;
  uncertain: boolean;
  evidence: string[];
}

/** The dates where a reading can change: where evidence begins, and where a change's range ends. */
export function changePoints(list: readonly Evidence<unknown>[]): string[] {
  return [
    ...new Set(
      list.flatMap((e) => (e.kind === 'change' ? [e.occurred.earliest, e.occurred.latest] : [e.occurred.earliest])),
    ),
  ].sort();
}

/** Index of the last sorted date on or before `date`, or -1. */
export const lastAtOrBefore = (sorted: readonly string[], date: string) =>
  prefixLength(sorted.length, (i) => sorted[i]! <= date) - 1;

/** The whole history as maximal segments of one value and certainty. */
export function segments<V>(list: readonly Evidence<V>[]): Segment<V>[] {
  const points = changePoints(list);
  const out: Segment<V>[] = [];
  for (const p of points) {
    const r = readAt(list, p);
    if (!r) continue;
    const prev = out[out.length - 1];
    if (prev && prev.value === r.value && prev.uncertain === r.uncertain) {
      for (const e of r.evidence) if (!prev.evidence.includes(e.eventId)) prev.evidence.push(e.eventId);
      continue;
    }
    if (prev) prev.to = p;
    out.push({ from: p, to: null, value: r.value, uncertain: r.uncertain, evidence: r.evidence.map((e) => e.eventId) });
  }
  return out;
}

/** How a read model cites a piece of evidence. */
export interface EvidenceRef {
  eventId: string;
  type: EventType;
  article: string;
  occurred: string;
}

export const refOf = (e: Evidence<unknown>): EvidenceRef => ({
  eventId: e.eventId,
  type: e.type,
  article: e.article,
  occurred: e.occurred.text,
});

export interface DateRange {
  earliest: string;
  latest: string;
  text: string;
}

export const rangeOf = (d: FuzzyDate | null): DateRange | null =>
  d && { earliest: d.earliest, latest: d.latest, text: d.text };
