import { chairmanshipAt } from '../projections/chairmanship';
import { membersAt } from '../projections/membership';
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
    expect(membersAt(models.membership, { asOf: '2006-01-01', ...everything })).toEqual([
      expect.objectContaining({
        countryId: 'country-armenia',
        status: 'member',
        since: '2005-11-11',
        sinceBasis: 'attestation',
      }),
    ]);
  });

  test('given an attestation, when read before it, then the state is not listed as a member', () => {
    const { models } = fold([source('a1', '2010-01-01'), attested]);
    expect(membersAt(models.membership, { asOf: '2005-01-01', ...everything })).toEqual([]);
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
    expect(membersAt(models.membership, { asOf: '1999-06-01', ...everything })).toEqual([
      expect.objectContaining({
        countryId: 'country-uzbekistan',
        status: 'possibly-member',
        uncertain: true,
        uncertainRange: expect.objectContaining({ earliest: '1999-01-01', latest: '1999-12-31' }),
      }),
    ]);
    expect(membersAt(models.membership, { asOf: '2000-01-01', ...everything })).toEqual([]);
  });

  test('given a fact from a later article, when read as known before that article, then it is not seen', () => {
    const late = fact(
      'MembershipAttested',
      'country-armenia',
      { country: 'country-armenia', member: true },
      { occurred: '2005-11-11', reported: '2010-01-01' },
    );
    const { models } = fold([source('a1', '2010-01-01'), late]);
    expect(membersAt(models.membership, { asOf: '2006-01-01', knownAt: '2009-12-31' })).toEqual([]);
    expect(membersAt(models.membership, { asOf: '2006-01-01', knownAt: '2010-01-01' })).toHaveLength(1);
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
    expect(chairmanshipAt(models.chairmanship, { asOf: '2007-11-01', ...everything }).chair).toMatchObject({
      countryId: 'country-kyrgyzstan',
      since: '2007-10-06',
      sinceBasis: 'change',
    });
    expect(chairmanshipAt(models.chairmanship, { asOf: '2007-10-01', ...everything }).chair).toBeNull();
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
