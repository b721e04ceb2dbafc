import { createHash } from 'node:crypto';

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
