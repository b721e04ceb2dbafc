import { prefixLength } from '../../projections/bisect';
import { invalid } from '../errors';

export interface Page<T> {
  items: T[];
  next: string | null;
}

const DEFAULT_LIMIT = 100;

/** Cursors are opaque to clients: the key of the last item served, base64url-encoded. */
export const encodeCursor = (key: string): string => Buffer.from(JSON.stringify({ k: key })).toString('base64url');

export function decodeCursor(cursor: string): string {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (parsed && typeof parsed === 'object' && typeof (parsed as { k: unknown }).k === 'string')
      return (parsed as { k: string }).k;
  } catch {
    // fall through to the error below
  }
  throw invalid('invalid cursor', [
    { field: 'cursor', message: 'not a cursor this service issued; pass back the `next` of a previous page' },
  ]);
}

/**
 * Keyset pagination over a list ordered by strictly increasing keys: a page starts
 * after the last key served, so items added earlier in the order do not shift pages.
 */
export function paginate<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  cursor: string | undefined,
  limit = DEFAULT_LIMIT,
): Page<T> {
  let start = 0;
  if (cursor !== undefined) {
    const after = decodeCursor(cursor);
    start = prefixLength(items.length, (i) => keyOf(items[i]!) <= after);
  }
  const page = items.slice(start, start + limit);
  const last = page[page.length - 1];
  return { items: page, next: start + limit < items.length && last !== undefined ? encodeCursor(keyOf(last)) : null };
}

/** A page of a log ordered by date then position, read lazily from the cursor on. */
export function pageOfLog<E extends { earliest: string; position: number }>(
  log: {
    page(
      wanted: (e: E) => boolean,
      after: { earliest: string; position: number } | null,
      limit: number,
      until: string,
    ): { items: E[]; more: boolean };
  },
  wanted: (e: E) => boolean,
  asOf: string,
  cursor: string | undefined,
  limit = DEFAULT_LIMIT,
): Page<E> {
  let after = null;
  if (cursor !== undefined) {
    const m = /^(\d{4}-\d{2}-\d{2})\|(\d{1,15})$/.exec(decodeCursor(cursor));
    if (!m)
      throw invalid('invalid cursor', [
        { field: 'cursor', message: 'not a cursor this service issued; pass back the `next` of a previous page' },
      ]);
    after = { earliest: m[1]!, position: Number(m[2]) };
  }
  const { items, more } = log.page(wanted, after, limit, asOf);
  const last = items[items.length - 1];
  return { items, next: more && last ? encodeCursor(`${last.earliest}|${last.position}`) : null };
}
