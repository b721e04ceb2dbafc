import { readdirSync } from 'node:fs';
import { ARTICLES, QUOTE_FRAGMENT_SEPARATOR, corpusEvents } from '../events/corpus';
import { CORPUS_ENTITIES } from '../events/corpus/entities';
import { articleText, SEEDS, seedsPresent } from './support/seeds';

if (!seedsPresent) {
  console.warn(
    `The articles are not at ${SEEDS}: the verbatim-quote checks are skipped. Check out the project beside shared/ to run them.`,
  );
}
const seedTest = seedsPresent ? test : test.skip;

seedTest('each corpus article is one of the seed articles, with the same title', () => {
  expect(readdirSync(SEEDS).filter((f) => f.endsWith('.txt'))).toHaveLength(ARTICLES.length);
  for (const a of ARTICLES) {
    const text = articleText(a.volume, a.issue);
    if (a.title) expect(text).toContain(a.title);
  }
});

seedTest('every quote is verbatim from its article (fragments split by attribution each verbatim)', () => {
  const quoted = corpusEvents().filter((e) => e.source.quote);
  expect(quoted.length).toBeGreaterThan(20);
  for (const e of quoted) {
    const article = ARTICLES.find((a) => a.key === e.source.article)!;
    const text = articleText(article.volume, article.issue);
    for (const fragment of e.source.quote!.split(QUOTE_FRAGMENT_SEPARATOR)) {
      expect({ event: e.id, fragment, verbatim: text.includes(fragment) }).toEqual({
        event: e.id,
        fragment,
        verbatim: true,
      });
    }
  }
});

seedTest('every outlet a fact cites appears in its article', () => {
  for (const e of corpusEvents().filter((x) => x.source.outlet && x.source.outlet !== 'CSTO press release')) {
    const article = ARTICLES.find((a) => a.key === e.source.article)!;
    const text = articleText(article.volume, article.issue);
    expect({
      outlet: e.source.outlet,
      cited: text.includes(`(${e.source.outlet})`) || text.includes(`(${e.source.outlet}`),
    }).toEqual({ outlet: e.source.outlet, cited: true });
  }
});

seedTest('every statement speaker is named in the article it comes from', () => {
  for (const e of corpusEvents()) {
    if (e.type !== 'StatementMade') continue;
    const article = ARTICLES.find((a) => a.key === e.source.article)!;
    const text = articleText(article.volume, article.issue);
    const entity = CORPUS_ENTITIES.find((x) => x.id === e.data.speaker)!;
    const speaker = {
      id: entity.id,
      name: entity.name,
      aliases: [...entity.aliases, ...(entity.later ?? []).map((a) => a.alias)],
    };
    expect({ speaker: speaker.id, named: [speaker.name, ...speaker.aliases].some((n) => text.includes(n)) }).toEqual({
      speaker: speaker.id,
      named: true,
    });
  }
});

/** A name as a word of the text (apostrophes made straight), not part of another word. */
const names = (text: string, name: string) =>
  new RegExp(`(^|[^A-Za-z])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z])`).test(text.replace(/’/g, "'"));

seedTest(
  'every entity is registered from an article that names it, and every alias from an article that uses it',
  () => {
    const textOf = (key: string) => {
      const a = ARTICLES.find((x) => x.key === key)!;
      return articleText(a.volume, a.issue);
    };
    for (const e of CORPUS_ENTITIES) {
      const text = textOf(e.article);
      expect({ id: e.id, named: [e.name, ...e.aliases].some((n) => names(text, n)) }).toEqual({
        id: e.id,
        named: true,
      });
      for (const alias of e.aliases)
        expect({ id: e.id, alias, used: names(text, alias) }).toEqual({ id: e.id, alias, used: true });
      for (const later of e.later ?? [])
        expect({ id: e.id, ...later, used: names(textOf(later.article), later.alias) }).toEqual({
          id: e.id,
          ...later,
          used: true,
        });
    }
  },
);
