import { idempotencyKeyReused } from '../errors';
import type { AppendResult } from './port';

export interface IdempotencyRecord {
  fingerprint: string;
  result: AppendResult;
}

/** The first result again; a key used for a different request is refused. */
export function replay(key: string, record: IdempotencyRecord, fingerprint: string): AppendResult {
  if (record.fingerprint !== fingerprint) {
    throw idempotencyKeyReused(key);
  }
  return { ...record.result, replayed: true };
}
