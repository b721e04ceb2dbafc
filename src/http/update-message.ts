import type { components } from '../../openapi/schema';
import type { ProjectionName } from '../../projections/changes';
import type { Update } from '../read/updates-log';

/** The `update` message a subscriber to one read model receives, as the spec's `Update` describes it. */
export function updateMessage(name: ProjectionName, u: Update): components['schemas']['Update'] | null {
  const change = u.changes.find((c) => c.projection === name);
  if (!change) return null;
  const { projection, ...fields } = change;
  return { projection, position: u.position, eventId: u.eventId, type: u.type, ...fields };
}
