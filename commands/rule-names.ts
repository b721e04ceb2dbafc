/**
 * Every domain rule a write can break, with what it asks of the writer. A 422
 * names one of these in `rule`; the spec lists them from here (scripts/generate-spec.ts).
 */
export const RULES = {
  'stream-matches-subject':
    "a fact about a country, a speaker, a summit, a source or the chairmanship is recorded on that entity's stream; a relations fact on a relations-… stream; a retraction on its fact's stream",
  'known-entity':
    "entity ids must be registered (an `EntityRegistered` on the entity's stream, before or in the same batch); an alias does not become a second entity",
  'known-role': "a statement's office is a registered `office-…` entity (its `role` is the id without `office-`)",
  'entity-registration': 'an entity is registered once, under an id that starts with its kind',
  'source-registered':
    'facts cite a registered source (record `SourceRegistered` on `source-<key>` first, or earlier in the same batch)',
  'source-unique': 'a source is registered once',
  'source-cites-itself': 'a `SourceRegistered` cites the article it registers',
  'not-in-future': 'nothing occurs, or is published, after today',
  'reported-after-occurred': 'a fact does not occur after its source was published',
  'membership-held': 'no suspension or withdrawal from a membership the record says is not held on that date',
  'membership-not-held': 'no join or return to a membership the record says is held on that date',
  'chair-is-member':
    'the chairmanship goes to a state the record shows as a member on that date, stated or implied; where no membership evidence reaches the date, the nearest evidence about the state must say member',
  'rejection-answers-proposal': 'a rejection answers a proposal recorded on the same relation before it',
  'retraction-target':
    'a retraction or correction names a fact in the record, not itself a retraction, correction or source registration, and not already retracted',
  'correction-in-batch': "a correction's replacement, of the same type, is recorded in the same request",
  'idempotency-key-reused': 'an Idempotency-Key names one request; the same key with another body is refused',
} as const satisfies Record<string, string>;

export type RuleName = keyof typeof RULES;
