import { chairmanshipAt } from '../projections/chairmanship';
import { entities } from '../projections/entities';
import { membersAt, unknownAt } from '../projections/membership';
import { relationsAt } from '../projections/relations';
import { sourcesList } from '../projections/sources';
import { statementFilter } from '../projections/statements';
import { summitsAt } from '../projections/summits';
import { timelineFilter } from '../projections/timeline';
import { fact, fold, source } from './support/given';

const everything = { knownAt: null };

describe('membership', () => {
  const attested = fact(
    'MembershipAttested',
    'country-armenia',
    { country: 'country-armenia', member: true },
    { occurred: '2005-11-11' },
  );
  const suspended = fact(
    'MembershipSuspended',
    'country-uzbekistan',
    { country: 'country-uzbekistan' },
    { occurred: '1999', article: 'a1', reported: '2005-12-01' },
  );

  test('given an attestation, when read after it, then a member since then on the basis of an attestation', () => {
    const { models } = fold([source('a1', '2010-01-01'), attested]);
    expect(membersAt(models.membership, { asOf: '2006-01-01', ...everything }, models.entities.nameOf)).toEqual([
      expect.objectContaining({
        countryId: 'country-armenia',
        status: 'member',
        since: '2005-11-11',
        sinceBasis: 'attestation',
      }),
    ]);
  });

  test('given states already read, when one is registered under a name that sorts first, then members follow the new names', () => {
    const zed = fact(
      'MembershipAttested',
      'country-zed',
      { country: 'country-zed', member: true },
      { occurred: '2005-11-11' },
    );
    const { models } = fold([source('a1', '2010-01-01'), attested, zed]);
    const names = () =>
      membersAt(models.membership, { asOf: '2006-01-01', ...everything }, models.entities.nameOf).map((m) => m.country);
    // Unregistered states go by their ids; this first read also keeps the states in that order.
    expect(names()).toEqual(['country-armenia', 'country-zed']);
    const registered = fact('EntityRegistered', 'country-zed', { id: 'country-zed', kind: 'country', name: 'Albania' });
    entities.apply(models.entities, {
      ...registered,
      position: 4,
      revision: 0,
      recordedAt: '2020-01-01T00:00:00.000Z',
    });
    expect(names()).toEqual(['Albania', 'country-armenia']);
    // The order is made anew with the new name, and serves the next read.
    expect(names()).toEqual(['Albania', 'country-armenia']);
  });

  test('given an attestation, when read before it, then the state is not listed as a member', () => {
    const { models } = fold([source('a1', '2010-01-01'), attested]);
    expect(membersAt(models.membership, { asOf: '2005-01-01', ...everything }, models.entities.nameOf)).toEqual([]);
  });

  test('given a change dated only by its year, when read inside that year, then membership is uncertain with that range', () => {
    const { models } = fold([
      source('a1', '2005-12-01'),
      fact(
        'MembershipAttested',
        'country-uzbekistan',
        { country: 'country-uzbekistan', member: true },
        { occurred: '1998-01-01', reported: '2005-12-01' },
      ),
      suspended,
    ]);
    expect(membersAt(models.membership, { asOf: '1999-06-01', ...everything }, models.entities.nameOf)).toEqual([
      expect.objectContaining({
        countryId: 'country-uzbekistan',
        status: 'possibly-member',
        uncertain: true,
        uncertainRange: expect.objectContaining({ earliest: '1999-01-01', latest: '1999-12-31' }),
      }),
    ]);
    expect(membersAt(models.membership, { asOf: '2000-01-01', ...everything }, models.entities.nameOf)).toEqual([]);
  });

  test('given a fact from a later article, when read as known before that article, then it is not seen', () => {
    const late = fact(
      'MembershipAttested',
      'country-armenia',
      { country: 'country-armenia', member: true },
      { occurred: '2005-11-11', reported: '2010-01-01' },
    );
    const { models } = fold([source('a1', '2010-01-01'), late]);
    expect(membersAt(models.membership, { asOf: '2006-01-01', knownAt: '2009-12-31' }, models.entities.nameOf)).toEqual(
      [],
    );
    expect(
      membersAt(models.membership, { asOf: '2006-01-01', knownAt: '2010-01-01' }, models.entities.nameOf),
    ).toHaveLength(1);
  });
});

