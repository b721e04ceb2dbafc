import type { EventType } from '../events/catalog';
import { addDays, type FuzzyDate } from '../events/dates';
import type { DomainEvent } from '../events/envelope';
import { intern, internDate } from './intern';
import { isVisibleAt } from './projection';
import { linearSteps, type VisibleSteps } from './visible-steps';

/**
 * One piece of evidence about a value that changes over time: either a change
 * (the value becomes `value` somewhere inside `occurred`) or an attestation (the
 * value was `value` at `occurred`). `basis` says whether a source states it or it
 * follows from what a source states (a change implies the value just before it).
 */
export interface Evidence<V> {
  kind: 'change' | 'attestation';
  basis: 'stated' | 'implied';
  value: V;
  occurred: FuzzyDate;
  eventId: string;
  type: EventType;
  article: string;
  reported: string;
  retractedAt: string | null;
}

/**
 * What bounds how far back an implied value reaches when no earlier evidence
 * does: for membership, the treaty (nothing is a member of it before it exists).
 */
export interface Floor {
  date: string;
  /** Why implied values reach back no further, in words. */
  text: string;
  eventId: string;
  reported: string;
  retractedAt: string | null;
}

export interface Reading<V> {
  value: V;
  /** asOf falls inside the date range of the change that sets the value. */
  uncertain: boolean;
  /** The range that makes the reading uncertain. */
  uncertainRange: FuzzyDate | null;
  /** From when the value holds, as far as the evidence says. */
  since: string;
  /**
   * 'change': it began then. 'attestation': first reported then; it may have begun
   * earlier. 'implied': it held just before a later change, and `since` is as far
   * back as the evidence allows (`sinceNote` says what bounds it).
   */
  sinceBasis: 'change' | 'attestation' | 'implied';
  /** What `since` cannot say alone: the range a change began in, or what bounds an implication. */
  sinceNote: string | null;
  /** Whether the evidence the reading rests on is stated by a source or implied by a change. */
  basis: 'stated' | 'implied';
  /** The evidence that starts the current value and, if later, the latest that confirms it. */
  evidence: Evidence<V>[];
  /** The last day the supporting evidence speaks for (null: the value is carried back from later evidence). */
  supportedUntil: string | null;
  /** The earliest later evidence about the same key. */
  next: Evidence<V> | null;
  /** `next` says the same (the reading lies between two pieces of evidence that agree). */
  confirmedLater: boolean;
  /** A read model's cached reading (of everything known, or past what was known at a date), shared by every read that finds it: never to be changed. */
  shared: boolean;
  /** A read model's view of a shared reading, made on first use and kept with it: the one field set after it is shared. */
  view: unknown;
}

export const evidenceOf = <V>(
  e: DomainEvent,
  kind: Evidence<V>['kind'],
  value: V,
  basis: Evidence<V>['basis'] = 'stated',
): Evidence<V> => ({
  kind,
  basis,
  value,
  occurred: internDate(e.occurred),
  eventId: e.id,
  type: e.type,
  article: intern(e.source.article),
  reported: intern(e.reported.date),
  retractedAt: null,
});

const IMPLIED_TEXT = 'the day before the change that implies it';

/** The value a change implies held on the day before it, as evidence of its own (same event, basis `implied`). */
export function impliedBefore<V>(change: Evidence<V>, prior: V): Evidence<V> {
  const { earliest: from, latest: to } = change.occurred;
  const earliest = intern(addDays(from, -1));
  const latest = from === to ? earliest : intern(addDays(to, -1));
  return {
    ...change,
    kind: 'attestation',
    basis: 'implied',
    value: prior,
    occurred: {
      earliest,
      latest,
      precision: earliest === latest ? 'day' : 'range',
      // One shared wording: an implied piece is kept for every change, so it must stay small.
      text: IMPLIED_TEXT,
      edtf: earliest === latest ? earliest : `${earliest}/${latest}`,
    },
  };
}

/** What a value set by a change implies held before it, for read models that know (null: nothing follows). */
export type Implication<V> = (value: V) => V | null;

/** The evidence a fact gives, with what its change implies about the value before it. */
export function withImplied<V>(evidence: Evidence<V>, implies: Implication<V> | undefined): Evidence<V>[] {
  const prior = evidence.kind === 'change' && implies ? implies(evidence.value) : null;
  return prior === null ? [evidence] : [impliedBefore(evidence, prior), evidence];
}

const byEarliest = <V>(a: Evidence<V>, b: Evidence<V>) =>
  a.occurred.earliest < b.occurred.earliest ? -1 : a.occurred.earliest > b.occurred.earliest ? 1 : 0;

/** Inserts keeping the list ordered by when each piece of evidence begins (stable for ties). */
export function insertEvidence<V>(list: Evidence<V>[], item: Evidence<V>): void {
  let i = list.length;
  while (i > 0 && byEarliest(list[i - 1]!, item) > 0) i--;
  list.splice(i, 0, item);
}

