/// <reference lib="dom" />
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { spawnService } from './support/service-process';

const TOKEN = 'page-writer-0123456789';
const ROOT = join(__dirname, '..');
/** Screenshots are test artifacts; with UPDATE_SCREENSHOTS=1 the ones the README shows (in docs/) are replaced too. */
const ARTIFACTS = join(ROOT, 'artifacts');

let dir: string;
let service: Awaited<ReturnType<typeof spawnService>>;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'csto-page-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  [service, browser] = await Promise.all([
    spawnService({ SQLITE_PATH: join(dir, 'events.db'), API_TOKENS: `pages:${TOKEN}` }),
    launchBrowser(),
  ]);
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // Any script error or blocked resource (a CSP violation, an asset from elsewhere) fails the suite.
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on(
    'request',
    (r) => !r.url().startsWith(service.url) && !r.url().startsWith('data:') && problems.push(`request to ${r.url()}`),
  );
  await page.goto(`${service.url}/`);
  await page.waitForSelector('body[data-ready="true"]');
}, 60_000);

afterAll(async () => {
  await browser?.close();
  service?.child.kill('SIGTERM');
  await service?.exited;
  rmSync(dir, { recursive: true, force: true });
});

/** Moves the slider as a user's drag does: a new value, then an input event. */
async function slideTo(date: string): Promise<void> {
  const day = Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
  await page.locator('#as-of').evaluate((el: HTMLInputElement, v) => {
    el.value = v;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, String(day));
  await page.waitForFunction((d) => document.querySelector('.as-of-label')?.textContent === d, date);
}

const shownMembers = () =>
  page
    .locator('#members li[data-status="member"]')
    .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-country')));

async function screenshot(name: string, { inReadme = false } = {}): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, name), fullPage: true });
  if (inReadme && process.env.UPDATE_SCREENSHOTS === '1')
    await page.screenshot({ path: join(ROOT, 'docs', name), fullPage: true });
}

test('the slider re-reads membership: six members on 2005-11-15, Uzbekistan back by 2007-06-01', async () => {
  await slideTo('2005-11-15');
  expect(await shownMembers()).toEqual(['Armenia', 'Belarus', 'Kazakhstan', 'Kyrgyzstan', 'Russia', 'Tajikistan']);
  await screenshot('timeline-2005-11-15.png', { inReadme: true });

  await slideTo('2007-06-01');
  expect(await shownMembers()).toEqual([
    'Armenia',
    'Belarus',
    'Kazakhstan',
    'Kyrgyzstan',
    'Russia',
    'Tajikistan',
    'Uzbekistan',
  ]);
  await screenshot('timeline-2007-06-01.png', { inReadme: true });
});

test('the marks on the axis are the read models as of the date: nothing later is drawn', async () => {
  await slideTo('2007-06-01');
  const statements = await (await fetch(`${service.url}/v1/statements?asOf=2007-06-01&limit=500`)).json();
  expect(await page.locator('.mark-statement').count()).toBe(statements.items.length);
  const drawn = await page.locator('.mark-statement').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-id')));
  expect(drawn.sort()).toEqual(statements.items.map((s: { id: string }) => s.id).sort());
});

test('clicking a statement shows its quote and its source', async () => {
  const res = await (await fetch(`${service.url}/v1/statements?speaker=Lavrov&limit=500`)).json();
  const quoted = res.items.find((s: { quote: string | null }) => s.quote);
  await slideTo('2007-06-01');
  await page.locator(`.mark-statement[data-id="${quoted.id}"]`).click();
  await expect(page.locator('#details .quote').first().textContent()).resolves.toBe(quoted.quote);
  await expect(page.locator('#details .source').first().textContent()).resolves.toContain('Eurasia Daily Monitor');
});

test('the legend has a key for every colour the chart draws: known, implied, extrapolated, unknown and relations', async () => {
  await slideTo('2010-06-01');
  const drawn = await page
    .locator('svg.chart rect, svg.chart path, svg.chart circle')
    .evaluateAll((els) =>
      els.flatMap((el) =>
        Array.from(el.classList).filter((c) =>
          /^(status|basis|relations|summit)-|^(unknown|chair|statement|quoted)$/.test(c),
        ),
      ),
    );
  const keyed = await page
    .locator('.legend .key')
    .evaluateAll((els) => els.flatMap((el) => Array.from(el.classList).filter((c) => c !== 'key')));
  const used = [...new Set(drawn)].sort();
  // Each of these is on the chart as of 2010 from the corpus: Uzbekistan's implied years, the extrapolated tails, 1990s unknowns.
  expect(used).toEqual(expect.arrayContaining(['basis-implied', 'basis-extrapolated', 'unknown', 'relations-none']));
  expect(used.filter((c) => !keyed.includes(c))).toEqual([]);
});

test('"known at" shows the record as it stood when an article appeared', async () => {
  await slideTo('2007-06-01');
  // Before the articles of 2007 appeared, only the 2005 article spoke of Uzbekistan: not yet back.
  await page.locator('#known-at').selectOption({ index: 1 });
  await page.waitForFunction(() => !document.querySelector('#members li[data-country="Uzbekistan"]'));
  expect(await shownMembers()).not.toContain('Uzbekistan');
  await page.locator('#known-at').selectOption('');
  await page.waitForSelector('#members li[data-country="Uzbekistan"]');
});

test('a fact appended through the API appears without a reload', async () => {
  const end = await page.locator('#as-of').getAttribute('max');
  await slideTo(new Date(Number(end) * 86_400_000).toISOString().slice(0, 10));
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  const res = await fetch(`${service.url}/v1/streams/person-nikolai-bordyuzha/events`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      type: 'StatementMade',
      occurred: '2010-02-04',
      data: {
        speaker: 'person-nikolai-bordyuzha',
        role: 'csto-secretary-general',
        roleText: 'Secretary-General',
        summary: 'A statement recorded by the browser test.',
        topics: ['test'],
      },
      source: { article: 'edm-v7-i31', outlet: 'Interfax, February 4' },
    }),
  });
  expect(res.status).toBe(201);
  const { events } = await res.json();
  await page.waitForSelector(`.mark-statement[data-id="${events[0].id}"]`, { timeout: 10_000 });
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  await screenshot('timeline-live.png');
});

test('the page loads nothing from elsewhere and logs no error', () => {
  expect(problems).toEqual([]);
});

test('/docs renders every operation of the spec with its example, from local assets only', async () => {
  const docs = await browser.newPage();
  const seen: string[] = [];
  docs.on('pageerror', (e) => seen.push(e.message));
  docs.on('console', (m) => m.type() === 'error' && seen.push(m.text()));
  docs.on(
    'request',
    (r) => !r.url().startsWith(service.url) && !r.url().startsWith('data:') && seen.push(`request to ${r.url()}`),
  );
  await docs.goto(`${service.url}/docs`);
  const spec = await (await fetch(`${service.url}/openapi.json`)).json();
  const operations = Object.values(spec.paths as Record<string, object>).flatMap((ops) => Object.keys(ops)).length;
  await docs.waitForFunction((n) => document.querySelectorAll('.opblock').length === n, operations, {
    timeout: 15_000,
  });
  // Opening an operation shows the example response from the spec.
  await docs.locator('#operations-read_models-getMembership .opblock-summary-control').click();
  await expect(
    docs.locator('#operations-read_models-getMembership .response .microlight').first().textContent(),
  ).resolves.toContain('"members"');
  expect(seen).toEqual([]);
  await docs.close();
});
