import { before, day, range } from '../dates';
import { fact, type Article } from './article';

const published = range('2007-10-10', '2007-12-31', 'not before October 10, 2007');
const OCT_6 = day('2007-10-06', 'October 6');

export const edmV4I191: Article = {
  key: 'edm-v4-i191',
  publication: 'Eurasia Daily Monitor',
  volume: 4,
  issue: 191,
  title: 'CSTO: SAFE CHOICE IN CENTRAL ASIA',
  published,
  datedBy: 'The latest date it cites is October 10. Volume 4 is 2007 (see issue 103 of the same volume).',
  facts: [
    fact({
      key: 'sco-memorandum',
      type: 'AgreementSigned',
      stream: 'agreement-csto-sco-memorandum',
      occurred: OCT_6,
      outlet: 'Avesta, October 9',
      data: {
        agreement: 'memorandum of understanding between the CSTO and the SCO',
        parties: ['organization-csto', 'organization-sco'],
        place: 'Dushanbe',
        host: 'country-tajikistan',
      },
    }),
    fact({
      key: 'osce-relationship',
      type: 'IntentionStated',
      stream: 'organization-csto',
      occurred: day('2007-10-09', 'reported by Avesta, October 9'),
      outlet: 'Avesta, October 9',
      quote:
        'The CSTO will also develop its multilateral relationship with the Organization for Security and Cooperation in Europe (OSCE)',
      data: {
        actor: 'organization-csto',
        intention: 'develop its multilateral relationship with the OSCE',
        topics: ['osce', 'cooperation'],
      },
    }),
    fact({
      key: 'summit-dushanbe',
      type: 'SummitHeld',
      stream: 'summit-2007-10',
      occurred: day('2007-10-06', 'October 6 (the memorandum and the chairmanship handover in Dushanbe)'),
      outlet: 'Tajik TV Channel 1, October 6',
      data: {
        summit: 'summit-2007-10',
        place: 'Dushanbe',
        host: 'country-tajikistan',
        outcomes: ['Memorandum of understanding with the SCO signed.', 'Chairmanship handed to Kyrgyzstan.'],
      },
    }),
    fact({
      key: 'chairmanship-to-kyrgyzstan',
      type: 'ChairmanshipTransferred',
      stream: 'organization-csto',
      occurred: OCT_6,
      outlet: 'Tajik TV Channel 1, October 6',
      data: { country: 'country-kyrgyzstan', place: 'Dushanbe' },
    }),
    fact({
      key: 'bakiyev-chairmanship-vow',
      type: 'StatementMade',
      stream: 'person-kurmanbek-bakiyev',
      occurred: OCT_6,
      outlet: 'Tajik TV Channel 1, October 6',
      quote:
        'During the period of its chairmanship, … Kyrgyzstan will make every effort to increase the effectiveness of the CSTO’s activities and to strengthen regional security for the welfare and prosperity of our countries’ peoples',
      data: {
        speaker: 'person-kurmanbek-bakiyev',
        role: 'president-kyrgyzstan',
        roleText: 'Kyrgyz President',
        summary:
          'Vowed to use his tenure as chairman to make the organization more effective in maintaining Central Asian security.',
        topics: ['chairmanship', 'security'],
      },
    }),
    fact({
      key: 'rahmon-russia-helps',
      type: 'StatementMade',
      stream: 'person-emomali-rahmon',
      occurred: OCT_6,
      outlet: null,
      quote:
        'Russia helps us a lot in strengthening our defense capability. Military and technical cooperation between Tajikistan and Russia is developing well, … You know that Russia’s biggest military base is in Tajikistan. This also means a lot. That is why all these events are very important for us.',
      data: {
        speaker: 'person-emomali-rahmon',
        role: 'president-tajikistan',
        roleText: 'Tajikistan’s President',
        summary: 'Values both the CSTO and bilateral security cooperation with Moscow.',
        topics: ['russia', 'military'],
      },
    }),
    fact({
      key: 'rahmon-award-putin',
      type: 'AwardPresented',
      stream: 'person-emomali-rahmon',
      occurred: OCT_6,
      outlet: null,
      data: {
        by: 'person-emomali-rahmon',
        to: 'person-vladimir-putin',
        award: 'Order of Ismoil Somoni, First Degree',
        place: 'Dushanbe',
      },
    }),
    fact({
      key: 'makarov-nurek',
      type: 'StatementMade',
      stream: 'person-nikolai-makarov',
      occurred: before('2007-10-06', 'on or before Itar-Tass, October 6'),
      outlet: 'Itar-Tass, October 6',
      quote:
        'The center will be upgraded. In the near future considerable resources and funds will be directed here for that purpose,',
      data: {
        speaker: 'person-nikolai-makarov',
        role: 'deputy-defense-minister-russia',
        roleText: 'Russian Deputy Defense Minister',
        summary:
          "Confirmed Moscow's plans to re-equip and enhance the Nurek facility in Tajikistan, the Russian Space Troops' space-surveillance center, which he described as unique, monitoring space 300 days a year for the Russian Ministry of Defense and for civilian purposes such as tracking satellites.",
        topics: ['russia', 'military'],
      },
    }),
    fact({
      key: 'patrushev-british-intelligence',
      type: 'StatementMade',
      stream: 'person-nikolai-patrushev',
      occurred: day('2007-10-10', 'October 10'),
      outlet: 'Argumenty i fakty, Moscow, October 10',
      data: {
        speaker: 'person-nikolai-patrushev',
        role: 'fsb-director',
        roleText: "director of Russia's Security Service (FSB)",
        summary: 'Told Argumenty i fakty that British intelligence is actively seeking to dismember Russia.',
        topics: ['united-kingdom', 'intelligence'],
      },
    }),
    fact({
      key: 'csto-peacekeeping-interest',
      type: 'ProvisionReported',
      stream: 'organization-csto',
      occurred: published,
      outlet: null,
      quote:
        'has recently raised its profile by expanding its traditional emphasis on anti-terrorism to include potential peacekeeping activities within the former Soviet region',
      data: {
        organization: 'organization-csto',
        provision:
          'It has expanded its traditional emphasis on anti-terrorism to include potential peacekeeping activities within the former Soviet region.',
        topics: ['peacekeeping', 'terrorism'],
      },
    }),
    fact({
      key: 'west-trains-kazakh-peacekeepers',
      type: 'RelationsAttested',
      stream: 'relations-kazakhstan-united-states',
      occurred: published,
      outlet: null,
      quote:
        'The United States and many of its allies in NATO are actively assisting in training and developing interoperability with Kazakhstan’s peacekeeping forces.',
      data: {
        parties: ['country-kazakhstan', 'country-united-states'],
        status: 'cooperating',
        wording:
          "The United States and many of its NATO allies are assisting in training and developing interoperability with Kazakhstan's peacekeeping forces, drawn from its airmobile forces based in Kapchagai.",
      },
    }),
    fact({
      key: 'no-uk-russia-counter-terrorism',
      type: 'RelationsAttested',
      stream: 'relations-britain-russia',
      occurred: published,
      outlet: null,
      quote: 'Currently no counter-terrorist cooperation exists between London and Moscow',
      data: {
        parties: ['country-britain', 'country-russia'],
        status: 'none',
        wording:
          "No counter-terrorist cooperation exists between London and Moscow: it broke down after Moscow blocked London's request to extradite Alexander Lugovoi for the murder of ex-spy Alexander Litvinenko.",
      },
    }),
  ],
};
