import { before, day, month, range, year } from '../dates';
import { fact, membersAttested, type Article } from './article';

const MEMBERS_2005 = ['russia', 'belarus', 'kazakhstan', 'kyrgyzstan', 'tajikistan', 'armenia'];
const published = range('2005-11-11', '2005-11-30', 'November 2005, not before November 11');

export const edmV2I213: Article = {
  key: 'edm-v2-i213',
  publication: 'Eurasia Daily Monitor',
  volume: 2,
  issue: 213,
  title: 'COLLECTIVE SECURITY GROUP SEEKS TO ESTABLISH ITS IDENTITY, AVOID MERGERS',
  published,
  datedBy:
    'The latest date it cites is November 11, and it calls the consultations of October "last month", so it appeared in November. Volumes are yearly: volume 4 is 2007 (issue 103 of it speaks of "the second half of this year and the first half of 2008") and volume 7 is 2010, so volume 2 is 2005.',
  facts: [
    ...membersAttested(MEMBERS_2005, published),
    fact({
      key: 'uzbekistan-former-member',
      type: 'MembershipAttested',
      stream: 'country-uzbekistan',
      occurred: published,
      outlet: null,
      data: { country: 'country-uzbekistan', member: false },
    }),
    fact({
      key: 'treaty-launched',
      type: 'TreatySigned',
      stream: 'organization-csto',
      occurred: day('1992-05-15', 'May 15, 1992'),
      outlet: null,
      data: { treaty: 'Collective Security Treaty', place: 'Tashkent' },
    }),
    fact({
      key: 'treaty-registered-un',
      type: 'TreatyRegistered',
      stream: 'organization-csto',
      occurred: day('1995-11-01', 'November 1, 1995'),
      outlet: null,
      quote:
        'The Collective Security Treaty was launched in Tashkent, Uzbekistan, on May 15, 1992, and registered at the United Nations on November 1, 1995.',
      data: { treaty: 'Collective Security Treaty', registrar: 'organization-united-nations' },
    }),
    fact({
      key: 'uzbekistan-halted-membership',
      type: 'MembershipSuspended',
      stream: 'country-uzbekistan',
      occurred: year(1999, 'in 1999'),
      outlet: null,
      data: { country: 'country-uzbekistan', wording: 'halted its membership in the CST' },
    }),
    fact({
      key: 'csto-purpose',
      type: 'ProvisionReported',
      stream: 'organization-csto',
      occurred: published,
      outlet: null,
      quote:
        'Officially, the Collective Security Treaty Organization (CSTO) seeks to ensure the security and territorial integrity of its member states',
      data: {
        organization: 'organization-csto',
        provision: 'Officially, it seeks to ensure the security and territorial integrity of its member states.',
        topics: ['purpose'],
      },
    }),
    fact({
      key: 'csto-rule-mutual-aid',
      type: 'ProvisionReported',
      stream: 'organization-csto',
      occurred: published,
      outlet: null,
      quote:
        'According to the organization’s rules, if there is a threat of aggression against one country, other member state can give help, including military aid.',
      data: {
        organization: 'organization-csto',
        provision:
          'By its rules, if there is a threat of aggression against one member, the other member states can give help, including military aid.',
        topics: ['rules', 'military'],
      },
    }),
    fact({
      key: 'csto-arms-at-domestic-prices',
      type: 'ProvisionReported',
      stream: 'organization-csto',
      occurred: published,
      outlet: null,
      quote: 'The CSTO states are also able to procure Russian-made arms at Russian domestic price.',
      data: {
        organization: 'organization-csto',
        provision: 'Its member states can procure Russian-made arms at Russian domestic prices.',
        topics: ['arms'],
      },
    }),
    fact({
      key: 'eec-caco-merger',
      type: 'OrganizationsMerged',
      stream: 'organization-eec',
      occurred: before('2005-11-11', 'on or before the article (its latest cited date, November 11, 2005)'),
      outlet: null,
      quote:
        'notably in the wake of a merger between the Eurasian Economic Commonwealth (EEC) and the Central Asian Cooperation Organization (CACO)',
      data: {
        organizations: ['organization-eec', 'organization-caco'],
        wording:
          'a merger between the Eurasian Economic Commonwealth (EEC) and the Central Asian Cooperation Organization (CACO), in whose wake Uzbekistan drifted back towards Russian-dominated post-Soviet groupings',
      },
    }),
    fact({
      key: 'treaty-upgrade-decided',
      type: 'DecisionTaken',
      stream: 'organization-csto',
      occurred: day('2003-09-18', 'September 18, 2003'),
      outlet: null,
      data: {
        body: 'heads of member-states',
        decision: 'upgrade the Treaty into a more permanent arrangement',
        topics: ['institutions'],
      },
    }),
    fact({
      key: 'csto-registered-un',
      type: 'OrganizationRegistered',
      stream: 'organization-csto',
      occurred: day('2003-12-26', 'December 26, 2003'),
      outlet: null,
      data: {
        subject: 'organization-csto',
        registrar: 'organization-united-nations',
        as: 'a regional international organization',
      },
    }),
    fact({
      key: 'bordyuzha-no-bases',
      type: 'StatementMade',
      stream: 'person-nikolai-bordyuzha',
      occurred: before('2005-11-11', 'recently; on or before Interfax, November 11'),
      outlet: 'Interfax, November 11',
      quote:
        'Setting up any additional CSTO bases is not on the agenda anyway. The CSTO has no bases of its own, it is Russia that has bases. … As far as I know, Russia has no plans to set up bases in the Central Asian region',
      data: {
        speaker: 'person-nikolai-bordyuzha',
        role: 'csto-secretary-general',
        roleText: 'CSTO Secretary-General',
        summary:
          'The CSTO is not seeking military expansion: additional CSTO bases are not on the agenda, and Russia has no plans for bases in Central Asia.',
        topics: ['bases', 'military'],
      },
    }),
    fact({
      key: 'permanent-council-oct-31',
      type: 'MeetingHeld',
      stream: 'organization-csto',
      occurred: day('2005-10-31', 'October 31'),
      outlet: null,
      data: {
        body: 'CSTO Permanent Council',
        place: 'Moscow',
        participants: ['body-csto-permanent-council'],
        chair: 'person-igor-khalevinsky',
        topics: ['afghanistan', 'military'],
        summary:
          'Convened under the chairmanship of Russian Federation representative Igor Khalevinsky; discussed the working group for Afghanistan under the CSTO Council of Foreign Ministers and the "military component" of the CSTO.',
      },
    }),
    fact({
      key: 'bordyuzha-jekshenkulov-nov-10',
      type: 'MeetingHeld',
      stream: 'organization-csto',
      occurred: day('2005-11-10', 'November 10'),
      outlet: 'CSTO press release',
      quote: 'a full commitment to all CSTO agreements',
      data: {
        body: null,
        place: 'Moscow',
        participants: ['person-nikolai-bordyuzha', 'person-alikbek-jekshenkulov'],
        chair: null,
        topics: ['agreements'],
        summary:
          'Bordyuzha met Kyrgyz Foreign Minister Alikbek Jekshenkulov; both sides reiterated a full commitment to all CSTO agreements.',
      },
    }),
    fact({
      key: 'deputy-ministers-consultations',
      type: 'MeetingHeld',
      stream: 'organization-csto',
      occurred: month('2005-10', 'last month'),
      outlet: null,
      data: {
        body: 'deputy foreign and defense ministers and security council deputy heads of CSTO member-states',
        place: 'Moscow',
        participants: [],
        chair: null,
        topics: ['consultations'],
        summary:
          'The deputy foreign and defense ministers, and security council deputy heads, of CSTO member-states held consultations in Moscow.',
      },
    }),
    fact({
      key: 'karasin-cooperation-no-merger',
      type: 'StatementMade',
      stream: 'person-grigory-karasin',
      occurred: range(
        '2005-10-01',
        '2005-11-07',
        'afterwards, after the consultations of last month (Interfax, November 7)',
      ),
      outlet: 'Interfax, November 7',
      data: {
        speaker: 'person-grigory-karasin',
        role: 'deputy-foreign-minister-russia',
        roleText: 'Russian Deputy Foreign Minister',
        summary:
          'The CSTO seeks a collective security system able to repel outside aggression and face terrorism and organized crime, and hopes to develop security cooperation with the UN, OSCE, SCO, CIS and NATO; he ruled out a merger with the Eurasian Economic Community.',
        topics: ['nato', 'cooperation', 'merger'],
      },
    }),
    fact({
      key: 'bordyuzha-nato-reluctance',
      type: 'StatementMade',
      stream: 'person-nikolai-bordyuzha',
      occurred: before('2005-11-08', 'on or before RIA-Novosti, November 8'),
      outlet: 'RIA-Novosti, November 8',
      quote:
        'Unfortunately, NATO officials are not in any rush to pursue institutional cooperation, preferring bilateral relations with separate CSTO members, … It seems there are forces in the alliance that are doing everything possible to prevent our cooperation',
      data: {
        speaker: 'person-nikolai-bordyuzha',
        role: 'csto-secretary-general',
        roleText: 'Secretary-General',
        summary:
          'NATO is reluctant to cooperate institutionally with the CSTO and prefers bilateral relations with its members.',
        topics: ['nato'],
      },
    }),
    fact({
      key: 'russia-chairs-csto-oct-2005',
      type: 'ChairmanshipAttested',
      stream: 'organization-csto',
      occurred: range('2005-10-01', '2005-10-21', 'last month (RIA-Novosti, October 21)'),
      outlet: 'RIA-Novosti, October 21',
      quote: 'As chairman of the CSTO and by order of the member states',
      data: { country: 'country-russia' },
    }),
    fact({
      key: 'lavrov-dialogue-with-nato',
      type: 'StatementMade',
      stream: 'person-sergei-lavrov',
      occurred: range('2005-10-01', '2005-10-21', 'last month (RIA-Novosti, October 21)'),
      outlet: 'RIA-Novosti, October 21',
      quote:
        'As chairman of the CSTO and by order of the member states, Russia is planning to take steps to develop a dialogue between the organization and NATO.',
      data: {
        speaker: 'person-sergei-lavrov',
        role: 'foreign-minister-russia',
        roleText: 'Russian Foreign Minister',
        summary:
          'The CSTO desires talks with NATO; direct contacts could be effective in fighting terrorism, preventing the proliferation of weapons of mass destruction, and curbing drug-traffic from Afghanistan.',
        topics: ['nato', 'cooperation'],
      },
    }),
    fact({
      key: 'russia-proposes-nato-csto-dialogue',
      type: 'CooperationProposed',
      stream: 'relations-nato-csto',
      occurred: range('2005-10-01', '2005-10-21', 'last month (RIA-Novosti, October 21)'),
      outlet: 'RIA-Novosti, October 21',
      data: {
        proposer: 'country-russia',
        to: 'organization-nato',
        onBehalfOf: 'organization-csto',
        areas: ['terrorism', 'proliferation of weapons of mass destruction', 'drug-traffic from Afghanistan'],
      },
    }),
    fact({
      key: 'simmons-rejects-cooperation',
      type: 'CooperationRejected',
      stream: 'relations-nato-csto',
      occurred: day('2005-10-29', 'October 29'),
      outlet: null,
      data: {
        rejectedBy: 'organization-nato',
        spokesperson: 'person-robert-simmons',
        reason:
          "At a roundtable in Yerevan, Simmons reportedly dismissed Russia's proposal on NATO-CSTO cooperation as unacceptable and suggested that NATO should direct any cooperation with CSTO member states.",
      },
    }),
    fact({
      key: 'secretariat-reply-to-simmons',
      type: 'StatementMade',
      stream: 'body-csto-secretariat',
      occurred: range(
        '2005-10-29',
        '2005-11-03',
        'after Simmons spoke on October 29; on or before Kazinform, Regnum, November 3',
      ),
      outlet: 'Kazinform, Regnum, November 3',
      data: {
        speaker: 'body-csto-secretariat',
        role: 'csto-secretariat',
        roleText: 'CSTO Secretariat',
        summary:
          'The CSTO is a regional international security organization of the same format as NATO and recognized by the UN; like NATO it decides by consensus, so there is no reason to speak about the dominance of one member.',
        topics: ['nato'],
      },
    }),
    fact({
      key: 'bordyuzha-uzbekistan-needed',
      type: 'StatementMade',
      stream: 'person-nikolai-bordyuzha',
      occurred: range('2005-10-01', '2005-10-11', 'last month (Kazinform, October 11)'),
      outlet: 'Kazinform, October 11',
      data: {
        speaker: 'person-nikolai-bordyuzha',
        role: 'csto-secretary-general',
        roleText: 'Secretary-General',
        summary:
          'It would be difficult to create an efficient regional security system in Central Asia without Uzbekistan.',
        topics: ['uzbekistan', 'membership'],
      },
    }),
    fact({
      key: 'bordyuzha-no-eec-merger',
      type: 'StatementMade',
      stream: 'person-nikolai-bordyuzha',
      occurred: before('2005-11-11', 'on or before RIA-Novosti, November 11'),
      outlet: 'RIA-Novosti, November 11',
      quote: 'I do not see a need for the merger,',
      data: {
        speaker: 'person-nikolai-bordyuzha',
        role: 'csto-secretary-general',
        roleText: 'Secretary-General',
        summary:
          'Ruled out a link with the EEC: the CSTO tackles security issues, while the EEC deals with economic problems.',
        topics: ['merger'],
      },
    }),
    fact({
      key: 'rapota-no-eec-military',
      type: 'StatementMade',
      stream: 'person-grigory-rapota',
      occurred: before('2005-11-09', 'on or before Interfax, November 9'),
      outlet: 'Interfax, November 9',
      quote:
        'The military and military-political issues of the EEC are being solved by the CSTO, hence there is no need to create military structures of the EEC',
      data: {
        speaker: 'person-grigory-rapota',
        role: 'eec-head',
        roleText: 'EEC head',
        summary: 'Dismissed speculation that the EEC was about to take up military issues.',
        topics: ['merger', 'military'],
      },
    }),
  ],
};
