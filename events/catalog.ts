import { z } from 'zod';
import { FuzzyDate } from './dates';
import { EventId } from './event-id';

/**
 * The event catalog: one zod schema per event type's data. Types are past-tense
 * domain words; ids inside data are entity ids (see entities.ts).
 */
const EntityId = z
  .string()
  .regex(
    /^(country|person|organization|body|force|office)-[a-z0-9-]{1,80}$/,
    'expected an entity id such as country-uzbekistan',
  );
const Text = z.string().min(1).max(2000);
export const ArticleKey = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'expected a lower-case key such as edm-v2-i213');
const Short = z.string().min(1).max(200);
const Topics = z
  .array(z.string().regex(/^[a-z0-9-]{1,40}$/))
  .max(20)
  .default([]);

export const ENTITY_KINDS = ['country', 'person', 'organization', 'body', 'force', 'office'] as const;

export const EventData = {
  EntityRegistered: z
    .object({
      id: EntityId,
      kind: z.enum(ENTITY_KINDS),
      name: Short,
      aliases: z.array(Short).max(20).default([]),
    })
    .describe(
      'An entity the record speaks of (a country, person, organisation, body, force or office), with its name and the other names the source uses. Its stream is its id, which starts with its kind.',
    ),
  AliasAdded: z
    .object({ id: EntityId, alias: Short })
    .describe("Another name a source uses for a registered entity. Recorded on the entity's stream."),
  TreatySigned: z.object({ treaty: Short, place: Short.optional() }),
  TreatyRegistered: z
    .object({ treaty: Short, registrar: EntityId })
    .describe('A treaty registered with a registrar (the UN); the organisation built on it is registered separately.'),
  OrganizationRegistered: z.object({ subject: EntityId, registrar: EntityId, as: Short }),
  DecisionTaken: z.object({ body: Short, decision: Text, topics: Topics }),
  ProvisionReported: z
    .object({ organization: EntityId, provision: Text, topics: Topics })
    .describe(
      "What an organisation's rules or stated purposes provide, as a source reports them: a standing state, not an event. Occurs when reported.",
    ),
  OrganizationsMerged: z
    .object({ organizations: z.array(EntityId).min(2).max(10), wording: Text })
    .describe('Organisations merged, as a source reports it.'),
  MemberJoined: z.object({ country: EntityId }),
  MembershipSuspended: z.object({ country: EntityId, wording: Short.optional() }),
  MembershipRestored: z.object({ country: EntityId, basis: Text }),
  MemberWithdrew: z.object({ country: EntityId }),
  MembershipAttested: z
    .object({ country: EntityId, member: z.boolean() })
    .describe('A state reported at a time, not a change: "the CSTO\'s members are …".'),
  ChairmanshipTransferred: z.object({ country: EntityId, place: Short.optional() }),
  ChairmanshipAttested: z.object({ country: EntityId }),
  ChairmanshipPlanned: z
    .object({ country: EntityId, term: FuzzyDate })
    .describe('Occurs when the plan is reported; `term` is when the chairmanship is to be held.'),
  SummitHeld: z.object({
    summit: Short,
    place: Short.nullable(),
    host: EntityId.nullable(),
    informal: z.boolean().default(false),
    outcomes: z.array(Text).max(20).default([]),
  }),
  SummitPlanned: z
    .object({ summit: Short, place: Short.nullable(), plannedFor: FuzzyDate })
    .describe('Occurs when the plan is reported; `plannedFor` is when the summit is to be held.'),
  StatementMade: z.object({
    speaker: EntityId,
    role: Short.nullable(),
    roleText: Short.nullable(),
    summary: Text,
    topics: Topics,
  }),
  CooperationProposed: z.object({
    proposer: EntityId,
    to: EntityId,
    onBehalfOf: EntityId.nullable(),
    areas: z.array(Short).max(20).default([]),
  }),
  IntentionStated: z
    .object({ actor: EntityId, intention: Text, topics: Topics })
    .describe(
      'What an actor will do, as a source reports it: an intention, not a fact done. Occurs when it is reported.',
    ),
  CooperationRejected: z.object({ rejectedBy: EntityId, spokesperson: EntityId.nullable(), reason: Text }),
  RelationsAttested: z.object({
    parties: z.tuple([EntityId, EntityId]),
    status: z.enum(['none', 'proposed', 'rejected', 'cooperating']),
    wording: Text,
  }),
  AgreementSigned: z.object({
    agreement: Short,
    parties: z.array(EntityId).min(1).max(20),
    place: Short.nullable(),
    host: EntityId.nullable(),
  }),
  AgreementInEffect: z
    .object({
      agreement: Short,
      country: EntityId,
      wording: Text,
      restoresMembership: z.boolean().default(false),
    })
    .describe(
      "An agreement reported in effect for a country. `restoresMembership`: the source presents it as the country's return to membership; the membership read model takes that as a restoration it implies, not one stated.",
    ),
  AgreementRatified: z.object({ agreement: Short, country: EntityId, by: Short, first: z.boolean().default(false) }),
  ForceEstablished: z.object({ force: EntityId, wording: Text }),
  ForcePlanned: z.object({ force: Short, wording: Text }),
  TroopsWithdrawn: z
    .object({ troops: Short, of: EntityId, from: EntityId })
    .describe("A state's troops left another country, as a source reports it."),
  PlanShelved: z
    .object({ actor: EntityId, plan: Text })
    .describe("An actor's plan put aside, not abandoned for good, as a source reports it."),
  ForceParticipationDeclined: z.object({ country: EntityId, force: EntityId }),
  BodyEstablished: z.object({ body: EntityId, purpose: Text }),
  ExerciseHeld: z.object({ place: Short, participants: z.array(Short).max(20), description: Text }),
  MeetingHeld: z.object({
    body: Short.nullable(),
    place: Short.nullable(),
    participants: z.array(EntityId).max(50),
    chair: EntityId.nullable(),
    topics: Topics,
    summary: Text,
  }),
  VisitMade: z.object({ visitor: EntityId, places: z.array(Short).min(1).max(20), purpose: Text.nullable() }),
  AwardPresented: z.object({ by: EntityId, to: EntityId, award: Short, place: Short.nullable() }),
  SourceRegistered: z
    .object({
      key: ArticleKey,
      publication: Short,
      volume: z.number().int().min(0).max(100000).nullable(),
      issue: z.number().int().min(0).max(100000).nullable(),
      title: Short.nullable(),
      published: FuzzyDate,
      datedBy: Text.nullable(),
    })
    .describe('An article the record cites; facts may cite only registered sources. Its stream is `source-<key>`.'),
  FactRetracted: z
    .object({ eventId: EventId, reason: Text })
    .describe("A fact found wrong: withdrawn, never edited. Recorded on the retracted fact's stream."),
  FactCorrected: z
    .object({ eventId: EventId, correctedBy: EventId, reason: Text })
    .describe('A fact superseded by `correctedBy`, a fact appended in the same batch.'),
} as const;

export type EventType = keyof typeof EventData;
export const EVENT_TYPES = Object.keys(EventData) as EventType[];
export const EventTypeSchema = z.enum(EVENT_TYPES as [EventType, ...EventType[]]);
export type DataOf<T extends EventType> = z.infer<(typeof EventData)[T]>;