describe('membership: implied, extrapolated, unknown', () => {
  const treaty = fact(
    'TreatySigned',
    'organization-csto',
    { treaty: 'Collective Security Treaty' },
    { occurred: '1992-05-15' },
  );
  const suspended = fact(
    'MembershipSuspended',
    'country-uzbekistan',
    { country: 'country-uzbekistan' },
    { occurred: '1999' },
  );
  const q = (asOf: string) => ({ asOf, knownAt: null });

  test('given a suspension and no treaty, when read before it, then membership is implied only on the day before', () => {
    const { models } = fold([source(), suspended]);
    expect(membersAt(models.membership, q('1998-12-31'), models.entities.nameOf)).toEqual([
      expect.objectContaining({ basis: 'implied', sinceBasis: 'implied', since: '1998-12-31', extrapolated: false }),
    ]);
    expect(membersAt(models.membership, q('1998-06-01'), models.entities.nameOf)).toEqual([]);
    expect(unknownAt(models.membership, q('1998-06-01'), models.entities.nameOf)).toEqual([
      expect.objectContaining({ countryId: 'country-uzbekistan', firstEvidence: '1998-12-31' }),
    ]);
  });

  test('given a suspension and the treaty, when read before it, then the implication reaches back to the treaty and no further', () => {
    const { models } = fold([source(), treaty, suspended]);
    expect(membersAt(models.membership, q('1995-01-01'), models.entities.nameOf)).toEqual([
      expect.objectContaining({ since: '1992-05-15', sinceBasis: 'implied', lastEvidence: null, extrapolated: true }),
    ]);
    expect(membersAt(models.membership, q('1992-05-14'), models.entities.nameOf)).toEqual([]);
  });

  test('given two attestations, when read between and after, then bracketed, then extrapolated', () => {
    const at = (occurred: string) =>
      fact('MembershipAttested', 'country-armenia', { country: 'country-armenia', member: true }, { occurred });
    const { models } = fold([source(), at('2005-11-11'), at('2007-05-23')]);
    expect(membersAt(models.membership, q('2006-01-01'), models.entities.nameOf)[0]).toMatchObject({
      lastEvidence: '2005-11-11',
      nextEvidence: '2007-05-23',
      extrapolated: false,
    });
    expect(membersAt(models.membership, q('2008-01-01'), models.entities.nameOf)[0]).toMatchObject({
      lastEvidence: '2007-05-23',
      nextEvidence: null,
      extrapolated: true,
    });
  });

  test('given a protocol of return in effect, when read after it, then a member by implication', () => {
    const inEffect = fact(
      'AgreementInEffect',
      'country-uzbekistan',
      { agreement: 'protocol', country: 'country-uzbekistan', wording: 'in effect', restoresMembership: true },
      { occurred: '2007-03-01' },
    );
    const { models } = fold([source(), suspended, inEffect]);
    expect(membersAt(models.membership, q('2007-04-01'), models.entities.nameOf)).toEqual([
      expect.objectContaining({ status: 'member', basis: 'implied', sinceBasis: 'change', since: '2007-03-01' }),
    ]);
  });
});

describe('entities', () => {
  const registered = fact(
    'EntityRegistered',
    'person-dmitry-medvedev',
    { id: 'person-dmitry-medvedev', kind: 'person', name: 'Dmitry Medvedev', aliases: ['Medvedev'] },
    { reported: '2010-02-08' },
  );
  const alias = fact(
    'AliasAdded',
    'person-dmitry-medvedev',
    { id: 'person-dmitry-medvedev', alias: 'President Medvedev' },
    { reported: '2011-01-01' },
  );

  test('given a registration and a later alias, when read as known between them, then the alias is not yet there', () => {
    const { models } = fold([source(), registered, alias]);
    expect(models.entities.get('person-dmitry-medvedev')?.aliases).toEqual(['Medvedev', 'President Medvedev']);
    expect(models.entities.get('person-dmitry-medvedev', '2010-06-01')?.aliases).toEqual(['Medvedev']);
    expect(models.entities.get('person-dmitry-medvedev', '2010-01-01')).toBeUndefined();
    expect(models.entities.search('president medv').map((e) => e.id)).toEqual(['person-dmitry-medvedev']);
  });
});

describe('relations', () => {
  const proposed = fact(
    'CooperationProposed',
    'relations-nato-csto',
    { proposer: 'organization-csto', to: 'organization-nato', onBehalfOf: null },
    { occurred: '2004-06-01' },
  );
  const rejected = fact(
    'CooperationRejected',
    'relations-nato-csto',
    { rejectedBy: 'organization-nato', spokesperson: null, reason: 'no' },
    { occurred: '2005-10-29' },
  );

  test('given a proposal then a rejection, when read between and after, then proposed, then rejected since the rejection', () => {
    const { models } = fold([source(), proposed, rejected]);
    expect(relationsAt(models.relations, 'relations-nato-csto', { asOf: '2005-01-01', ...everything })).toMatchObject({
      status: 'proposed',
      since: '2004-06-01',
    });
    expect(relationsAt(models.relations, 'relations-nato-csto', { asOf: '2006-01-01', ...everything })).toMatchObject({
      status: 'rejected',
      since: '2005-10-29',
      history: [expect.objectContaining({ status: 'proposed' }), expect.objectContaining({ status: 'rejected' })],
    });
  });
});

