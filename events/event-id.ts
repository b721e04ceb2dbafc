import { z } from 'zod';

const NIL = '00000000-0000-0000-0000-000000000000';

/**
 * An event id: a UUID, kept lower-case because EventStoreDB stores a Guid and gives it
 * back lower-case (an id compared in another case would never match its stored self),
 * and never the nil UUID, which EventStoreDB refuses.
 */
export const EventId = z
  .uuid()
  .toLowerCase()
  .refine((id) => id !== NIL, 'the nil UUID is not an event id');
