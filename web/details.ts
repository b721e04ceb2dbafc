import { articleName, loadEvent, type Schemas } from './api';
import type { Mark } from './chart';
import { html } from './svg';

/** The selected fact: what it says, the quote where the article quotes, and where it comes from. */
export async function showDetails(
  panel: HTMLElement,
  mark: Mark,
  sources: Map<string, Schemas['Article']>,
): Promise<void> {
  panel.replaceChildren(html('p', { class: 'muted' }, 'Loading…'));
  const parts = await render(mark, sources);
  panel.replaceChildren(...parts);
}

async function render(mark: Mark, sources: Map<string, Schemas['Article']>): Promise<Node[]> {
  switch (mark.kind) {
    case 'statement': {
      const st = mark.statement;
      return [
        html('h2', {}, `${st.speaker.name}${st.roleText ? `, ${st.roleText}` : ''}`),
        html('p', { class: 'when' }, st.occurred.text),
        st.quote
          ? html('blockquote', { class: 'quote' }, st.quote)
          : html('p', { class: 'muted' }, 'The article paraphrases:'),
        html('p', {}, st.summary),
        cite(st.source.article, st.source.outlet, sources),
      ];
    }
    case 'summit': {
      const sm = mark.summit;
      return [
        html('h2', {}, `Summit (${sm.status})${sm.place ? ` in ${sm.place}` : ''}${sm.informal ? ', informal' : ''}`),
        html('p', { class: 'when' }, sm.date.text),
        ...sm.outcomes.map((o) => html('p', {}, o)),
        ...(await evidence(
          sm.evidence.map((e) => e.eventId),
          sources,
        )),
      ];
    }
    case 'membership':
      return [
        html('h2', {}, `${mark.country}: ${mark.status.replace('-', ' ')}`),
        html('p', { class: 'when' }, `${mark.from} to ${mark.to ?? 'the date shown'}`),
        ...(await evidence(mark.evidence, sources)),
      ];
    case 'relations':
      return [
        html('h2', {}, `NATO–CSTO relations: ${mark.status}`),
        html('p', { class: 'when' }, `from ${mark.from}`),
        ...(await evidence(mark.evidence, sources)),
      ];
    case 'chair':
      return [
        html('h2', {}, `Chairmanship: ${mark.country}`),
        html('p', { class: 'when' }, `from ${mark.from}`),
        ...(await evidence(mark.evidence, sources)),
      ];
  }
}

/** Each fact behind a mark, with its quote when the article gives one. */
async function evidence(ids: string[], sources: Map<string, Schemas['Article']>): Promise<Node[]> {
  const events = await Promise.all(ids.slice(0, 5).map(loadEvent));
  return events.map((e) =>
    html(
      'section',
      { class: 'evidence' },
      html('h3', {}, `${e.type.replace(/([a-z])([A-Z])/g, '$1 $2')} · ${e.occurred.text}`),
      ...(e.source.quote ? [html('blockquote', { class: 'quote' }, e.source.quote)] : []),
      cite(e.source.article, e.source.outlet, sources),
    ),
  );
}

function cite(article: string, outlet: string | null, sources: Map<string, Schemas['Article']>): HTMLElement {
  const s = sources.get(article);
  const name = s ? `${articleName(s)} (${s.published.text})` : article;
  return html('p', { class: 'source' }, `Source: ${name}${outlet ? `, citing ${outlet}` : ''}`);
}
