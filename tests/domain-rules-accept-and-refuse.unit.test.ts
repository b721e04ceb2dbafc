import { RULES, type RuleName } from '../commands/rule-names';
import { replay } from '../src/store/idempotency';
import { fact, given, registered, source } from './support/given';

/** A source and every entity the tests below name, registered. */
const KNOWN = registered(
  'person-sergei-lavrov',
  'person-nikolai-bordyuzha',
  'country-uzbekistan',
  'country-kyrgyzstan',
  'country-united-states',
  'organization-csto',
  'organization-nato',
  'office-foreign-minister-russia',
);
const world = () => [source(), ...KNOWN];

const lavrov = (data: Partial<{ role: string | null; speaker: string }> = {}, occurred = '2009-12-01') =>
  fact(
    'StatementMade',
    'person-sergei-lavrov',
    { speaker: 'person-sergei-lavrov', role: null, roleText: null, summary: 'a statement', topics: [], ...data },
    { occurred },
  );
const attested = (country: string, member: boolean, occurred = '2005-01-01') =>
  fact('MembershipAttested', country, { country, member }, { occurred });
const proposal = () =>
  fact(
    'CooperationProposed',
    'relations-nato-csto',
    { proposer: 'organization-csto', to: 'organization-nato', onBehalfOf: null, areas: [] },
    { occurred: '2004-01-01' },
  );
const rejection = () =>
  fact(
    'CooperationRejected',
    'relations-nato-csto',
    { rejectedBy: 'organization-nato', spokesperson: null, reason: 'no' },
    { occurred: '2005-01-01' },
  );
const retraction = (eventId: string) => fact('FactRetracted', 'country-uzbekistan', { eventId, reason: 'wrong' });

/** Every rule of the catalog is exercised here, both ways (the last test checks none is missed). */
const exercised = new Set<RuleName>();
const rule = (name: RuleName) => (exercised.add(name), name);

describe('stream-matches-subject', () => {
  test('given a source, when a statement is recorded on its speaker, then it is accepted', () => {
    given(...world())
      .when('person-sergei-lavrov', lavrov())
      .thenAccepted();
  });
  test('given a source, when a statement is recorded on another stream, then it is refused', () => {
    given(...world())
      .when('person-nikolai-bordyuzha', lavrov())
      .thenRefused(rule('stream-matches-subject'), 'stream');
  });
  test('given a source, when a relations fact is recorded off a relations stream, then it is refused', () => {
    given(...world())
      .when('organization-nato', proposal())
      .thenRefused('stream-matches-subject', 'stream');
  });
});

describe('known-entity', () => {
  test('given a source, when a fact names a known person, then it is accepted', () => {
    given(...world())
      .when('person-sergei-lavrov', lavrov({ speaker: 'person-sergei-lavrov' }))
      .thenAccepted();
  });
  test('given a source, when a fact names an unknown person, then it is refused at that field', () => {
    const unknown = fact('StatementMade', 'person-john-doe', {
      speaker: 'person-john-doe',
      role: null,
      roleText: null,
      summary: 'x',
    });
    given(...world())
      .when('person-john-doe', unknown)
      .thenRefused(rule('known-entity'), '/facts/0/data/speaker');
  });
  test('given a source, when a fact lists an unknown entity among known ones, then it is refused at that item', () => {
    const signed = fact('AgreementSigned', 'organization-csto', {
      agreement: 'an agreement',
      parties: ['country-uzbekistan', 'country-atlantis'],
      place: null,
      host: null,
    });
    given(...world())
      .when('organization-csto', signed)
      .thenRefused(rule('known-entity'), '/facts/0/data/parties/1');
  });
  test('given a source, when a person is registered and quoted in the same batch, then it is accepted', () => {
    const [doe] = registered('person-john-doe');
    const says = fact('StatementMade', 'person-john-doe', {
      speaker: 'person-john-doe',
      role: null,
      roleText: null,
      summary: 'x',
    });
    given(...world())
      .when('person-john-doe', doe!, says)
      .thenAccepted();
  });
});

