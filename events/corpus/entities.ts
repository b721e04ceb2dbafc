import type { DataOf } from '../catalog';

type Kind = DataOf<'EntityRegistered'>['kind'];

/**
 * Every entity the corpus speaks of, registered by the first article that names it
 * (`article`), with the names that article uses. Names a later article adds are
 * `later` aliases, each recorded from its own article. `name` is the display name;
 * for an office it is the office spelt out. A test checks each name against the text.
 */
export interface EntityEntry {
  id: string;
  kind: Kind;
  name: string;
  aliases: string[];
  article: string;
  later?: { article: string; alias: string }[];
}

const V2 = 'edm-v2-i213';
const V4_45 = 'edm-v4-i45';
const V4_103 = 'edm-v4-i103';
const V4_191 = 'edm-v4-i191';
const V7 = 'edm-v7-i31';

const entry = (
  kind: Kind,
  slug: string,
  article: string,
  name: string,
  aliases: string[] = [],
  later?: EntityEntry['later'],
) => ({
  id: `${kind}-${slug}`,
  kind,
  name,
  aliases,
  article,
  ...(later ? { later } : {}),
});

export const CORPUS_ENTITIES: readonly EntityEntry[] = [
  entry('country', 'russia', V2, 'Russia', ['Russian Federation', 'Moscow']),
  entry('country', 'belarus', V2, 'Belarus'),
  entry('country', 'kazakhstan', V2, 'Kazakhstan'),
  entry('country', 'kyrgyzstan', V2, 'Kyrgyzstan'),
  entry('country', 'tajikistan', V2, 'Tajikistan'),
  entry('country', 'armenia', V2, 'Armenia'),
  entry('country', 'uzbekistan', V2, 'Uzbekistan'),
  entry('country', 'united-states', V4_45, 'United States', ['U.S.', 'Washington'], [{ article: V7, alias: 'US' }]),
  entry('country', 'britain', V4_191, 'Britain'),
  entry('country', 'romania', V7, 'Romania'),
  entry('organization', 'csto', V2, 'Collective Security Treaty Organization', [
    'CSTO',
    'Collective Security Treaty',
    'CST',
  ]),
  entry(
    'organization',
    'nato',
    V2,
    'NATO',
    [],
    [
      { article: V4_45, alias: 'the Alliance' },
      { article: V4_45, alias: 'North Atlantic bloc' },
    ],
  ),
  entry('organization', 'sco', V2, 'Shanghai Cooperation Organization', [], [{ article: V4_103, alias: 'SCO' }]),
  entry(
    'organization',
    'osce',
    V2,
    'OSCE',
    [],
    [{ article: V4_191, alias: 'Organization for Security and Cooperation in Europe' }],
  ),
  entry('organization', 'united-nations', V2, 'United Nations', ['UN']),
  entry('organization', 'eec', V2, 'Eurasian Economic Community', ['EEC', 'Eurasian Economic Commonwealth']),
  entry('organization', 'cis', V2, 'Commonwealth of Independent States'),
  entry('organization', 'caco', V2, 'Central Asian Cooperation Organization', ['CACO']),
  entry('body', 'csto-secretariat', V2, 'CSTO Secretariat'),
  entry('body', 'csto-permanent-council', V2, 'CSTO Permanent Council'),
  entry('body', 'csto-council-of-foreign-ministers', V2, 'CSTO Council of Foreign Ministers'),
  entry('body', 'csto-coordinating-council-on-illegal-migration', V7, 'coordinating council on illegal migration'),
  entry(
    'force',
    'collective-rapid-deployment-forces',
    V4_45,
    'Collective Rapid Deployment Forces',
    [],
    [{ article: V4_103, alias: 'collective rapid reaction forces' }],
  ),
  entry('force', 'collective-operational-reaction-forces', V7, 'Collective Operational Reaction Forces', ['CORF']),
  entry('person', 'nikolai-bordyuzha', V2, 'Nikolai Bordyuzha', ['Bordyuzha', 'General Nikolai Bordyuzha']),
  entry(
    'person',
    'emomali-rahmon',
    V4_45,
    'Emomali Rakhmonov',
    ['Rakhmonov'],
    [
      { article: V4_191, alias: 'Emomali Rahmon' },
      { article: V4_191, alias: 'Rahmon' },
    ],
  ),
  entry('person', 'kurmanbek-bakiyev', V4_103, 'Kurmanbek Bakiyev', ['Bakiyev']),
  entry('person', 'sergei-lavrov', V2, 'Sergei Lavrov', ['Lavrov']),
  entry('person', 'grigory-karasin', V2, 'Grigory Karasin', ['Karasin']),
  entry('person', 'robert-simmons', V2, 'Robert Simmons', ['Simmons']),
  entry('person', 'grigory-rapota', V2, 'Grigory Rapota', ['Rapota']),
  entry('person', 'igor-khalevinsky', V2, 'Igor Khalevinsky', ['Khalevinsky']),
  entry('person', 'alikbek-jekshenkulov', V2, 'Alikbek Jekshenkulov', ['Jekshenkulov']),
  entry('person', 'adakhan-madumarov', V4_103, 'Adakhan Madumarov', ['Madumarov']),
  entry('person', 'ismail-isakov', V4_103, 'Ismail Isakov', ['Isakov']),
  entry('person', 'marat-sultanov', V4_103, 'Marat Sultanov', ['Sultanov']),
  entry('person', 'nikolai-makarov', V4_191, 'Nikolai Makarov', ['Makarov']),
  entry('person', 'nikolai-patrushev', V4_191, 'Nikolai Patrushev', ['Patrushev']),
  entry('person', 'vladimir-putin', V4_191, 'Vladimir Putin', ['Putin']),
  entry('person', 'nursultan-nazarbayev', V4_191, 'Nursultan Nazarbayev', ['Nazarbayev']),
  entry('person', 'dmitry-ragozin', V7, 'Dmitry Ragozin', ['Ragozin']),
  entry('person', 'dennis-blair', V7, 'Dennis Blair', ['Blair']),
  entry('person', 'dmitry-medvedev', V7, 'Dmitry Medvedev', ['Medvedev']),
  entry(
    'office',
    'csto-secretary-general',
    V2,
    'Secretary-General of the CSTO',
    ['Secretary-General', 'CSTO Secretary-General'],
    [{ article: V4_103, alias: 'general secretary' }],
  ),
  entry('office', 'csto-secretariat', V2, 'CSTO Secretariat'),
  entry('office', 'president-tajikistan', V4_45, 'President of Tajikistan', ["Tajikistan's President"]),
  entry('office', 'president-kyrgyzstan', V4_103, 'President of Kyrgyzstan', ['Kyrgyz President']),
  entry('office', 'foreign-minister-russia', V2, 'Foreign Minister of Russia', ['Russian Foreign Minister']),
  entry('office', 'deputy-foreign-minister-russia', V2, 'Deputy Foreign Minister of Russia', [
    'Russian Deputy Foreign Minister',
  ]),
  entry('office', 'deputy-defense-minister-russia', V4_191, 'Deputy Defense Minister of Russia', [
    'Russian Deputy Defense Minister',
  ]),
  entry(
    'office',
    'nato-special-representative-caucasus-central-asia',
    V2,
    'NATO Special Representative for the South Caucasus and Central Asia',
  ),
  entry('office', 'eec-head', V2, 'Head of the EEC', ['EEC head']),
  entry('office', 'secretary-of-state-kyrgyzstan', V4_103, 'Secretary of State of Kyrgyzstan', [
    'Kyrgyz Secretary of State',
  ]),
  entry('office', 'defense-minister-kyrgyzstan', V4_103, 'Defense Minister of Kyrgyzstan', ['Kyrgyz Defense Minister']),
  entry('office', 'parliament-speaker-kyrgyzstan', V4_103, 'Speaker of the Kyrgyz parliament', [
    'Kyrgyz parliament speaker',
  ]),
  entry('office', 'fsb-director', V4_191, "Director of Russia's Security Service (FSB)", [
    "director of Russia's Security Service (FSB)",
  ]),
  entry('office', 'russian-ambassador-nato', V7, 'Russian Ambassador to NATO', ['Russian Ambassador']),
  entry('office', 'us-director-of-national-intelligence', V7, 'US Director of National Intelligence', [
    'Director of National Intelligence',
  ]),
];
