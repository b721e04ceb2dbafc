import type { DomainEvent } from '../envelope';
import { articleEvents, type Article } from './article';
import { edmV2I213 } from './edm-v2-i213';
import { edmV4I103 } from './edm-v4-i103';
import { edmV4I191 } from './edm-v4-i191';
import { edmV4I45 } from './edm-v4-i45';
import { edmV7I31 } from './edm-v7-i31';

export { QUOTE_FRAGMENT_SEPARATOR, type Article } from './article';

/** The five articles, oldest first. */
export const ARTICLES: readonly Article[] = [edmV2I213, edmV4I45, edmV4I103, edmV4I191, edmV7I31];

/** Every corpus fact as a domain event, in article order. */
export const corpusEvents = (): DomainEvent[] => ARTICLES.flatMap(articleEvents);