/**
 * Which pieces of evidence decide a reading, by index (-1: none): where the walk back
 * over the current run stopped, the run's first and last piece, and the next piece;
 * and whether it used the floor. The same reading follows at any date known at which
 * these, the floor if used, and every retracted piece from `stop` to `next` (to the
 * end, if no next) are visible or not as with everything known. Other pieces inside
 * the run agree with it, so whether they are visible does not change it.
 */
export interface ReadSpan {
  stop: number;
  first: number;
  last: number;
  next: number;
  usedFloor: boolean;
}

/** Whether a reading that rests on `last` is uncertain at `asOf`: inside the range of a change dated by one. */
export const uncertainAt = (last: Evidence<unknown>, asOf: string): boolean =>
  last.kind === 'change' && asOf < last.occurred.latest;

/**
 * The value at `asOf` from evidence ordered by start: the latest evidence that has
 * begun (and is visible at `knownAt`: reported, not retracted) decides. Before any
 * evidence, a value implied by a later change reaches back to the `floor`; without
 * one, nothing is known (null). Invisible evidence is skipped in place rather than
 * filtered out (by `steps`), so a read costs a binary search plus the steps over
 * evidence not visible and the length of the current run. A caller that knows the
 * last piece begun by asOf (`begun`) saves the search.
 */
export function readAt<V>(
  list: readonly Evidence<V>[],
  asOf: string,
  knownAt: string | null = null,
  floor: Floor | null = null,
  steps: VisibleSteps = linearSteps(list, knownAt),
  span?: ReadSpan,
  begun: number = steps.lastBegunBy(asOf),
): Reading<V> | null {
  let i = begun;
  if (i >= 0 && !steps.visible(i)) i = steps.previous(i);
  const visibleFloor = floor && isVisibleAt(floor, knownAt) ? floor : null;
  const n = steps.next(i);
  const next = n < 0 ? null : list[n]!;
  if (i < 0) {
    if (span) setSpan(span, -1, -1, -1, n, true);
    // Nothing before asOf: only an implication reaches back, and only as far as the floor.
    if (!next || next.basis !== 'implied' || next.kind !== 'attestation' || !visibleFloor || asOf < visibleFloor.date)
      return null;
    return {
      value: next.value,
      uncertain: false,
      uncertainRange: null,
      since: visibleFloor.date,
      sinceBasis: 'implied',
      sinceNote: visibleFloor.text,
      basis: 'implied',
      evidence: [next],
      supportedUntil: null,
      next,
      confirmedLater: false,
      shared: false,
      view: null,
    };
  }
  const last = list[i]!;
  const confirmedLater = next !== null && next.kind === 'attestation' && next.value === last.value;
  if (uncertainAt(last, asOf)) {
    if (span) setSpan(span, i, i, i, n, false);
    return {
      value: last.value,
      uncertain: true,
      uncertainRange: last.occurred,
      since: last.occurred.earliest,
      sinceBasis: 'change',
      sinceNote: null,
      basis: last.basis,
      evidence: [last],
      // Inside the change's range the evidence speaks for every day of it (qualify clips to asOf).
      supportedUntil: last.occurred.latest,
      next,
      confirmedLater,
      shared: false,
      view: null,
    };
  }
  // Walk back over earlier reports of the same value, up to the change that set it.
  let f = i;
  let j = steps.previous(i);
  for (; list[f]!.kind === 'attestation' && j >= 0 && list[j]!.value === last.value; j = steps.previous(j)) f = j;
  const first = list[f]!;
  if (span) setSpan(span, j, f, i, n, j < 0);
  // Its fields copied, not spread in the middle of the literal: that takes V8's slow path, and this runs per reading made.
  const since = sinceOf(first, j < 0 ? visibleFloor : null);
  return {
    value: last.value,
    uncertain: false,
    uncertainRange: null,
    since: since.since,
    sinceBasis: since.sinceBasis,
    sinceNote: since.sinceNote,
    basis: last.basis,
    evidence: first === last ? [last] : [first, last],
    supportedUntil: last.occurred.latest,
    next,
    confirmedLater,
    shared: false,
    view: null,
  };
}

/** A span for readAt to fill in. */
export const blankSpan = (): ReadSpan => ({ stop: -1, first: -1, last: -1, next: -1, usedFloor: false });

function setSpan(span: ReadSpan, stop: number, first: number, last: number, next: number, usedFloor: boolean): void {
  span.stop = stop;
  span.first = first;
  span.last = last;
  span.next = next;
  span.usedFloor = usedFloor;
}

