import { before, day, month, range, season, since } from '../dates';
import { fact, type Article } from './article';

const published = range('2007-03-01', '2007-05-31', 'between March 1 and the June summit, 2007');

export const edmV4I45: Article = {
  key: 'edm-v4-i45',
  publication: 'Eurasia Daily Monitor',
  volume: 4,
  issue: 45,
  title: null,
  published,
  datedBy:
    'The latest date it cites is March 1, and it speaks of the June CSTO summit in Moscow as still to come, so it appeared before June. Volume 4 is 2007: its issue 103 speaks of "the second half of this year and the first half of 2008", and this issue (45) comes before it.',
  facts: [
    fact({
      key: 'bordyuzha-analogue-of-nato',
      type: 'StatementMade',
      stream: 'person-nikolai-bordyuzha',
      occurred: day('2007-02-28', 'February 28'),
      outlet: 'Avesta, February 28',
      quote:
        'The CSTO may be considered as an analogue of NATO, but this comparison is very primitive, as the North Atlantic bloc strives only for military power, but for us this task is important but not paramount. We want to create an integrated system without applying or increasing military power,',
      data: {
        speaker: 'person-nikolai-bordyuzha',
        role: 'csto-secretary-general',
        roleText: 'secretary-general',
        summary:
          'Addressing students of the Russian-Tajik (Slavonic) University in Dushanbe, he contrasted the CSTO with NATO, which strives only for military power.',
        topics: ['nato'],
      },
    }),
    fact({
      key: 'bordyuzha-separate-us',
      type: 'StatementMade',
      stream: 'person-nikolai-bordyuzha',
      occurred: day('2007-02-28', 'February 28'),
      outlet: 'Avesta, February 28',
      quote:
        'CSTO states’ consolidation is unfavorable for NATO. They [NATO countries] are simply going to ‘separate’ us one by one, but our unity prevents them from carrying out their plans,',
      data: {
        speaker: 'person-nikolai-bordyuzha',
        role: 'csto-secretary-general',
        roleText: 'secretary-general',
        summary:
          'NATO is not interested in a constructive multilateral dialogue with the CSTO and wants to separate the CSTO countries one by one.',
        topics: ['nato'],
      },
    }),
    fact({
      key: 'moscow-overtures-since-2000',
      type: 'CooperationProposed',
      stream: 'relations-nato-csto',
      occurred: since(2000),
      outlet: 'Avesta, February 28',
      data: {
        proposer: 'country-russia',
        to: 'organization-nato',
        onBehalfOf: 'organization-csto',
        areas: ['constructive multilateral dialogue'],
      },
    }),
    fact({
      key: 'bordyuzha-rakhmonov-meeting',
      type: 'MeetingHeld',
      stream: 'organization-csto',
      occurred: day('2007-03-01', 'March 1'),
      outlet: 'Tajik TV First Channel, March 1',
      data: {
        body: null,
        place: null,
        participants: ['person-nikolai-bordyuzha', 'person-emomali-rahmon'],
        chair: null,
        topics: ['summit', 'afghanistan', 'uzbekistan'],
        summary:
          'Talks centered on preparations for the CSTO summit in Moscow in June; Afghanistan, drug production and border security on the Tajik-Afghan border were high on the agenda.',
      },
    }),
    fact({
      key: 'summit-moscow-june-2007-planned',
      type: 'SummitPlanned',
      stream: 'summit-2007-06',
      occurred: day('2007-03-01', 'March 1'),
      outlet: 'Tajik TV First Channel, March 1',
      data: { summit: 'summit-2007-06', place: 'Moscow', plannedFor: month('2007-06', 'June') },
    }),
    fact({
      key: 'bordyuzha-uzbekistan-return',
      type: 'StatementMade',
      stream: 'person-nikolai-bordyuzha',
      occurred: day('2007-03-01', 'March 1'),
      outlet: 'Tajik TV First Channel, March 1',
      quote:
        'We, of course, discussed a very significant issue. This is the process of Uzbekistan’s return to the CSTO. You know that Uzbekistan signed a protocol in Sochi in summer 2006, in line with which it undertook commitments on all the requirements of the CSTO. This protocol has now been ratified by the Uzbek parliament and in fact, it is in effect as a law',
      data: {
        speaker: 'person-nikolai-bordyuzha',
        role: 'csto-secretary-general',
        roleText: 'secretary-general',
        summary:
          "Uzbekistan's return to the CSTO: the protocol signed in Sochi in summer 2006 has been ratified by the Uzbek parliament and is in effect as a law.",
        topics: ['uzbekistan', 'membership'],
      },
    }),
    fact({
      key: 'uzbekistan-sochi-protocol',
      type: 'AgreementSigned',
      stream: 'agreement-uzbekistan-sochi-protocol',
      occurred: season('2006-06', '2006-08', 'summer 2006'),
      outlet: 'Tajik TV First Channel, March 1',
      quote:
        'You know that Uzbekistan signed a protocol in Sochi in summer 2006, in line with which it undertook commitments on all the requirements of the CSTO.',
      data: {
        agreement: 'protocol signed by Uzbekistan in Sochi',
        parties: ['country-uzbekistan'],
        place: 'Sochi',
        host: null,
      },
    }),
    fact({
      key: 'uzbekistan-protocol-ratified',
      type: 'AgreementRatified',
      stream: 'agreement-uzbekistan-sochi-protocol',
      occurred: range(
        '2006-06-01',
        '2007-03-01',
        'after the summer 2006 signing; "has now been ratified" on March 1, 2007',
      ),
      outlet: 'Tajik TV First Channel, March 1',
      quote: 'This protocol has now been ratified by the Uzbek parliament',
      data: {
        agreement: 'protocol signed by Uzbekistan in Sochi',
        country: 'country-uzbekistan',
        by: 'the Uzbek parliament',
      },
    }),
    fact({
      key: 'uzbekistan-protocol-in-effect',
      type: 'AgreementInEffect',
      stream: 'country-uzbekistan',
      occurred: range('2006-06-01', '2007-03-01', 'in effect by March 1, 2007, after the summer 2006 signing'),
      outlet: 'Tajik TV First Channel, March 1',
      quote:
        'This is the process of Uzbekistan’s return to the CSTO. … This protocol has now been ratified by the Uzbek parliament and in fact, it is in effect as a law',
      data: {
        agreement: 'protocol signed by Uzbekistan in Sochi',
        country: 'country-uzbekistan',
        wording:
          'Bordyuzha called it "the process of Uzbekistan’s return to the CSTO": the protocol, by which Uzbekistan undertook commitments on all the requirements of the CSTO, is ratified and "in effect as a law".',
        restoresMembership: true,
      },
    }),
    fact({
      key: 'rakhmonov-corruption',
      type: 'StatementMade',
      stream: 'person-emomali-rahmon',
      occurred: before('2007-02-23', 'on or before Tajik TV First Channel, February 23'),
      outlet: 'Tajik TV First Channel, February 23',
      quote:
        'It is of primary importance for the heads of all levels and staff members of the security and law-enforcement agencies to purge their ranks of such instances. As defenders of the country’s security, they must make every effort to gradually curb and root out corrupt actions and behavior, and any violations of the law in general',
      data: {
        speaker: 'person-emomali-rahmon',
        role: 'president-tajikistan',
        roleText: 'Tajikistan’s President',
        summary:
          "At a meeting marking the 14th anniversary of Tajikistan's armed forces, he referred to the CSTO's role in strengthening Tajikistan's security forces, named China, France, India, the United States and Iran among the countries with which Dushanbe has expanded military cooperation, and singled out corruption as the forces' greatest challenge.",
        topics: ['corruption', 'armed-forces'],
      },
    }),
    fact({
      key: 'us-missile-shield-plans',
      type: 'IntentionStated',
      stream: 'country-united-states',
      occurred: published,
      outlet: null,
      quote: 'U.S. plans to deploy components of its anti-ballistic missile shield in Eastern Europe',
      data: {
        actor: 'country-united-states',
        intention: 'deploy components of its anti-ballistic missile shield in Eastern Europe',
        topics: ['missile-defense'],
      },
    }),
    fact({
      key: 'mumirak-exercise',
      type: 'ExerciseHeld',
      stream: 'force-collective-rapid-deployment-forces',
      occurred: day('2007-02-26', 'February 26'),
      outlet: 'Itar-Tass, February 26',
      data: {
        place: 'Mumirak, southern Tajikistan',
        participants: ["Russia's 201st Motor Rifle Division"],
        description:
          'Anti-terrorist exercises started; a special motor rifle battalion from the 201st MRD, which represents Russia within the Collective Rapid Deployment Forces, honed mountain warfare skills.',
      },
    }),
  ],
};
