/**
 * The entities the record speaks of, each with one canonical id and the other
 * names the articles use for it. Ids double as stream names.
 */
export type EntityKind = 'country' | 'person' | 'organization' | 'body' | 'force';

export interface Entity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
}

const country = (slug: string, name: string, ...aliases: string[]): Entity => ({
  id: `country-${slug}`,
  kind: 'country',
  name,
  aliases,
});
const person = (slug: string, name: string, ...aliases: string[]): Entity => ({
  id: `person-${slug}`,
  kind: 'person',
  name,
  aliases,
});
const org = (slug: string, name: string, ...aliases: string[]): Entity => ({
  id: `organization-${slug}`,
  kind: 'organization',
  name,
  aliases,
});
const body = (slug: string, name: string, ...aliases: string[]): Entity => ({
  id: `body-${slug}`,
  kind: 'body',
  name,
  aliases,
});
const force = (slug: string, name: string, ...aliases: string[]): Entity => ({
  id: `force-${slug}`,
  kind: 'force',
  name,
  aliases,
});

export const ENTITIES: readonly Entity[] = [
  country('russia', 'Russia', 'Russian Federation', 'Moscow'),
  country('belarus', 'Belarus'),
  country('kazakhstan', 'Kazakhstan'),
  country('kyrgyzstan', 'Kyrgyzstan', 'Bishkek'),
  country('tajikistan', 'Tajikistan', 'Dushanbe'),
  country('armenia', 'Armenia'),
  country('uzbekistan', 'Uzbekistan', 'Tashkent'),
  country('united-states', 'United States', 'U.S.', 'US', 'Washington'),
  country('united-kingdom', 'United Kingdom', 'Britain', 'London'),
  org('csto', 'Collective Security Treaty Organization', 'CSTO', 'Collective Security Treaty', 'CST'),
  org('nato', 'North Atlantic Treaty Organization', 'NATO', 'the Alliance', 'North Atlantic bloc'),
  org('sco', 'Shanghai Cooperation Organization', 'SCO'),
  org('osce', 'Organization for Security and Cooperation in Europe', 'OSCE'),
  org('united-nations', 'United Nations', 'UN'),
  org('eec', 'Eurasian Economic Community', 'EEC', 'Eurasian Economic Commonwealth'),
  org('cis', 'Commonwealth of Independent States', 'CIS'),
  body('csto-secretariat', 'CSTO Secretariat'),
  body('csto-permanent-council', 'CSTO Permanent Council'),
  body('csto-council-of-foreign-ministers', 'CSTO Council of Foreign Ministers'),
  body('csto-coordinating-council-on-illegal-migration', 'CSTO coordinating council on illegal migration'),
  force('collective-rapid-deployment-forces', 'Collective Rapid Deployment Forces', 'collective rapid reaction forces'),
  force('collective-operational-reaction-forces', 'Collective Operational Reaction Forces', 'CORF'),
  person('nikolai-bordyuzha', 'Nikolai Bordyuzha', 'Bordyuzha', 'General Nikolai Bordyuzha'),
  person('emomali-rahmon', 'Emomali Rahmon', 'Emomali Rakhmonov', 'Rakhmonov', 'Rahmon'),
  person('kurmanbek-bakiyev', 'Kurmanbek Bakiyev', 'Bakiyev'),
  person('sergei-lavrov', 'Sergei Lavrov', 'Lavrov'),
  person('grigory-karasin', 'Grigory Karasin', 'Karasin'),
  person('robert-simmons', 'Robert Simmons', 'Simmons'),
  person('grigory-rapota', 'Grigory Rapota', 'Rapota'),
  person('igor-khalevinsky', 'Igor Khalevinsky', 'Khalevinsky'),
  person('alikbek-jekshenkulov', 'Alikbek Jekshenkulov', 'Jekshenkulov'),
  person('adakhan-madumarov', 'Adakhan Madumarov', 'Madumarov'),
  person('ismail-isakov', 'Ismail Isakov', 'Isakov'),
  person('marat-sultanov', 'Marat Sultanov', 'Sultanov'),
  person('nikolai-makarov', 'Nikolai Makarov', 'Makarov'),
  person('nikolai-patrushev', 'Nikolai Patrushev', 'Patrushev'),
  person('dmitry-ragozin', 'Dmitry Ragozin', 'Ragozin'),
  person('dennis-blair', 'Dennis Blair', 'Blair'),
  person('vladimir-putin', 'Vladimir Putin', 'Putin'),
];