describe('chairmanship', () => {
  test('given a transfer, when read after it, then that country chairs since the transfer', () => {
    const { models } = fold([
      source(),
      fact(
        'ChairmanshipTransferred',
        'organization-csto',
        { country: 'country-kyrgyzstan' },
        { occurred: '2007-10-06' },
      ),
    ]);
    expect(
      chairmanshipAt(models.chairmanship, { asOf: '2007-11-01', ...everything }, models.entities.nameOf).chair,
    ).toMatchObject({
      countryId: 'country-kyrgyzstan',
      since: '2007-10-06',
      sinceBasis: 'change',
    });
    expect(
      chairmanshipAt(models.chairmanship, { asOf: '2007-10-01', ...everything }, models.entities.nameOf).chair,
    ).toBeNull();
  });
});

describe('summits', () => {
  const planned = fact(
    'SummitPlanned',
    'summit-moscow-2007',
    {
      summit: 'summit-moscow-2007',
      place: 'Moscow',
      plannedFor: {
        earliest: '2007-06-01',
        latest: '2007-06-30',
        precision: 'month',
        text: 'June 2007',
        edtf: '2007-06',
      },
    },
    { occurred: '2007-03-01' },
  );
  const held = fact(
    'SummitHeld',
    'summit-moscow-2007',
    { summit: 'summit-moscow-2007', place: 'Moscow', host: null },
    { occurred: '2007-06-23' },
  );

  test('given a plan, when read after it is announced, then the summit is planned', () => {
    const { models } = fold([source(), planned]);
    expect(summitsAt(models.summits, { asOf: '2007-04-01', ...everything })).toEqual([
      expect.objectContaining({ id: 'summit-moscow-2007', status: 'planned' }),
    ]);
  });

  test('given a plan and a report that it was held, when read after, then the summit is held', () => {
    const { models } = fold([source(), planned, held]);
    expect(summitsAt(models.summits, { asOf: '2007-07-01', ...everything })).toEqual([
      expect.objectContaining({ id: 'summit-moscow-2007', status: 'held', place: 'Moscow' }),
    ]);
  });
});

describe('statements and timeline', () => {
  const said = (speaker: string, occurred: string) =>
    fact(
      'StatementMade',
      speaker,
      { speaker, role: null, roleText: null, summary: 'said', topics: ['nato'] },
      { occurred },
    );
  const earlier = said('person-sergei-lavrov', '2005-03-01');
  const later = said('person-nikolai-bordyuzha', '2004-01-01');

  test('given statements recorded out of date order, when a speaker is asked for, then only theirs, by date', () => {
    const { models } = fold([source(), earlier, later]);
    const filter = statementFilter({
      asOf: '2010-01-01',
      ...everything,
      speakers: ['person-sergei-lavrov'],
      topic: null,
      from: null,
      to: null,
    });
    expect(models.statements.page(filter, null, 10, '2010-01-01').items.map((s) => s.id)).toEqual([earlier.id]);
  });

  test('given facts recorded out of date order, when the timeline is read, then they come in date order, up to asOf', () => {
    const { models } = fold([source('a1', '2010-01-01'), earlier, later]);
    const page = (asOf: string) =>
      models.timeline
        .page(timelineFilter({ asOf, ...everything, types: ['StatementMade'] }), null, 10, asOf)
        .items.map((e) => e.id);
    expect(page('2010-01-01')).toEqual([later.id, earlier.id]);
    expect(page('2004-06-01')).toEqual([later.id]);
  });

  test('given a statement, when it is retracted, then both read models keep one object for it, withdrawn from then on', () => {
    const retraction = fact(
      'FactRetracted',
      'person-sergei-lavrov',
      { eventId: earlier.id, reason: 'misquoted' },
      { occurred: '2010-06-01', article: 'a2', reported: '2010-06-01' },
    );
    const { models } = fold([source(), source('a2', '2010-06-01'), earlier, retraction]);
    const inTimeline = models.timeline.get(earlier.id);
    expect(models.statements.get(earlier.id)).toBe(inTimeline);
    expect(inTimeline).toMatchObject({ id: earlier.id, retractedAt: '2010-06-01' });
  });
});

describe('sources', () => {
  test('given a source and facts citing it, when listed, then the source with the facts that cite it', () => {
    const cited = fact(
      'TreatySigned',
      'organization-csto',
      { treaty: 'Collective Security Treaty' },
      { occurred: '1992-05-15' },
    );
    const { models } = fold([source('a1'), cited]);
    expect(sourcesList(models.sources)).toEqual([
      { source: expect.objectContaining({ key: 'a1' }), eventIds: [cited.id] },
    ]);
  });
});
