import { before, day, month, range, year } from '../dates';
import { fact, type Article } from './article';

const published = range('2010-02-08', '2010-12-31', 'not before February 8, 2010');
const SG = {
  speaker: 'person-nikolai-bordyuzha',
  role: 'csto-secretary-general',
  roleText: 'Secretary-General',
} as const;

export const edmV7I31: Article = {
  key: 'edm-v7-i31',
  publication: 'Eurasia Daily Monitor',
  volume: 7,
  issue: 31,
  title: 'Moscow’s CSTO Olive Branch to NATO',
  published,
  datedBy:
    'The latest date it cites is February 8; the joint operation it calls "Illegal Immigrant 2010" is to be conducted "later this year", so the year is 2010.',
  facts: [
    fact({
      key: 'no-official-contact',
      type: 'RelationsAttested',
      stream: 'relations-nato-csto',
      occurred: before('2010-02-04', 'in a recent interview; on or before Interfax, February 4'),
      outlet: 'Interfax, February 4',
      data: {
        parties: ['organization-nato', 'organization-csto'],
        status: 'none',
        wording: 'Bordyuzha confirmed that the organization has no official contact with the Alliance.',
      },
    }),
    fact({
      key: 'bordyuzha-offered-interaction',
      type: 'StatementMade',
      stream: 'person-nikolai-bordyuzha',
      occurred: before('2010-02-04', 'in a recent interview; on or before Interfax, February 4'),
      outlet: 'Interfax, February 4',
      quote:
        'We have offered interaction many times, in particular, on such pressing problems as Afghan drug trafficking and terrorism. Hopefully, the new administration of the Alliance will change this attitude toward NATO-CSTO contacts,',
      data: {
        ...SG,
        summary:
          'Confirmed, in an interview with Vecherny Dushanbe, that the CSTO has no official contact with NATO, and contrasted it with the development of closer ties between the CSTO, the UN and the OSCE on counter-terrorism, drug trafficking and organized crime.',
        topics: ['nato', 'drug-trafficking', 'terrorism'],
      },
    }),
    fact({
      key: 'bordyuzha-afghanistan-critical',
      type: 'StatementMade',
      stream: 'person-nikolai-bordyuzha',
      occurred: before('2010-02-04', 'on or before ITAR-TASS, February 4'),
      outlet: 'ITAR-TASS, February 4',
      quote: 'gravely concerned … extremely critical and explosive and is catastrophically deteriorating',
      data: {
        ...SG,
        summary:
          'Advocates multilateral cooperation with NATO against terrorism and Afghan drug trafficking; the CSTO leaders are gravely concerned over Afghanistan, whose situation he calls extremely critical and deteriorating.',
        topics: ['afghanistan', 'nato'],
      },
    }),
    fact({
      key: 'tashkent-refuses-corf',
      type: 'ForceParticipationDeclined',
      stream: 'country-uzbekistan',
      occurred: before('2010-01-27', 'on or before Interfax, January 27'),
      outlet: 'Interfax, January 27',
      data: { country: 'country-uzbekistan', force: 'force-collective-operational-reaction-forces' },
    }),
    fact({
      key: 'corf-formed',
      type: 'ForceEstablished',
      stream: 'force-collective-operational-reaction-forces',
      occurred: range(
        '2008-12-01',
        '2010-02-08',
        'after the agreement of December 2008; "forming the Collective Operational Reaction Forces"',
      ),
      outlet: 'Interfax, January 27',
      data: {
        force: 'force-collective-operational-reaction-forces',
        wording:
          'what Moscow views as its “successful” activation of the CSTO, ranging from forming the Collective Operational Reaction Forces (CORF)',
      },
    }),
    fact({
      key: 'corf-agreement-signed',
      type: 'AgreementSigned',
      stream: 'agreement-corf',
      occurred: month('2008-12', 'December 2008'),
      outlet: 'Interfax, February 4',
      data: {
        agreement: 'agreement on establishing the CORF',
        parties: ['organization-csto'],
        place: null,
        host: 'country-kazakhstan',
      },
    }),
    fact({
      key: 'informal-summit-december-2008',
      type: 'SummitHeld',
      stream: 'summit-2008-12',
      occurred: month('2008-12', 'December 2008'),
      outlet: 'Interfax, February 4',
      data: {
        summit: 'summit-2008-12',
        place: null,
        host: 'country-kazakhstan',
        informal: true,
        outcomes: ['The agreement on establishing the CORF was signed.'],
      },
    }),
    fact({
      key: 'kazakhstan-ratifies-corf-first',
      type: 'AgreementRatified',
      stream: 'agreement-corf',
      occurred: range('2008-12-01', '2010-02-04', 'by February 4, 2010'),
      outlet: 'Interfax, February 4',
      data: {
        agreement: 'agreement on establishing the CORF',
        country: 'country-kazakhstan',
        by: 'Kazakhstan',
        first: true,
      },
    }),
    fact({
      key: 'kazakhstan-member-2010',
      type: 'MembershipAttested',
      stream: 'country-kazakhstan',
      occurred: before('2010-02-04', 'on or before Interfax, February 4'),
      outlet: 'Interfax, February 4',
      quote: 'the first member country of the organization to ratify it',
      data: { country: 'country-kazakhstan', member: true },
    }),
    fact({
      key: 'bordyuzha-kazakhstan-symbolic',
      type: 'StatementMade',
      stream: 'person-nikolai-bordyuzha',
      occurred: before('2010-02-04', 'on or before Interfax, February 4'),
      outlet: 'Interfax, February 4',
      quote:
        'It is symbolic that Kazakhstan, which initiated and hosted the signing of the agreement at the informal meeting of CSTO presidents in December 2008, was the first member country of the organization to ratify it,',
      data: {
        ...SG,
        summary:
          'Other CSTO members should follow the example of Kazakhstan, the first to ratify the agreement on the CORF.',
        topics: ['corf'],
      },
    }),
    fact({
      key: 'migration-joint-operations',
      type: 'DecisionTaken',
      stream: 'organization-csto',
      occurred: day('2010-01-29', 'January 29'),
      outlet: 'ITAR-TASS, January 29',
      data: {
        body: 'interior ministry officials from the CSTO member states',
        decision:
          'Conduct joint operations later this year targeting illegal migration and human trafficking (Illegal Immigrant 2010).',
        topics: ['migration'],
      },
    }),
    fact({
      key: 'migration-council-formed',
      type: 'BodyEstablished',
      stream: 'body-csto-coordinating-council-on-illegal-migration',
      occurred: month('2007-10', 'October 2007'),
      outlet: 'ITAR-TASS, January 29',
      data: {
        body: 'body-csto-coordinating-council-on-illegal-migration',
        purpose: 'To facilitate and improve the fight against illegal migration and related crimes.',
      },
    }),
    fact({
      key: 'bordyuzha-military-doctrine',
      type: 'StatementMade',
      stream: 'person-nikolai-bordyuzha',
      occurred: day('2010-02-08', 'February 8'),
      outlet: 'ITAR-TASS, February 8',
      quote:
        'The doctrine also envisages Russia’s participation in all components of the CSTO collective security system: the CORF and peacekeeping forces,',
      data: {
        ...SG,
        summary:
          'The new Russian military doctrine underscores the importance Moscow attaches to the CSTO and reaffirms its readiness to aid any CSTO member subjected to a military attack.',
        topics: ['russia', 'military', 'corf'],
      },
    }),
    fact({
      key: 'ragozin-freud',
      type: 'StatementMade',
      stream: 'person-dmitry-ragozin',
      occurred: range(
        '2010-02-05',
        '2010-02-06',
        'after the February 5 announcement; on or before Interfax, February 6',
      ),
      outlet: 'Interfax, February 6',
      quote:
        'It seems to be in line with Freud’s theory –it means they have some thoughts that the system could be targeted against Russia, otherwise why would they dissuade us about something we never asked about?',
      data: {
        speaker: 'person-dmitry-ragozin',
        role: 'russian-ambassador-nato',
        roleText: 'Russian Ambassador',
        summary:
          'Commented on assurances that US interceptors to be hosted by Romania from 2015 posed no threat to Russia.',
        topics: ['missile-defense'],
      },
    }),
    fact({
      key: 'blair-zero-sum',
      type: 'StatementMade',
      stream: 'person-dennis-blair',
      occurred: day('2010-02-02', 'February 2'),
      outlet: null,
      quote:
        'I remain concerned, however, that Russia looks at relations with its neighbors in the former Soviet space –an area characterized by President Medvedev as Russia’s “zone of privileged interests”– largely in zero-sum terms, vis-a-vis the United States, potentially undermining the US-Russian bilateral relationship. Moscow, moreover, has made it clear it expects to be consulted closely on missile defense plans and other European security issues',
      data: {
        speaker: 'person-dennis-blair',
        role: 'us-director-of-national-intelligence',
        roleText: 'Director of National Intelligence',
        summary:
          'Testimony at an open hearing of the US Senate Select Committee on Intelligence on "Current and Projected Threats to the United States".',
        topics: ['russia', 'united-states'],
      },
    }),
    fact({
      key: 'us-reset-policy',
      type: 'DecisionTaken',
      stream: 'country-united-states',
      occurred: year(2009, 'one year before the article of February 2010'),
      outlet: null,
      quote:
        'One year after the “reset” policy was announced by the Obama administration, aimed at improving relations with Russia',
      data: {
        body: 'the Obama administration',
        decision: 'announced a "reset" policy aimed at improving relations with Russia',
        topics: ['russia'],
      },
    }),
    fact({
      key: 'kyrgyz-base-backburner',
      type: 'PlanShelved',
      stream: 'country-russia',
      occurred: before('2010-02-08', 'by the time of the article'),
      outlet: null,
      quote:
        'Moscow’s much hailed effort to open an additional “CSTO” base in southern Kyrgyzstan has been put on the backburner',
      data: {
        actor: 'country-russia',
        plan: 'open an additional "CSTO" base in southern Kyrgyzstan',
      },
    }),
    fact({
      key: 'migration-concept-2012',
      type: 'DecisionTaken',
      stream: 'organization-csto',
      occurred: before('2010-01-29', 'before the January 29 agreement on joint operations'),
      outlet: 'ITAR-TASS, January 29',
      quote: 'the formulation of a concept aimed at tackling illegal migration on a collective basis up to 2012',
      data: {
        body: 'the CSTO',
        decision: 'a concept for tackling illegal migration on a collective basis up to 2012',
        topics: ['migration'],
      },
    }),
    fact({
      key: 'russian-military-doctrine-signed',
      type: 'AgreementSigned',
      stream: 'country-russia',
      occurred: day('2010-02-05', 'three days before February 8'),
      outlet: 'ITAR-TASS, February 8',
      quote: 'the new Russian military doctrine, signed by President Dmitry Medvedev three days earlier',
      data: {
        agreement: 'Russian military doctrine',
        parties: ['country-russia'],
        place: null,
        host: null,
      },
    }),
    fact({
      key: 'romania-to-host-interceptors',
      type: 'IntentionStated',
      stream: 'country-romania',
      occurred: day('2010-02-05', 'the announcement on February 5'),
      outlet: 'Interfax, February 6',
      quote:
        'the announcement on February 5 that Romania will begin hosting US Ballistic Missile Defense interceptors in 2015',
      data: {
        actor: 'country-romania',
        intention: 'begin hosting US Ballistic Missile Defense interceptors in 2015',
        topics: ['missile-defense'],
      },
    }),
  ],
};