/** Offices, with the ways the articles write them. */
export const ROLES: Readonly<Record<string, { title: string; aliases: string[] }>> = {
  'csto-secretary-general': {
    title: 'Secretary-General of the CSTO',
    aliases: ['secretary-general', 'Secretary-General', 'general secretary', 'CSTO Secretary-General'],
  },
  'president-tajikistan': { title: 'President of Tajikistan', aliases: ["Tajikistan's President"] },
  'president-kyrgyzstan': { title: 'President of Kyrgyzstan', aliases: ['Kyrgyz President'] },
  'foreign-minister-russia': { title: 'Foreign Minister of Russia', aliases: ['Russian Foreign Minister'] },
  'deputy-foreign-minister-russia': {
    title: 'Deputy Foreign Minister of Russia',
    aliases: ['Russian Deputy Foreign Minister'],
  },
  'deputy-defense-minister-russia': {
    title: 'Deputy Defense Minister of Russia',
    aliases: ['Russian Deputy Defense Minister'],
  },
  'nato-special-representative-caucasus-central-asia': {
    title: 'NATO Special Representative for the South Caucasus and Central Asia',
    aliases: [],
  },
  'eec-head': { title: 'Head of the EEC', aliases: ['EEC head'] },
  'secretary-of-state-kyrgyzstan': {
    title: 'Secretary of State of Kyrgyzstan',
    aliases: ['Kyrgyz Secretary of State'],
  },
  'defense-minister-kyrgyzstan': { title: 'Defense Minister of Kyrgyzstan', aliases: ['Kyrgyz Defense Minister'] },
  'parliament-speaker-kyrgyzstan': {
    title: 'Speaker of the Kyrgyz parliament',
    aliases: ['Kyrgyz parliament speaker'],
  },
  'fsb-director': { title: "Director of Russia's Security Service (FSB)", aliases: ['director of the FSB'] },
  'russian-ambassador-nato': { title: 'Russian Ambassador to NATO', aliases: ['Russian Ambassador'] },
  'us-director-of-national-intelligence': {
    title: 'US Director of National Intelligence',
    aliases: ['Director of National Intelligence'],
  },
  'csto-secretariat': { title: 'CSTO Secretariat', aliases: [] },
};

const byId = new Map(ENTITIES.map((e) => [e.id, e]));

export const entityById = (id: string): Entity | undefined => byId.get(id);

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();

/** Entities whose id, name or an alias contains the query (case- and accent-insensitive). */
export function searchEntities(q: string): Entity[] {
  const needle = fold(q);
  return ENTITIES.filter((e) => [e.id, e.name, ...e.aliases].some((n) => fold(n).includes(needle)));
}

/** Edits (insertions, deletions, substitutions) that turn one string into the other. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/** The entities whose name, an alias or a word of them is a few typing slips from the query, nearest first. */
export function nearestEntities(q: string, limit = 3): Entity[] {
  const needle = fold(q);
  const scored = ENTITIES.map((e) => {
    const words = [e.name, ...e.aliases].flatMap((n) => [fold(n), ...fold(n).split(/[\s-]+/)]);
    return { e, d: Math.min(...words.map((w) => editDistance(needle, w))) };
  });
  return scored
    .filter((x) => x.d <= Math.max(2, Math.floor(needle.length / 3)))
    .sort((x, y) => x.d - y.d)
    .slice(0, limit)
    .map((x) => x.e);
}