describe('entity-registration', () => {
  test('given a registered person, when it is registered again, then it is refused', () => {
    given(...world())
      .when('person-sergei-lavrov', ...registered('person-sergei-lavrov'))
      .thenRefused(rule('entity-registration'), '/facts/0/data/id');
  });
  test('given a source, when an id does not start with its kind, then it is refused', () => {
    const wrongKind = fact('EntityRegistered', 'person-moscow', {
      id: 'person-moscow',
      kind: 'country',
      name: 'Moscow',
      aliases: [],
    });
    given(...world())
      .when('person-moscow', wrongKind)
      .thenRefused('entity-registration', '/facts/0/data/id');
  });
  test('given a registered person, when an alias is added on its stream, then it is accepted', () => {
    const alias = fact('AliasAdded', 'person-sergei-lavrov', { id: 'person-sergei-lavrov', alias: 'Lavrov' });
    given(...world())
      .when('person-sergei-lavrov', alias)
      .thenAccepted();
  });
});

describe('known-role', () => {
  test('given a source, when a statement names a known office, then it is accepted', () => {
    given(...world())
      .when('person-sergei-lavrov', lavrov({ role: 'foreign-minister-russia' }))
      .thenAccepted();
  });
  test('given a source, when a statement names an unknown office, then it is refused', () => {
    given(...world())
      .when('person-sergei-lavrov', lavrov({ role: 'foreign-minister' }))
      .thenRefused(rule('known-role'), '/facts/0/data/role');
  });
});

describe('source-registered', () => {
  test('given no source, when a fact cites one registered earlier in the same batch, then it is accepted', () => {
    const treaty = fact('TreatySigned', 'source-a1', { treaty: 'a treaty' }, { occurred: '1992-05-15' });
    given().when('source-a1', source('a1'), treaty).thenAccepted();
  });
  test('given another source only, when a fact cites an unregistered one, then it is refused', () => {
    given(source('a2'), ...KNOWN)
      .when('person-sergei-lavrov', lavrov())
      .thenRefused(rule('source-registered'), '/facts/0/source/article');
  });
});

describe('source-unique and source-cites-itself', () => {
  test('given a source, when another is registered citing itself, then it is accepted', () => {
    given(source('a1')).when('source-a2', source('a2')).thenAccepted();
  });
  test('given a source, when it is registered again, then it is refused', () => {
    given(source('a1')).when('source-a1', source('a1')).thenRefused(rule('source-unique'), '/facts/0/data/key');
  });
  test('given a source, when a registration cites another article, then it is refused', () => {
    const miscited = { ...source('a2'), source: { article: 'a1', outlet: null, quote: null } };
    given(source('a1')).when('source-a2', miscited).thenRefused(rule('source-cites-itself'), '/facts/0/source/article');
  });
});

describe('not-in-future and reported-after-occurred', () => {
  test('given a source, when a fact occurred before its article appeared, then it is accepted', () => {
    given(...world())
      .when('person-sergei-lavrov', lavrov({}, '2009-12-31'))
      .thenAccepted();
  });
  test('given a source, when a fact occurs after today, then it is refused', () => {
    given(...world())
      .when('person-sergei-lavrov', lavrov({}, '2999-01-01'))
      .thenRefused(rule('not-in-future'), '/facts/0/occurred');
  });
  test('given a source, when a fact occurs after its article appeared, then it is refused', () => {
    given(...world())
      .when('person-sergei-lavrov', lavrov({}, '2011-01-01'))
      .thenRefused(rule('reported-after-occurred'), '/facts/0/occurred');
  });
});

describe('membership-held and membership-not-held', () => {
  const suspended = () =>
    fact('MembershipSuspended', 'country-uzbekistan', { country: 'country-uzbekistan' }, { occurred: '2006-01-01' });
  const restored = () =>
    fact(
      'MembershipRestored',
      'country-uzbekistan',
      { country: 'country-uzbekistan', basis: 'a protocol' },
      { occurred: '2006-01-01' },
    );
  test('given a member, when it is suspended, then it is accepted', () => {
    given(...world(), attested('country-uzbekistan', true))
      .when('country-uzbekistan', suspended())
      .thenAccepted();
  });
  test('given a non-member, when it is suspended, then it is refused', () => {
    given(...world(), attested('country-uzbekistan', false))
      .when('country-uzbekistan', suspended())
      .thenRefused(rule('membership-held'), '/facts/0/data/country');
  });
  test('given a non-member, when its membership is restored, then it is accepted', () => {
    given(...world(), attested('country-uzbekistan', false))
      .when('country-uzbekistan', restored())
      .thenAccepted();
  });
  test('given a member, when its membership is restored, then it is refused', () => {
    given(...world(), attested('country-uzbekistan', true))
      .when('country-uzbekistan', restored())
      .thenRefused(rule('membership-not-held'), '/facts/0/data/country');
  });
});

