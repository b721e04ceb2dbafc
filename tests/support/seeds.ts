import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The five articles, read from beside the project (they are never copied into it). */
export const SEEDS = join(__dirname, '..', '..', '..', 'shared', 'seeds');
export const seedsPresent = existsSync(SEEDS);

/** The article text whose "Publication:" line names this volume and issue. */
export function articleText(volume: number, issue: number): string {
  const texts = readdirSync(SEEDS).map((f) => readFileSync(join(SEEDS, f), 'utf8'));
  const matches = texts.filter((t) => new RegExp(`Volume: ${volume} Issue: ${issue}\\b`).test(t));
  if (matches.length !== 1) throw new Error(`expected one article of volume ${volume} issue ${issue}`);
  return matches[0]!;
}

/**
 * The article as paragraphs of sentences: paragraphs are separated by blank lines,
 * sentences end at . ! or ? (with any closing quote or bracket) before a capital or an
 * opening quote. Sentence `p.s` is the s-th sentence of the p-th paragraph, from 1.
 */
export function sentences(text: string): { id: string; text: string }[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .flatMap((p, pi) =>
      p.split(/(?<=[.!?][”"’)]*)\s+(?=[“"(A-Z])/).map((s, si) => ({ id: `${pi + 1}.${si + 1}`, text: s })),
    );
}

/** How a coverage table names a sentence: its first four words. */
export const opening = (sentence: string) => sentence.split(' ').slice(0, 4).join(' ');
