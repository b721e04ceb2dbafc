import { startTestApp, type TestApp } from './support/app';

/** Entities are facts: registered through the API with a source, read back as known at a date. */
let t: TestApp;
beforeAll(async () => (t = await startTestApp()));
afterAll(() => t.close());

const SOURCE = { article: 'edm-v7-i31' };
const doeSays = {
  type: 'StatementMade',
  occurred: '2010-01-01',
  data: {
    speaker: 'person-john-doe',
    role: null,
    roleText: null,
    summary: 'a statement by someone the record does not know yet',
    topics: [],
  },
  source: SOURCE,
};

test('the corpus registers the entities its articles name, with the article that names each', async () => {
  const all = (await t.get('/v1/entities?limit=500')).body.items as { id: string; registered: { article: string } }[];
  expect(all.find((e) => e.id === 'person-dmitry-medvedev')?.registered.article).toBe('edm-v7-i31');
  const offices = (await t.get('/v1/entities?kind=office&limit=500')).body.items as { id: string }[];
  expect(offices.map((o) => o.id)).toContain('office-csto-secretary-general');
  expect(offices.every((o) => o.id.startsWith('office-'))).toBe(true);
  // As known before any article appeared, the record knows no one.
  expect((await t.get('/v1/entities?knownAt=2005-01-01')).body.items).toEqual([]);
  expect((await t.get('/v1/entities/person-dmitry-medvedev?knownAt=2009-01-01')).status).toBe(404);
});

test('a statement by an unknown person is refused with how to register them, and accepted once registered', async () => {
  const refused = await t.post('/v1/streams/person-john-doe/events', doeSays);
  expect(refused.status).toBe(422);
  expect(refused.body).toMatchObject({ rule: 'known-entity' });
  expect(refused.body.detail).toMatch(/EntityRegistered/);

  const registration = {
    type: 'EntityRegistered',
    occurred: '2010-01-01',
    data: { id: 'person-john-doe', kind: 'person', name: 'John Doe', aliases: ['Doe'] },
    source: SOURCE,
  };
  const ok = await t.post('/v1/streams/person-john-doe/events', { facts: [registration, doeSays] });
  expect(ok.status).toBe(201);
  const entity = await t.get(`/v1/entities/person-john-doe?minPosition=${ok.body.position}`);
  expect(entity.body).toMatchObject({ name: 'John Doe', aliases: ['Doe'], kind: 'person' });
  const said = await t.get(`/v1/statements?speaker=Doe&minPosition=${ok.body.position}`);
  expect(said.body.items.map((s: { speaker: { name: string } }) => s.speaker.name)).toEqual(['John Doe']);

  const again = await t.post('/v1/streams/person-john-doe/events', registration);
  expect([again.status, again.body.rule]).toEqual([422, 'entity-registration']);
});

test('an alias is added on the entity stream and found by search from then on', async () => {
  const res = await t.post('/v1/streams/person-nikolai-bordyuzha/events', {
    type: 'AliasAdded',
    occurred: '2010-02-08',
    data: { id: 'person-nikolai-bordyuzha', alias: 'CSTO chief' },
    source: SOURCE,
  });
  expect(res.status).toBe(201);
  const found = await t.get(`/v1/entities?q=csto%20chief&minPosition=${res.body.position}`);
  expect(found.body.items.map((e: { id: string }) => e.id)).toEqual(['person-nikolai-bordyuzha']);
});

test('an unknown office is refused with the nearest office and how to register it', async () => {
  const res = await t.post('/v1/streams/person-nikolai-bordyuzha/events', {
    type: 'StatementMade',
    occurred: '2010-01-01',
    data: {
      speaker: 'person-nikolai-bordyuzha',
      role: 'csto-secretary',
      roleText: 'secretary',
      summary: 'x',
      topics: [],
    },
    source: SOURCE,
  });
  expect(res.status).toBe(422);
  expect(res.body.rule).toBe('known-role');
  expect(res.body.detail).toMatch(/office-csto-secretary/);
});
