import type { RecordedEvent } from '../events/envelope';
import type { NameOf } from './entities';

/** A one-line English summary of an event, for timelines. */
export function describe(e: RecordedEvent, nameOf: NameOf): string {
  const name = (id: string | null) => (id ? nameOf(id) : 'unknown');
  switch (e.type) {
    case 'TreatySigned':
      return `${e.data.treaty} signed${e.data.place ? ` in ${e.data.place}` : ''}`;
    case 'EntityRegistered':
      return `${e.data.name} (${e.data.kind}) named${e.data.aliases.length ? `, also ${e.data.aliases.join(', ')}` : ''}`;
    case 'AliasAdded':
      return `${name(e.data.id)} also named ${e.data.alias}`;
    case 'TreatyRegistered':
      return `${e.data.treaty} registered with the ${name(e.data.registrar)}`;
    case 'OrganizationRegistered':
      return `${name(e.data.subject)} registered with the ${name(e.data.registrar)} as ${e.data.as}`;
    case 'ProvisionReported':
      return `${name(e.data.organization)}: ${e.data.provision}`;
    case 'OrganizationsMerged':
      return `Merger of ${e.data.organizations.map(name).join(' and ')}`;
    case 'DecisionTaken':
      return `${e.data.body} decided: ${e.data.decision}`;
    case 'MemberJoined':
      return `${name(e.data.country)} joined`;
    case 'MembershipSuspended':
      return `${name(e.data.country)} suspended its membership`;
    case 'MembershipRestored':
      return `${name(e.data.country)} returned to membership`;
    case 'MemberWithdrew':
      return `${name(e.data.country)} withdrew`;
    case 'MembershipAttested':
      return `${name(e.data.country)} reported ${e.data.member ? 'a member' : 'not a member'}`;
    case 'ChairmanshipTransferred':
      return `Chairmanship handed to ${name(e.data.country)}${e.data.place ? ` in ${e.data.place}` : ''}`;
    case 'ChairmanshipAttested':
      return `${name(e.data.country)} reported as chair`;
    case 'ChairmanshipPlanned':
      return `${name(e.data.country)} due to chair (${e.data.term.text})`;
    case 'SummitHeld':
      return `${e.data.informal ? 'Informal summit' : 'Summit'} held${e.data.place ? ` in ${e.data.place}` : ''}${e.data.host ? `, hosted by ${name(e.data.host)}` : ''}`;
    case 'SummitPlanned':
      return `Summit planned${e.data.place ? ` in ${e.data.place}` : ''} for ${e.data.plannedFor.text}`;
    case 'StatementMade':
      return `${name(e.data.speaker)}: ${e.data.summary}`;
    case 'CooperationProposed':
      return `${name(e.data.proposer)} proposed cooperation to ${name(e.data.to)}${e.data.onBehalfOf ? ` on behalf of the ${name(e.data.onBehalfOf)}` : ''}`;
    case 'IntentionStated':
      return `${name(e.data.actor)} will ${e.data.intention}`;
    case 'CooperationRejected':
      return `${name(e.data.rejectedBy)} rejected cooperation${e.data.spokesperson ? ` (${name(e.data.spokesperson)})` : ''}`;
    case 'RelationsAttested':
      return `Relations between ${name(e.data.parties[0])} and ${name(e.data.parties[1])}: ${e.data.status}`;
    case 'AgreementSigned':
      return `${e.data.agreement} signed${e.data.place ? ` in ${e.data.place}` : ''}`;
    case 'AgreementInEffect':
      return `${e.data.agreement} in effect for ${name(e.data.country)}${e.data.restoresMembership ? ' (its return to membership)' : ''}`;
    case 'AgreementRatified':
      return `${e.data.agreement} ratified by ${e.data.by}${e.data.first ? ' (first to ratify)' : ''}`;
    case 'ForceEstablished':
      return `${name(e.data.force)} formed`;
    case 'PlanShelved':
      return `${name(e.data.actor)} shelved: ${e.data.plan}`;
    case 'TroopsWithdrawn':
      return `${e.data.troops} of ${name(e.data.of)} left ${name(e.data.from)}`;
    case 'ForcePlanned':
      return `${e.data.force} planned`;
    case 'ForceParticipationDeclined':
      return `${name(e.data.country)} refuses to participate in the ${name(e.data.force)}`;
    case 'BodyEstablished':
      return `${name(e.data.body)} formed`;
    case 'ExerciseHeld':
      return `Exercise in ${e.data.place}: ${e.data.description}`;
    case 'MeetingHeld':
      return `${e.data.body ?? 'Meeting'}${e.data.place ? ` in ${e.data.place}` : ''}: ${e.data.summary}`;
    case 'VisitMade':
      return `${name(e.data.visitor)} visited ${e.data.places.join(' and ')}`;
    case 'AwardPresented':
      return `${name(e.data.by)} presented ${name(e.data.to)} with the ${e.data.award}`;
    case 'SourceRegistered':
      return `Source registered: ${e.data.publication}${e.data.volume !== null ? ` vol. ${e.data.volume}` : ''}${e.data.issue !== null ? ` no. ${e.data.issue}` : ''}${e.data.title ? `, "${e.data.title}"` : ''}`;
    case 'FactRetracted':
      return `Fact ${e.data.eventId} retracted: ${e.data.reason}`;
    case 'FactCorrected':
      return `Fact ${e.data.eventId} corrected by ${e.data.correctedBy}: ${e.data.reason}`;
  }
}
