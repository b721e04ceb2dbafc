import { createHash, randomUUID } from 'node:crypto';

/** The namespace under which corpus fact ids are derived (a fixed random UUID). */
export const CORPUS_NAMESPACE = '6f1c2a8e-3b7d-4e59-9a41-0c5d2e8f7b13';

/** RFC 9562 UUID version 5: the same name always gives the same id, so re-imports append nothing. */
export function uuidv5(name: string, namespace: string = CORPUS_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

let lastMs = -1;
let counter = 0;
// `prefix`: the first 15 characters of the ids of millisecond `prefixMs`, made once (a timestamp's toString(16) costs 250 ns).
let prefixMs = -1;
let prefix = '';

/**
 * RFC 9562 UUID version 7, for ids the service assigns: a millisecond timestamp, then a
 * 12-bit counter (method 1 of section 6.2), then random bits. Ids made in this process sort in
 * the order they were made, even within a millisecond or if the clock steps back, so each
 * new id lands at the right edge of the store's id index instead of on a random page of it,
 * and a commit writes a few pages of that index rather than one per event.
 */
export function uuidv7(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    // 4096 ids in one millisecond: borrow the next one, as section 6.2 allows.
    lastMs += 1;
    counter = 0;
  }
  if (prefixMs !== lastMs) {
    prefixMs = lastMs;
    const t = lastMs.toString(16).padStart(12, '0');
    prefix = `${t.slice(0, 8)}-${t.slice(8)}-7`;
  }
  // randomUUID's last 62 bits are random and already carry the RFC variant.
  return `${prefix}${counter.toString(16).padStart(3, '0')}${randomUUID().slice(18)}`;
}
