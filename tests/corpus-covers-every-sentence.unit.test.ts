import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTICLES } from '../events/corpus';
import { articleText, opening, seedsPresent, sentences } from './support/seeds';

const seedTest = seedsPresent ? test : test.skip;

/** The rows of the coverage table kept beside an article's corpus file. */
function coverage(key: string): { id: string; opening: string; disposition: string }[] {
  const table = readFileSync(join(__dirname, '..', 'events', 'corpus', `${key}.coverage.md`), 'utf8');
  return table
    .split('\n')
    .map((line) =>
      line
        .split(/(?<!\\)\|/)
        .slice(1, -1)
        .map((c) => c.trim().replace(/\\\|/g, '|')),
    )
    .filter((cells) => /^\d+\.\d+$/.test(cells[0] ?? ''))
    .map(([id, open, disposition]) => ({ id: id!, opening: open!, disposition: disposition! }));
}

const DISPOSITION =
  /^(?:(facts|recorded): ([a-z0-9-]+(?:, [a-z0-9-]+)*)|(title|publication line|caption)|(analysis|opinion): .+)$/;

describe.each(ARTICLES.map((a) => [a.key, a] as const))('%s', (key, article) => {
  seedTest('every sentence of the article has a row, in order, named by its opening words', () => {
    const text = sentences(articleText(article.volume, article.issue));
    expect(coverage(key).map((r) => [r.id, r.opening])).toEqual(text.map((s) => [s.id, opening(s.text)]));
  });

  test('every row has a disposition, and every fact it names is one of the article', () => {
    const keys = new Set(article.facts.map((f) => f.key));
    const rows = coverage(key);
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) {
      const m = DISPOSITION.exec(row.disposition);
      expect({ row: row.id, disposition: row.disposition, valid: m !== null }).toEqual({
        row: row.id,
        disposition: row.disposition,
        valid: true,
      });
      for (const k of m?.[2]?.split(', ') ?? [])
        expect({ row: row.id, fact: k, exists: keys.has(k) }).toEqual({ row: row.id, fact: k, exists: true });
    }
  });

  test('every fact of the article is yielded by some sentence', () => {
    const yielded = new Set(coverage(key).flatMap((r) => /^facts: (.*)$/.exec(r.disposition)?.[1]?.split(', ') ?? []));
    expect(article.facts.map((f) => f.key).filter((k) => !yielded.has(k))).toEqual([]);
  });
});
