import { chairmanship } from './chairmanship';
import { entities } from './entities';
import { membership } from './membership';
import type { Projection } from './projection';
import { relations } from './relations';
import { sources } from './sources';
import { statements } from './statements';
import { summits } from './summits';
import { timeline } from './timeline';

/** Every read model, folded together in log order (see src/engine). */
export const PROJECTIONS = {
  entities,
  membership,
  relations,
  chairmanship,
  summits,
  statements,
  timeline,
  sources,
} as const;

export type ReadModels = {
  [K in keyof typeof PROJECTIONS]: (typeof PROJECTIONS)[K] extends Projection<infer S> ? S : never;
};

export function initReadModels(): ReadModels {
  return Object.fromEntries(Object.entries(PROJECTIONS).map(([k, p]) => [k, p.init()])) as ReadModels;
}
