import type { RecordedEvent } from '../../events/envelope';
import type { ReadAllOptions } from './port';

export const matchesFilter = (e: RecordedEvent, o: Pick<ReadAllOptions, 'types' | 'streams'>): boolean =>
  (!o.types?.length || o.types.includes(e.type)) && (!o.streams?.length || o.streams.includes(e.stream));
