import { conflict } from '../errors';
import type { AppendResult } from './port';

export interface IdempotencyRecord {
  fingerprint: string;
  result: AppendResult;
}

/** The first result again, or a conflict when the key was used for a different request. */
export function replay(key: string, record: IdempotencyRecord, fingerprint: string): AppendResult {
  if (record.fingerprint !== fingerprint) {
    throw conflict(`idempotency key ${key} was used for a different request`, { idempotency: 'mismatch' });
  }
  return { ...record.result, replayed: true };
}
