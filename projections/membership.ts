import type { DomainEvent } from '../events/envelope';
import {
  evidenceOf,
  qualify,
  rangeOf,
  refOf,
  withImplied,
  type DateRange,
  type Evidence,
  type EvidenceRef,
  type Qualified,
  type Reading,
  type SegmentBasis,
} from './evidence';
import type { NameOf } from './entities';
import type { Projection, TemporalQuery } from './projection';
import { TemporalIndex, dayQuery, type IndexedEntity, type TemporalIndexSnapshot } from './temporal-index';

export type Status = 'member' | 'not-member';
export type MembershipState = TemporalIndex<Status>;

const isMember = (v: Status) => v === 'member';

/** A change of membership implies the opposite just before it: a suspension, membership; a join, none. */
const opposite = (v: Status): Status => (v === 'member' ? 'not-member' : 'member');

export const membership: Projection<MembershipState> = {
  name: 'membership',
  version: 3,
  init: () => new TemporalIndex<Status>(opposite),
  snapshot: (state) => state.toJSON(),
  restore: (s) => TemporalIndex.fromJSON<Status>(s as TemporalIndexSnapshot<Status>, opposite),
  apply(state, e) {
    if (state.applyRetraction(e)) return;
    // Nothing is a member of the treaty before it exists: implied membership reaches back no further.
    if (e.type === 'TreatySigned') {
      return state.setFloor({
        date: e.occurred.earliest,
        text: `no further back than the ${e.data.treaty}, signed ${e.occurred.text}: nothing is a member of it before it exists`,
        eventId: e.id,
        reported: e.reported.date,
        retractedAt: null,
      });
    }
    const m = membershipEvidence(e);
    if (m) state.add(m.country, m.evidence);
  },
};

/** What an event says of a state's membership, if anything: a change, or an attestation. */
export function membershipEvidence(e: DomainEvent): { country: string; evidence: Evidence<Status> } | null {
  switch (e.type) {
    case 'MemberJoined':
    case 'MembershipRestored':
      return { country: e.data.country, evidence: evidenceOf(e, 'change', 'member') };
    case 'MembershipSuspended':
    case 'MemberWithdrew':
      return { country: e.data.country, evidence: evidenceOf(e, 'change', 'not-member') };
    case 'MembershipAttested':
      return {
        country: e.data.country,
        evidence: evidenceOf(e, 'attestation', e.data.member ? 'member' : 'not-member'),
      };
    case 'AgreementInEffect':
      return e.data.restoresMembership
        ? { country: e.data.country, evidence: evidenceOf(e, 'change', 'member', 'implied') }
        : null;
    default:
      return null;
  }
}

/** A piece of membership evidence with what its change implies, as the read model keeps it. */
export const membershipPieces = (evidence: Evidence<Status>): Evidence<Status>[] => withImplied(evidence, opposite);

// Names are plain ASCII English short names; a code-unit comparison orders them and is far cheaper than localeCompare.
const byCountry = (a: { country: string }, b: { country: string }) =>
  a.country < b.country ? -1 : a.country > b.country ? 1 : 0;

export interface MemberEntry extends Qualified {
  country: string;
  countryId: string;
  status: 'member' | 'possibly-member';
  since: string;
  sinceBasis: Reading<Status>['sinceBasis'];
  sinceNote: string | null;
  basis: 'stated' | 'implied';
  uncertain: boolean;
  uncertainRange: DateRange | null;
  evidence: EvidenceRef[];
}

export interface UnknownEntry {
  country: string;
  countryId: string;
  /** The earliest evidence about its membership, all of it after asOf. */
  firstEvidence: string;
}

/**
 * At `asOf`: the states that are members, and those that may be (a change dated by a
 * range leaves membership uncertain inside it); and the states the record has
 * membership evidence about, but none (stated or implied) that reaches `asOf`.
 * One reading per state serves both lists.
 */
export function membershipAt(
  state: MembershipState,
  q: TemporalQuery,
  nameOf: NameOf,
): { members: MemberEntry[]; unknown: UnknownEntry[] } {
  const named = keysByName(state, nameOf);
  // Sized for every state and cut to the members at the end: grown by push, it was copied over and over per read.
  const members = new Array<MemberEntry>(named.length);
  let count = 0;
  const unknown: UnknownEntry[] = [];
  let renamed = false;
  const days = dayQuery(q);
  // Indexed, not for-of: with the reads known at a date in its body, the optimised loop still allocated an iterator
  // result per state (40 bytes each, half of what those reads allocated, and so half their scavenges).
  for (let k = 0; k < named.length; k++) {
    const { countryId, country, entity } = named[k]!;
    const r = state.readEntity(entity, days, isMember);
    if (r === undefined) continue;
    if (r === null) {
      const first = state.firstEvidence(entity, q.knownAt);
      if (first) unknown.push({ country: nameOf(countryId), countryId, firstEvidence: first.occurred.earliest });
    } else if (r.value === 'member' || r.uncertain) {
      const entry = entryOf(countryId, r, nameOf, q.asOf);
      renamed ||= entry.country !== country;
      members[count++] = entry;
    }
  }
  members.length = count;
  // Already in order unless a name changed since the order was kept: then the sort mends it, and the order is made anew.
  if (renamed) {
    members.sort(byCountry);
    byName.delete(state);
  }
  return { members, unknown: unknown.sort(byCountry) };
}

