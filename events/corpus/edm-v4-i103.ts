import { day, month, range, year } from '../dates';
import { fact, membersAttested, type Article } from './article';

const MEMBERS_2007 = ['armenia', 'tajikistan', 'belarus', 'kazakhstan', 'kyrgyzstan', 'russia', 'uzbekistan'];
const published = range('2007-05-23', '2007-05-31', 'May 2007, not before May 23');
const SG = {
  speaker: 'person-nikolai-bordyuzha',
  role: 'csto-secretary-general',
  roleText: 'general secretary',
} as const;

export const edmV4I103: Article = {
  key: 'edm-v4-i103',
  publication: 'Eurasia Daily Monitor',
  volume: 4,
  issue: 103,
  title: null,
  published,
  datedBy:
    'The latest date it cites is May 23, and it writes "on the eve of the upcoming June CSTO summit", so it appeared before June; it speaks of "the second half of this year and the first half of 2008", so the year is 2007.',
  facts: [
    ...membersAttested(MEMBERS_2007, published),
    fact({
      key: 'bordyuzha-bishkek-visit',
      type: 'VisitMade',
      stream: 'person-nikolai-bordyuzha',
      occurred: range('2007-05-21', '2007-05-23', 'May 21-23'),
      outlet: null,
      data: {
        visitor: 'person-nikolai-bordyuzha',
        places: ['Bishkek'],
        purpose:
          'To discuss CSTO plans for the second half of this year and the first half of 2008, when Kyrgyzstan is due to head the organization.',
      },
    }),
    fact({
      key: 'bordyuzha-march-visits',
      type: 'VisitMade',
      stream: 'person-nikolai-bordyuzha',
      occurred: month('2007-03', 'In March'),
      outlet: null,
      data: {
        visitor: 'person-nikolai-bordyuzha',
        places: ['Armenia', 'Tajikistan'],
        purpose: 'One of a series of visits to the CSTO member states.',
      },
    }),
    fact({
      key: 'bordyuzha-april-visits',
      type: 'VisitMade',
      stream: 'person-nikolai-bordyuzha',
      occurred: month('2007-04', 'in April'),
      outlet: null,
      data: {
        visitor: 'person-nikolai-bordyuzha',
        places: ['Belarus', 'Kazakhstan'],
        purpose: 'One of a series of visits to the CSTO member states.',
      },
    }),
    fact({
      key: 'kyrgyzstan-to-chair-2008',
      type: 'ChairmanshipPlanned',
      stream: 'organization-csto',
      occurred: range('2007-05-21', '2007-05-23', 'May 21-23'),
      outlet: null,
      data: { country: 'country-kyrgyzstan', term: range('2008-01-01', '2008-06-30', 'the first half of 2008') },
    }),
    fact({
      key: 'bakiyev-priorities',
      type: 'StatementMade',
      stream: 'person-kurmanbek-bakiyev',
      occurred: range('2007-05-21', '2007-05-23', 'during Bordyuzha’s visit to Bishkek, May 21-23 (Interfax, May 23)'),
      outlet: 'Interfax, May 23',
      data: {
        speaker: 'person-kurmanbek-bakiyev',
        role: 'president-kyrgyzstan',
        roleText: 'Kyrgyz President',
        summary:
          "Kyrgyzstan prioritizes cooperation within the CSTO to uphold security in Central Asia; the CSTO should counter threats and challenges; the country's armed and special forces are prepared to safeguard security within the CSTO framework.",
        topics: ['security', 'terrorism'],
      },
    }),
    fact({
      key: 'summit-june-2007-upcoming',
      type: 'SummitPlanned',
      stream: 'summit-2007-06',
      occurred: published,
      outlet: null,
      data: { summit: 'summit-2007-06', place: null, plannedFor: month('2007-06', 'the upcoming June CSTO summit') },
    }),
    fact({
      key: 'permanent-council-may-21',
      type: 'MeetingHeld',
      stream: 'organization-csto',
      occurred: day('2007-05-21', 'May 21'),
      outlet: null,
      data: {
        body: 'CSTO Permanent Council',
        place: 'Moscow',
        participants: ['body-csto-permanent-council'],
        chair: null,
        topics: ['military', 'planning'],
        summary: 'A session reportedly focused on military and collective security planning for 2008.',
      },
    }),
    fact({
      key: 'bordyuzha-anti-terrorist-plans',
      type: 'StatementMade',
      stream: 'person-nikolai-bordyuzha',
      occurred: day('2007-05-22', 'May 22'),
      outlet: 'Interfax, RIA-Novosti, May 22',
      data: {
        ...SG,
        summary:
          'Told a conference in Bishkek that the CSTO was moving toward forming an Anti-Terrorist Committee and Collective Regional Anti-Terrorist Forces, and was considering its own peacekeeping forces and a joint system to deal with illegal migration; cited Hizb-ut-Tahrir and the Islamic Movement of Uzbekistan as ongoing terrorist threats.',
        topics: ['terrorism', 'peacekeeping', 'migration'],
      },
    }),
    fact({
      key: 'anti-terrorist-forces-planned',
      type: 'ForcePlanned',
      stream: 'organization-csto',
      occurred: day('2007-05-22', 'May 22'),
      outlet: 'Interfax, RIA-Novosti, May 22',
      data: {
        force: 'Collective Regional Anti-Terrorist Forces',
        wording: 'the CSTO was moving toward ... establishing Collective Regional Anti-Terrorist Forces',
      },
    }),
    fact({
      key: 'bordyuzha-outside-risks',
      type: 'StatementMade',
      stream: 'person-nikolai-bordyuzha',
      occurred: day('2007-05-22', 'May 22'),
      outlet: 'Interfax, RIA-Novosti, May 22',
      quote: 'Challenges and risks brought from outside do not contribute to stability',
      data: {
        ...SG,
        summary:
          'NATO and the United States are trying to broaden their influence in Central Asia; increased activity by NATO, the EU and third countries are risk factors.',
        topics: ['nato'],
      },
    }),
    fact({
      key: 'bordyuzha-greater-central-asia',
      type: 'StatementMade',
      stream: 'person-nikolai-bordyuzha',
      occurred: day('2007-05-22', 'May 22'),
      outlet: 'Interfax, RIA-Novosti, May 22',
      quote:
        're-orient Central Asian states to cooperate with the U.S. in a new format to include Afghanistan, Pakistan, and India eventually',
      data: {
        ...SG,
        summary:
          'Criticized the concept of a "Greater Central Asia" as aimed at sowing divisions between Russia and countries of the region.',
        topics: ['united-states'],
      },
    }),
    fact({
      key: 'madumarov-multilateral',
      type: 'StatementMade',
      stream: 'person-adakhan-madumarov',
      occurred: range(
        '2007-05-21',
        '2007-05-23',
        'his address during Bordyuzha’s visit to Bishkek, May 21-23; undated in the text',
      ),
      outlet: null,
      data: {
        speaker: 'person-adakhan-madumarov',
        role: 'secretary-of-state-kyrgyzstan',
        roleText: 'Kyrgyz Secretary of State',
        summary:
          "Suggested boosting multilateral cooperation against modern threats; hailed the CSTO, the SCO and the CIS Anti-Terrorist Center; argued that Russia's Kant airbase plays an important role in safeguarding Kyrgyz security.",
        topics: ['security'],
      },
    }),
    fact({
      key: 'isakov-joint-army-group',
      type: 'StatementMade',
      stream: 'person-ismail-isakov',
      occurred: day('2007-05-21', 'after a meeting with Bordyuzha, whose visit began May 21 (Interfax, May 21)'),
      outlet: 'Interfax, May 21',
      data: {
        speaker: 'person-ismail-isakov',
        role: 'defense-minister-kyrgyzstan',
        roleText: 'Kyrgyz Defense Minister',
        summary:
          'Confirmed that the CSTO plans to form a joint army group in addition to the existing CSTO collective rapid reaction forces, conceding differences among member states, notably between Russia and Kazakhstan.',
        topics: ['military'],
      },
    }),
    fact({
      key: 'joint-army-group-planned',
      type: 'ForcePlanned',
      stream: 'organization-csto',
      occurred: day('2007-05-21', 'after a meeting with Bordyuzha, whose visit began May 21 (Interfax, May 21)'),
      outlet: 'Interfax, May 21',
      data: {
        force: 'CSTO joint army group',
        wording:
          'the CSTO plans to form a joint army group in addition to the existing CSTO collective rapid reaction forces',
      },
    }),
    fact({
      key: 'bordyuzha-military-aid-agreement',
      type: 'StatementMade',
      stream: 'person-nikolai-bordyuzha',
      occurred: range('2007-05-21', '2007-05-23', 'during his Bishkek visit, May 21-23'),
      outlet: null,
      data: {
        ...SG,
        summary:
          'The joint army group would work to neutralize possible terrorist attacks, notably by Taliban militants; CSTO countries are drafting an agreement on military aid to a member state in the event of external aggression; due to the weakness of the coalition forces in Afghanistan, the Taliban is becoming stronger and Central Asian leaders may face this threat at any time.',
        topics: ['military', 'afghanistan'],
      },
    }),
    fact({
      key: 'summit-moscow-june-2005',
      type: 'SummitHeld',
      stream: 'summit-2005-06',
      occurred: month('2005-06', 'June 2005'),
      outlet: null,
      data: {
        summit: 'summit-2005-06',
        place: 'Moscow',
        host: 'country-russia',
        outcomes: ['Leaders decided to set up a working group to coordinate with Afghanistan.'],
      },
    }),
    fact({
      key: 'bordyuzha-manas',
      type: 'StatementMade',
      stream: 'person-nikolai-bordyuzha',
      occurred: day('2007-05-21', 'Regnum, May 21'),
      outlet: 'Regnum, May 21',
      data: {
        ...SG,
        summary:
          'The CSTO was not concerned about the presence of coalition forces at Manas airbase outside Bishkek; once Afghanistan is stabilized the base would no longer be relevant.',
        topics: ['afghanistan', 'bases'],
      },
    }),
    fact({
      key: 'sultanov-border-guards',
      type: 'StatementMade',
      stream: 'person-marat-sultanov',
      occurred: day('2007-05-21', 'RIA-Novosti, May 21'),
      outlet: 'RIA-Novosti, May 21',
      data: {
        speaker: 'person-marat-sultanov',
        role: 'parliament-speaker-kyrgyzstan',
        roleText: 'Kyrgyz parliament speaker',
        summary:
          'Had discussed in Moscow a possible return of Russian border guard troops to Kyrgyzstan, whose southern borders, also the CSTO frontier, the country lacks resources to protect.',
        topics: ['borders'],
      },
    }),
    fact({
      key: 'russian-border-guards-left-kyrgyzstan',
      type: 'TroopsWithdrawn',
      stream: 'country-kyrgyzstan',
      occurred: year(1999, 'in 1999'),
      outlet: null,
      quote: 'Russian border guards left Kyrgyzstan in 1999.',
      data: { troops: 'border guards', of: 'country-russia', from: 'country-kyrgyzstan' },
    }),
  ],
};
