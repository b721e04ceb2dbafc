import createClient from 'openapi-fetch';
import type { components, paths } from '../openapi/schema';

export type Schemas = components['schemas'];

const client = createClient<paths>({ baseUrl: window.location.origin });

/** The reads every view needs, at one date as known at another (or as known now). */
export interface Snapshot {
  asOf: string;
  knownAt: string | null;
  position: number;
  membership: Schemas['Membership'];
  timeline: Schemas['MembershipTimeline'];
  relations: Schemas['Relations'];
  chairs: { from: string; chair: Schemas['Chairmanship']['chair'] }[];
  summits: Schemas['Summit'][];
  statements: Schemas['Statement'][];
}

/** Fails loudly: the page shows the problem's title instead of drawing a wrong picture. */
function body<T>(result: { data?: T; error?: unknown }): T {
  if (result.data === undefined)
    throw new Error((result.error as { title?: string } | undefined)?.title ?? 'the service did not answer');
  return result.data;
}

/** Every item of a paginated read, following `next` cursors. */
async function allPages<T>(
  page: (cursor: string | undefined) => Promise<{ items: T[]; next?: string | null }>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const p = await page(cursor);
    items.push(...p.items);
    cursor = p.next ?? undefined;
  } while (cursor);
  return items;
}

type Query = { asOf?: string; knownAt?: string };
const timeline = (query: Query & { type?: Schemas['EventType'][] }) =>
  allPages(async (cursor) =>
    body(await client.GET('/v1/timeline', { params: { query: { ...query, limit: 500, cursor } } })),
  );

const CHAIR_EVENTS: Schemas['EventType'][] = ['ChairmanshipAttested', 'ChairmanshipTransferred'];

export const loadSources = async (): Promise<Schemas['Article'][]> =>
  allPages(async (cursor) => body(await client.GET('/v1/sources', { params: { query: { limit: 500, cursor } } })));

/** The whole years the record covers, from the first to the last day any fact may have happened. */
export async function recordSpan(): Promise<{ first: string; last: string }> {
  const items = await timeline({});
  const first = items[0]?.occurred.earliest ?? '1992-01-01';
  const last = items.reduce((max, e) => (e.occurred.latest > max ? e.occurred.latest : max), first);
  return { first: `${first.slice(0, 4)}-01-01`, last: `${last.slice(0, 4)}-12-31` };
}

export async function loadSnapshot(asOf: string, knownAt: string | null): Promise<Snapshot> {
  const known = knownAt ? { knownAt } : {};
  const q = { asOf, ...known };
  const [membership, membershipTimeline, relations, summits, statements, chairEvents] = await Promise.all([
    client.GET('/v1/membership', { params: { query: q } }).then(body),
    client.GET('/v1/membership/timeline', { params: { query: known } }).then(body),
    client.GET('/v1/relations/nato-csto', { params: { query: q } }).then(body),
    allPages(async (cursor) =>
      body(await client.GET('/v1/summits', { params: { query: { ...q, limit: 500, cursor } } })),
    ),
    allPages(async (cursor) =>
      body(await client.GET('/v1/statements', { params: { query: { ...q, limit: 500, cursor } } })),
    ),
    timeline({ ...q, type: CHAIR_EVENTS }),
  ]);
  // The chair over time: whom the chairmanship read model names after each change.
  const chairs = await Promise.all(
    chairEvents.map(async (e) => ({
      from: e.occurred.earliest,
      chair: body(await client.GET('/v1/chairmanship', { params: { query: { ...known, asOf: e.occurred.latest } } }))
        .chair,
    })),
  );
  return {
    asOf,
    knownAt,
    position: membership.position,
    membership,
    timeline: membershipTimeline,
    relations,
    chairs,
    summits,
    statements,
  };
}

// The type is the client's: openapi-fetch reads tuples in the spec (a relation's two parties) as arrays.
export const loadEvent = async (id: string) => body(await client.GET('/v1/events/{id}', { params: { path: { id } } }));

/** How an article is named to a reader. */
export const articleName = (a: Schemas['Article']): string =>
  [a.publication, a.volume && `vol. ${a.volume}`, a.issue && `no. ${a.issue}`, a.title && `“${a.title}”`]
    .filter(Boolean)
    .join(', ');