export const membersAt = (state: MembershipState, q: TemporalQuery, nameOf: NameOf): MemberEntry[] =>
  membershipAt(state, q, nameOf).members;

export const unknownAt = (state: MembershipState, q: TemporalQuery, nameOf: NameOf): UnknownEntry[] =>
  membershipAt(state, q, nameOf).unknown;

/**
 * The states in order of name, kept per state until a state is added or a read finds
 * a member renamed, so that answers come out sorted instead of sorted per read. A
 * renamed state that no read lists keeps its old place; the unknown list is sorted
 * per read anyway. Each keeps its entity in the index, so reads need no lookup by key.
 */
function keysByName(state: MembershipState, nameOf: NameOf): readonly Named[] {
  let kept = byName.get(state);
  if (!kept || kept.length !== state.size) {
    kept = [...state.keys()]
      .map((countryId) => ({ country: nameOf(countryId), countryId, entity: state.entity(countryId)! }))
      .sort(byCountry);
    byName.set(state, kept);
  }
  return kept;
}

interface Named {
  countryId: string;
  /** Its name when the order was kept. */
  country: string;
  entity: IndexedEntity<Status>;
}

const byName = new WeakMap<MembershipState, Named[]>();

/** One state's status as of a date: member, not-member, possibly-member, or null when nothing is known. */
export function membershipStatusAt(
  state: MembershipState,
  countryId: string,
  q: TemporalQuery,
): 'member' | 'not-member' | 'possibly-member' | null {
  const r = state.read(countryId, q);
  return r === null ? null : r.uncertain ? 'possibly-member' : r.value;
}

/**
 * A member as a read shows it. Past its evidence (the common case) an entry depends on
 * the reading and the state's name alone, so reads of everything known share it while
 * the name stands; on the evidence's own days `lastEvidence` is the day read, so the
 * entry is made for that read.
 */
function entryOf(countryId: string, r: Reading<Status>, nameOf: NameOf, asOf: string): MemberEntry {
  // Readings made for one read alone (of a state with retracted evidence) are not shared: their entries are not kept.
  const shareable = r.shared && (r.supportedUntil === null || (!r.uncertain && r.supportedUntil < asOf));
  const country = nameOf(countryId);
  let entry = shareable ? (r.view as MemberEntry | null) : null;
  // A state registered (or registered anew) after its entry was made goes by its new name.
  if (!entry || entry.country !== country) {
    // Copied, not spread at the end of the literal: a spread takes V8's slow path, paid per entry of a read made for its knownAt.
    const { lastEvidence, nextEvidence, extrapolated } = qualify(r, asOf);
    entry = {
      country,
      countryId,
      status: r.uncertain ? 'possibly-member' : 'member',
      since: r.since,
      sinceBasis: r.sinceBasis,
      sinceNote: r.sinceNote,
      basis: r.basis,
      uncertain: r.uncertain,
      uncertainRange: rangeOf(r.uncertainRange),
      evidence: r.evidence.map(refOf),
      lastEvidence,
      nextEvidence,
      extrapolated,
    };
    if (shareable) r.view = entry;
  }
  return entry;
}

export interface MembershipTimelineEntry {
  country: string;
  countryId: string;
  intervals: {
    from: string;
    to: string | null;
    status: 'member' | 'not-member' | 'possibly-member';
    basis: SegmentBasis;
    evidence: string[];
  }[];
}

/** Every state's membership as intervals, as known at `knownAt`. Where no evidence reaches, a state's status is unknown and not shown. */
export function membershipTimeline(
  state: MembershipState,
  knownAt: string | null,
  nameOf: NameOf,
): MembershipTimelineEntry[] {
  const out: MembershipTimelineEntry[] = [];
  for (const countryId of state.keys()) {
    const intervals = state.history(countryId, knownAt).map((s) => ({
      from: s.from,
      to: s.to,
      status: s.uncertain ? ('possibly-member' as const) : s.value,
      basis: s.basis,
      evidence: s.evidence,
    }));
    if (intervals.length) out.push({ country: nameOf(countryId), countryId, intervals });
  }
  return out.sort(byCountry);
}
