import type { FuzzyDate } from '../events/dates';

/**
 * One copy of each short string the read models keep many times over (days, article
 * keys, topics): every event parsed from the log brings its own copies, and a million
 * events would hold a million copies of a few thousand values.
 */
const pool = new Map<string, string>();

export function intern(s: string): string {
  const known = pool.get(s);
  if (known !== undefined) return known;
  pool.set(s, s);
  return s;
}

/**
 * A date with its strings shared. A day's bounds, text and notation are usually the
 * day itself: comparing is cheaper than looking each one up (a rebuild interns
 * millions).
 */
export function internDate(d: FuzzyDate): FuzzyDate {
  const earliest = intern(d.earliest);
  return {
    earliest,
    latest: internLike(d.latest, earliest),
    precision: d.precision,
    text: internLike(d.text, earliest),
    edtf: internLike(d.edtf, earliest),
  };
}

/** `s` interned, looked up only when it is not `known` (already interned). */
const internLike = (s: string, known: string) => (s === known ? known : intern(s));

const topicLists = new Map<string, readonly string[]>();

/** One array for each list of topics. */
export function internTopics(topics: readonly string[]): readonly string[] {
  const key = topics.join('\u0000');
  let shared = topicLists.get(key);
  if (!shared) topicLists.set(key, (shared = Object.freeze(topics.map(intern))));
  return shared;
}