function sinceOf(
  first: Evidence<unknown>,
  floor: Floor | null,
): Pick<Reading<unknown>, 'since' | 'sinceBasis' | 'sinceNote'> {
  if (first.kind === 'change') {
    const { earliest, latest, text } = first.occurred;
    // "since 2000" must read back as such, not only as the day it is certain by.
    const sinceNote =
      earliest === latest ? null : `began ${text}: between ${earliest} and ${latest}, certainly by ${latest}`;
    return { since: latest, sinceBasis: 'change', sinceNote };
  }
  if (first.basis === 'stated') return { since: first.occurred.earliest, sinceBasis: 'attestation', sinceNote: null };
  return floor && floor.date <= first.occurred.earliest
    ? { since: floor.date, sinceBasis: 'implied', sinceNote: floor.text }
    : {
        since: first.occurred.earliest,
        sinceBasis: 'implied',
        sinceNote: `held ${first.occurred.text}; the evidence does not say since when`,
      };
}

/** How a reading stands at `asOf`: its last and next evidence, and whether it is carried past what supports it. */
export interface Qualified {
  lastEvidence: string | null;
  nextEvidence: string | null;
  extrapolated: boolean;
}

export function qualify(r: Reading<unknown>, asOf: string): Qualified {
  const lastEvidence = r.supportedUntil === null ? null : r.supportedUntil < asOf ? r.supportedUntil : asOf;
  return {
    lastEvidence,
    nextEvidence: r.next?.occurred.earliest ?? null,
    extrapolated: !r.uncertain && !r.confirmedLater && (lastEvidence === null || lastEvidence < asOf),
  };
}

export type SegmentBasis = 'known' | 'implied' | 'extrapolated';

export interface Segment<V> {
  from: string;
  /** Exclusive; null: still so at the end of the record. */
  to: string | null;
  value: V;
  uncertain: boolean;
  /** known: stated evidence supports it; implied: it rests on an implication; extrapolated: carried past the evidence. */
  basis: SegmentBasis;
  evidence: string[];
}

/**
 * The dates where a reading can change, ascending: where evidence begins, where a
 * change's range ends, and the floor. The list is ordered by when each piece begins,
 * so only the few range ends and the floor need sorting, and are merged in: the
 * first read after a rebuild makes these for every state (a set and a sort each took
 * 64 µs a state).
 */
export function changePoints(list: readonly Evidence<unknown>[], floor: Floor | null = null): string[] {
  const others: string[] = floor ? [floor.date] : [];
  for (const e of list)
    if (e.kind === 'change' && e.occurred.latest !== e.occurred.earliest) others.push(e.occurred.latest);
  others.sort();
  const points: string[] = [];
  // Sorted input: equal dates are neighbours.
  const add = (d: string) => {
    if (points.length === 0 || points[points.length - 1] !== d) points.push(d);
  };
  let j = 0;
  for (const e of list) {
    const begins = e.occurred.earliest;
    while (j < others.length && others[j]! < begins) add(others[j++]!);
    add(begins);
  }
  while (j < others.length) add(others[j++]!);
  return points;
}

export const segmentBasis = (r: Reading<unknown>, asOf: string): SegmentBasis =>
  qualify(r, asOf).extrapolated ? 'extrapolated' : r.basis === 'implied' ? 'implied' : 'known';

/** The whole history as maximal segments of one value, certainty and basis. */
export function segments<V>(list: readonly Evidence<V>[], floor: Floor | null = null): Segment<V>[] {
  // Besides where readings change, a reading turns extrapolated the day after its evidence ends.
  const points = [...new Set([...changePoints(list, floor), ...list.map((e) => addDays(e.occurred.latest, 1))])].sort();
  const out: Segment<V>[] = [];
  for (const p of points) {
    const r = readAt(list, p, null, floor);
    const prev = out[out.length - 1];
    if (!r) {
      if (prev && prev.to === null) prev.to = p;
      continue;
    }
    const basis = segmentBasis(r, p);
    if (prev && prev.to === null && prev.value === r.value && prev.uncertain === r.uncertain && prev.basis === basis) {
      for (const e of r.evidence) if (!prev.evidence.includes(e.eventId)) prev.evidence.push(e.eventId);
      continue;
    }
    if (prev && prev.to === null) prev.to = p;
    out.push({
      from: p,
      to: null,
      value: r.value,
      uncertain: r.uncertain,
      basis,
      evidence: [...new Set(r.evidence.map((e) => e.eventId))],
    });
  }
  return out;
}

/** How a read model cites a piece of evidence. */
export interface EvidenceRef {
  eventId: string;
  type: EventType;
  article: string;
  occurred: string;
  basis: 'stated' | 'implied';
}

export const refOf = (e: Evidence<unknown>): EvidenceRef => ({
  eventId: e.eventId,
  type: e.type,
  article: e.article,
  occurred: e.occurred.text,
  basis: e.basis,
});

export interface DateRange {
  earliest: string;
  latest: string;
  text: string;
}

export const rangeOf = (d: FuzzyDate | null): DateRange | null =>
  d && { earliest: d.earliest, latest: d.latest, text: d.text };