describe('chair-is-member', () => {
  const chair = (country: string) =>
    fact('ChairmanshipTransferred', 'organization-csto', { country }, { occurred: '2007-10-06' });
  test('given a member, when the chairmanship passes to it, then it is accepted', () => {
    given(...world(), attested('country-kyrgyzstan', true))
      .when('organization-csto', chair('country-kyrgyzstan'))
      .thenAccepted();
  });
  test('given no membership evidence at all, when the chairmanship passes to the state, then it is refused', () => {
    given(...world())
      .when('organization-csto', chair('country-united-states'))
      .thenRefused('chair-is-member', '/facts/0/data/country');
  });
  test('given a suspension implying membership before it, when the chair passes to the state just before, then it is accepted', () => {
    const suspended = fact(
      'MembershipSuspended',
      'country-uzbekistan',
      { country: 'country-uzbekistan' },
      { occurred: '2007-10-07' },
    );
    given(...world(), suspended)
      .when('organization-csto', chair('country-uzbekistan'))
      .thenAccepted();
  });
  test('given a non-member, when the chairmanship passes to it, then it is refused', () => {
    given(...world(), attested('country-united-states', false))
      .when('organization-csto', chair('country-united-states'))
      .thenRefused(rule('chair-is-member'), '/facts/0/data/country');
  });
});

describe('rejection-answers-proposal', () => {
  test('given a proposal, when it is rejected, then it is accepted', () => {
    given(...world(), proposal())
      .when('relations-nato-csto', rejection())
      .thenAccepted();
  });
  test('given no proposal, when a rejection is recorded, then it is refused', () => {
    given(...world())
      .when('relations-nato-csto', rejection())
      .thenRefused(rule('rejection-answers-proposal'), '/facts/0/type');
  });
});

describe('retraction-target and correction-in-batch', () => {
  const wrong = attested('country-uzbekistan', true);
  test('given a fact, when it is retracted on its stream, then it is accepted', () => {
    given(...world(), wrong)
      .when('country-uzbekistan', retraction(wrong.id))
      .thenAccepted();
  });
  test('given no such fact, when a retraction names it, then it is refused', () => {
    given(...world())
      .when('country-uzbekistan', retraction('00000000-0000-4000-8000-000000000000'))
      .thenRefused(rule('retraction-target'), '/facts/0/data/eventId');
  });
  test('given a retracted fact, when it is retracted again, then it is refused', () => {
    given(...world(), wrong, retraction(wrong.id))
      .when('country-uzbekistan', retraction(wrong.id))
      .thenRefused('retraction-target', '/facts/0/data/eventId');
  });
  test('given a fact, when it is corrected with a replacement of its type in the batch, then it is accepted', () => {
    const replacement = attested('country-uzbekistan', true, '2005-06-01');
    const correction = fact('FactCorrected', 'country-uzbekistan', {
      eventId: wrong.id,
      correctedBy: replacement.id,
      reason: 'misdated',
    });
    given(...world(), wrong)
      .when('country-uzbekistan', replacement, correction)
      .thenAccepted();
  });
  test('given a fact, when a correction names a replacement not in the batch, then it is refused', () => {
    const correction = fact('FactCorrected', 'country-uzbekistan', {
      eventId: wrong.id,
      correctedBy: '00000000-0000-4000-8000-000000000001',
      reason: 'misdated',
    });
    given(...world(), wrong)
      .when('country-uzbekistan', correction)
      .thenRefused(rule('correction-in-batch'), '/facts/0/data/correctedBy');
  });
});

describe('idempotency-key-reused (checked by the store, in the same transaction as the append)', () => {
  const first = { replayed: false, stream: 's', revision: 0, events: [{ id: 'e', position: 1, revision: 0 }] };
  test('given a key used once, when the same request comes again, then the first result is replayed', () => {
    expect(replay('k', { fingerprint: 'f', result: first }, 'f')).toEqual({ ...first, replayed: true });
  });
  test('given a key used once, when another request uses it, then it is refused', () => {
    exercised.add('idempotency-key-reused');
    expect(() => replay('k', { fingerprint: 'f', result: first }, 'other')).toThrow(
      expect.objectContaining({ failure: { kind: 'idempotency-key-reused' } }),
    );
  });
});

test('every rule of the catalog is refused by some test above', () => {
  expect([...exercised].sort()).toEqual(Object.keys(RULES).sort());
});
