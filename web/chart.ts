import type { Schemas, Snapshot } from './api';
import { dayNumber, isoDay, scale, type Scale } from './dates';
import { svg } from './svg';

/** What a click on the chart selects: enough to show the fact, its quote and its source. */
export type Mark =
  | { kind: 'statement'; statement: Schemas['Statement'] }
  | { kind: 'summit'; summit: Schemas['Summit'] }
  | { kind: 'membership'; country: string; status: string; from: string; to: string | null; evidence: string[] }
  | { kind: 'relations'; status: string; from: string; evidence: string[] }
  | { kind: 'chair'; country: string; from: string; evidence: string[] };

const WIDTH = 1100;
const LABEL = 170;
const ROW = 26;
const BAR = 14;
const LANE = 12;

/** Draws the record as it stood on `snapshot.asOf`: nothing after that day is drawn. */
export function drawChart(
  snapshot: Snapshot,
  span: { first: string; last: string },
  onSelect: (m: Mark) => void,
): SVGSVGElement {
  const countries = snapshot.timeline.items;
  const rows = ['NATO–CSTO relations', 'Chairmanship', ...countries.map((c) => c.country), 'Summits', 'Statements'];
  const s = scale(span.first, span.last, LABEL, WIDTH - LABEL - 20);
  const asOf = clampDay(snapshot.asOf, span);
  // Statements on nearby days are stacked in lanes so that each stays clickable.
  const lanes = stack(snapshot.statements.map((st) => s.x(st.occurred.earliest)));
  const height = 40 + rows.length * ROW + Math.max(0, ...lanes) * LANE + 10;
  const root = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${height}`,
    role: 'img',
    'aria-label': `The record as of ${snapshot.asOf}`,
    class: 'chart',
  }) as SVGSVGElement;
  root.append(hatching(), axis(s, height));

  const y = (row: number) => 40 + row * ROW;
  rows.forEach((label, i) => root.append(svg('text', { x: 8, y: y(i) + BAR - 2, class: 'row-label' }, label)));

  const mark = (m: Mark, shape: SVGElement, title: string) => {
    const id = m.kind === 'statement' ? m.statement.id : m.kind === 'summit' ? m.summit.id : null;
    const g = svg(
      'g',
      {
        class: `mark mark-${m.kind}`,
        'data-kind': m.kind,
        'data-id': id,
        tabindex: 0,
        role: 'button',
        'aria-label': title,
      },
      svg('title', {}, title),
      shape,
    );
    g.addEventListener('click', () => onSelect(m));
    g.addEventListener('keydown', (ev) => ev.key === 'Enter' && onSelect(m));
    return g;
  };
  const bar = (row: number, from: string, to: string, cls: string) => {
    const x0 = s.x(from);
    return svg('rect', { x: x0, y: y(row), width: Math.max(3, s.x(to) - x0), height: BAR, class: cls });
  };
  // Where no evidence reaches: a thin line, so that "unknown" is not mistaken for "no".
  const unknownBar = (row: number, from: string, to: string) => {
    const x0 = s.x(from);
    const shape = svg('rect', {
      x: x0,
      y: y(row) + BAR / 2 - 1,
      width: Math.max(0, s.x(to) - x0),
      height: 2,
      class: 'unknown',
    });
    shape.append(svg('title', {}, `unknown from ${from} to ${to}: no evidence reaches these dates`));
    return shape;
  };

  const relations = snapshot.relations.history;
  // Before the first evidence, the relation is unknown: drawn as such, not as "none".
  const firstRelation = relations[0]?.from ?? asOf;
  if (firstRelation > span.first) root.append(unknownBar(0, span.first, minDay(firstRelation, asOf)));
  relations.forEach((h, i) => {
    if (h.from > asOf) return;
    const isLast = i === relations.length - 1 || relations[i + 1]!.from > asOf;
    const to = minDay(relations[i + 1]?.from ?? asOf, asOf);
    // The last status is carried past its evidence when the read model says so.
    const carriedFrom = isLast && snapshot.relations.extrapolated ? snapshot.relations.lastEvidence : null;
    const shape = svg('g', {}, bar(0, h.from, carriedFrom ?? to, `band relations-${h.status}`));
    if (carriedFrom) shape.append(bar(0, carriedFrom, to, `band relations-${h.status} basis-extrapolated`));
    root.append(
      mark(
        { kind: 'relations', status: h.status, from: h.from, evidence: [h.eventId] },
        shape,
        `Relations ${h.status} from ${h.from}${carriedFrom ? `; extrapolated after ${carriedFrom}` : ''}`,
      ),
    );
  });

  snapshot.chairs.forEach((c, i) => {
    if (!c.chair || c.from > asOf) return;
    const to = minDay(snapshot.chairs[i + 1]?.from ?? asOf, asOf);
    const shape = svg(
      'g',
      {},
      bar(1, c.from, to, 'band chair'),
      svg('text', { x: s.x(c.from) + 4, y: y(1) + BAR - 3, class: 'band-label' }, c.chair.country),
    );
    root.append(
      mark(
        { kind: 'chair', country: c.chair.country, from: c.from, evidence: c.chair.evidence.map((e) => e.eventId) },
        shape,
        `${c.chair.country} chairs from ${c.from}`,
      ),
    );
  });

  countries.forEach((c, i) => {
    let covered = span.first;
    for (const iv of c.intervals) {
      if (iv.from > asOf) continue;
      if (iv.from > covered) root.append(unknownBar(i + 2, covered, iv.from));
      const to = minDay(iv.to ?? asOf, asOf);
      covered = to;
      const m: Mark = {
        kind: 'membership',
        country: c.country,
        status: iv.status,
        from: iv.from,
        to: iv.to,
        evidence: iv.evidence,
      };
      root.append(
        mark(
          m,
          bar(i + 2, iv.from, to, `bar status-${iv.status} basis-${iv.basis}`),
          `${c.country}: ${iv.status.replace('-', ' ')} (${iv.basis}) from ${iv.from}${iv.to ? ` to ${iv.to}` : ''}`,
        ),
      );
    }
    if (covered < asOf) root.append(unknownBar(i + 2, covered, asOf));
  });

  const summitsRow = y(rows.length - 2) + BAR / 2;
  for (const summit of snapshot.summits) {
    const x = s.x(summit.date.earliest);
    const shape = svg('path', {
      d: `M${x} ${summitsRow - 7} l7 7 l-7 7 l-7 -7 z`,
      class: `summit summit-${summit.status}`,
    });
    root.append(
      mark(
        { kind: 'summit', summit },
        shape,
        `Summit ${summit.status}: ${summit.place ?? 'place not reported'}, ${summit.date.text}`,
      ),
    );
  }

  const statementsRow = y(rows.length - 1) + 6;
  snapshot.statements.forEach((st, i) => {
    const shape = svg('circle', {
      cx: s.x(st.occurred.earliest),
      cy: statementsRow + (lanes[i] ?? 0) * LANE,
      r: 5,
      class: st.quote ? 'statement quoted' : 'statement',
    });
    root.append(mark({ kind: 'statement', statement: st }, shape, `${st.speaker.name}, ${st.occurred.text}`));
  });

  const x = s.x(asOf);
  const nearRightEdge = x > WIDTH - 90;
  root.append(
    svg('line', { x1: x, x2: x, y1: 24, y2: height - 4, class: 'as-of-line' }),
    svg(
      'text',
      { x: nearRightEdge ? x - 4 : x + 4, y: 34, class: 'as-of-label', 'text-anchor': nearRightEdge ? 'end' : 'start' },
      snapshot.asOf,
    ),
  );
  return root;
}

function axis(s: Scale, height: number): SVGElement {
  const g = svg('g', { class: 'axis' });
  const first = Number(isoDay(s.from).slice(0, 4)) + 1;
  const last = Number(isoDay(s.to).slice(0, 4));
  const step = Math.max(1, Math.ceil((last - first) / 20));
  for (let year = first; year <= last; year += step) {
    const x = s.x(`${year}-01-01`);
    g.append(
      svg('line', { x1: x, x2: x, y1: 22, y2: height, class: 'tick' }),
      svg('text', { x: x + 2, y: 16, class: 'tick-label' }, String(year)),
    );
  }
  return g;
}

function hatching(): SVGElement {
  return svg(
    'defs',
    {},
    svg(
      'pattern',
      { id: 'uncertain', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      svg('rect', { width: 3, height: 6, class: 'hatch' }),
    ),
  );
}

/** The lane of each x: the first one free of any mark within a radius to its left. */
function stack(xs: number[]): number[] {
  const lastInLane: number[] = [];
  return xs.map((x) => {
    let lane = lastInLane.findIndex((last) => x - last >= 11);
    if (lane === -1) lane = lastInLane.length;
    lastInLane[lane] = x;
    return lane;
  });
}

const minDay = (a: string, b: string) => (a < b ? a : b);
const clampDay = (d: string, span: { first: string; last: string }) =>
  dayNumber(d) > dayNumber(span.last) ? span.last : d;
