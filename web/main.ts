import { articleName, loadSnapshot, loadSources, recordSpan, type Schemas, type Snapshot } from './api';
import { drawChart, type Mark } from './chart';
import { dayNumber, isoDay } from './dates';
import { showDetails } from './details';
import { html } from './svg';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const slider = $<HTMLInputElement>('as-of');
const dateInput = $<HTMLInputElement>('as-of-date');
const knownAt = $<HTMLSelectElement>('known-at');
const chart = $<HTMLElement>('chart');
const members = $<HTMLElement>('members');
const summary = $<HTMLElement>('summary');
const details = $<HTMLElement>('details');
const status = $<HTMLElement>('status');

let span = { first: '1992-01-01', last: '2011-12-31' };
let sources = new Map<string, Schemas['Article']>();
let position = 0;
/** Only the latest read may draw: an older one finishing late must not overwrite it. */
let generation = 0;

async function refresh(): Promise<void> {
  const mine = ++generation;
  const asOf = isoDay(Number(slider.value));
  try {
    const snapshot = await loadSnapshot(asOf, knownAt.value || null);
    if (mine !== generation) return;
    position = Math.max(position, snapshot.position);
    chart.replaceChildren(drawChart(snapshot, span, select));
    renderSummary(snapshot);
    document.body.dataset.position = String(snapshot.position);
    document.body.dataset.ready = 'true';
  } catch (e) {
    status.textContent = `Could not read the record: ${(e as Error).message}`;
  }
}

function renderSummary(s: Snapshot): void {
  const listed = s.membership.members;
  members.replaceChildren(
    ...listed.map((m) =>
      html(
        'li',
        { 'data-country': m.country, 'data-status': m.status, class: `status-${m.status}` },
        `${m.country}${qualifiers(m).length ? ` (${qualifiers(m).join(', ')})` : ''}`,
      ),
    ),
    ...s.membership.unknown.map((u) =>
      html(
        'li',
        { 'data-country': u.country, 'data-status': 'unknown', class: 'status-unknown' },
        `${u.country} (unknown: first evidence ${u.firstEvidence})`,
      ),
    ),
  );
  const chair = s.chairs.filter((c) => c.from <= s.asOf).at(-1)?.chair;
  summary.replaceChildren(
    html(
      'p',
      {},
      `Members on ${s.asOf}${s.knownAt ? `, as known on ${s.knownAt}` : ''}: ${listed.filter((m) => m.status === 'member').length}`,
    ),
    html(
      'p',
      {},
      `NATO–CSTO relations: ${s.relations.status}${s.relations.extrapolated ? ` (extrapolated from ${s.relations.lastEvidence})` : ''}`,
    ),
    html('p', {}, `Chair: ${chair?.country ?? 'not reported'}`),
    html('p', {}, `${count(s.summits.length, 'summit')}, ${count(s.statements.length, 'statement')}`),
  );
}

/** What a reader must know about a membership besides the name: possible, implied, carried past its evidence. */
const qualifiers = (m: Snapshot['membership']['members'][number]) =>
  [
    m.status === 'possibly-member' && 'possibly',
    m.basis === 'implied' && 'implied',
    m.extrapolated && `extrapolated from ${m.lastEvidence ?? m.nextEvidence}`,
  ].filter((q): q is string => typeof q === 'string');

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function select(mark: Mark): void {
  details.hidden = false;
  showDetails(details, mark, sources).catch((e: Error) => {
    details.textContent = `Could not load the fact: ${e.message}`;
  });
}

let pending: ReturnType<typeof setTimeout> | undefined;
/** Slider moves and live facts come in bursts; read once they pause (after `first`, if given). */
function refreshSoon(delay = 60, first?: () => Promise<void>): void {
  clearTimeout(pending);
  pending = setTimeout(() => void (first ? first() : Promise.resolve()).then(refresh), delay);
}

function setAsOf(iso: string): void {
  slider.value = String(dayNumber(iso));
  dateInput.value = iso;
}

/** Follows the log: any new fact re-reads every view at the dates chosen. */
function followLog(): void {
  const source = new EventSource(`/v1/events/stream?from=${position}`);
  source.addEventListener('open', () => (status.textContent = 'Live: new facts appear as they are recorded.'));
  source.addEventListener('event', (ev) => {
    position = Math.max(position, Number(ev.lastEventId));
    status.textContent = `Live: updated at position ${position}.`;
    // A burst of facts costs one re-read of the span and the views.
    refreshSoon(150, async () => {
      span = await recordSpan();
      configureSlider(false);
    });
  });
  source.addEventListener('error', () => (status.textContent = 'Reconnecting to the live feed…'));
}

function configureSlider(initial: boolean): void {
  const atEnd = Number(slider.value) >= Number(slider.max);
  slider.min = String(dayNumber(span.first));
  slider.max = String(dayNumber(span.last));
  dateInput.min = span.first;
  dateInput.max = span.last;
  if (initial || atEnd) setAsOf(span.last);
}

async function start(): Promise<void> {
  const [s, list] = await Promise.all([recordSpan(), loadSources()]);
  span = s;
  sources = new Map(list.map((a) => [a.key, a]));
  knownAt.append(
    ...list.map((a) =>
      html('option', { value: a.published.earliest }, `as known when ${articleName(a)} appeared (${a.published.text})`),
    ),
  );
  configureSlider(true);
  slider.addEventListener('input', () => {
    dateInput.value = isoDay(Number(slider.value));
    refreshSoon();
  });
  dateInput.addEventListener('change', () => {
    if (!dateInput.value) return;
    setAsOf(dateInput.value);
    refreshSoon(0);
  });
  knownAt.addEventListener('change', () => refreshSoon(0));
  await refresh();
  followLog();
}

start().catch((e: Error) => {
  status.textContent = `Could not load the record: ${e.message}`;
});
