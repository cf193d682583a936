// The web UI end to end: a real server over an ingested seed, driven in headless Chromium the way a user
// drives it (typing, Enter, mouse clicks on the drawn graph, tabs, file upload). Screenshots go to
// test/artifacts/ (git-ignored) for a person to look at.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type * as Axe from 'axe-core';
import type { EdgeSingular } from 'cytoscape';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb } from '../../web/build.ts';
import type { GraphView } from '../../web/src/graph-view.ts';
import { loadConfig } from '../../src/config.ts';
import { ingestPaths } from '../../src/ingest/pipeline.ts';
import { createApp } from '../../src/server/app.ts';
import { openServices, type Services } from '../../src/services.ts';
import { ROOT, tempDataDir } from './cli-helpers.ts';
import { SMALL_REPORT } from './http-fixtures.ts';

/** The small report with the meeting line and speaker reports open with. */
const DATED_REPORT = SMALL_REPORT.replace('\n\n一、', '\n——2019年1月8日在某县第十七届人民代表大会第三次会议上\n县长 王晓明\n\n一、');
import { CHROMIUM_ARGS, chromiumExecutable } from '../helpers/browser.ts';
import { expectDefined } from '../helpers/expect-defined.ts';
import { sharedPath } from '../helpers/shared.ts';
import { listening } from './listen.ts';

const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');
/** The target journey's question: answered from the first screen with Hangzhou's own 2018 target and result. */
const GDP_QUESTION = '杭州2018年地区生产总值增长目标是多少，实际完成多少？';

const SCREENS = join(ROOT, 'test/artifacts');

/** The page's window as the app leaves it for tests (main.ts), with axe-core once a test has injected it. */
type PageWindow = Window & { policyGraph: GraphView; axe: typeof Axe };

let services: Services;
let server: Server;
let context: BrowserContext;
let userDataDir = '';
let page: Page;
let base = '';
const pageErrors: string[] = [];

beforeAll(async () => {
  await buildWeb();
  services = await openServices(loadConfig({ data: tempDataDir(), graph: 'embedded' }, {}));
  await ingestPaths(
    [join(ROOT, 'seeds'), sharedPath('corpus', 'sample', 'hangzhou-2018.md'), sharedPath('corpus', 'sample', 'hangzhou-2019.md')],
    services,
  );
  ({ server, base } = await listening(createApp(services).listen(0, '127.0.0.1')));
  mkdirSync(SCREENS, { recursive: true });
  // A persistent context is how playwright takes a fresh user-data dir of our own.
  userDataDir = mkdtempSync(join(tmpdir(), 'policy-graph-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: await chromiumExecutable(),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
    locale: 'zh-CN',
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(base);
});

afterAll(async () => {
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  // A setup that failed before listening leaves no server to wait for (the hook would hang until its timeout).
  if (server) await new Promise((resolve) => server.close(resolve));
  await services?.close();
});

const shot = (name: string) => page.screenshot({ path: join(SCREENS, `${name}.png`) });

/** Ids of the graph's nodes with this name, as drawn by Cytoscape. */
const nodeIds = (name: string) =>
  page.evaluate((wanted) => {
    const view = (window as unknown as PageWindow).policyGraph;
    return view.cy
      .nodes()
      .filter((n) => n.data('node').name === wanted)
      .map((n) => n.id()) as string[];
  }, name);

const nodeCount = async () => Number((await page.locator('#graph-count').textContent())?.match(/^(\d+) nodes?/)?.[1] ?? NaN);

const viewSettled = () =>
  expect.poll(() => page.evaluate(() => (window as unknown as PageWindow).policyGraph.cy.animated() as boolean)).toBe(false);

/** Clicks where the graph draws a node, like a user would, once the view has stopped moving. */
async function clickNode(id: string, options: { double?: boolean } = {}): Promise<void> {
  await viewSettled();
  const at = expectDefined(
    await page.evaluate((nodeId) => (window as unknown as PageWindow).policyGraph.renderedCentre(nodeId), id),
    `node ${id} is drawn`,
  );
  if (options.double) await page.mouse.dblclick(at.x, at.y);
  else await page.mouse.click(at.x, at.y);
}

/** A point on a straight edge that no node covers and no other edge passes near, or null. */
async function freeEdgePoint(id: string): Promise<{ x: number; y: number } | null> {
  await viewSettled();
  return page.evaluate((edgeId) => {
    type Point = { x: number; y: number };
    const cy = (window as unknown as PageWindow).policyGraph.cy;
    const ends = (e: EdgeSingular): [Point, Point] => [e.source().renderedPosition(), e.target().renderedPosition()];
    const distance = (p: Point, [a, b]: [Point, Point]) => {
      const length2 = (b.x - a.x) ** 2 + (b.y - a.y) ** 2;
      const t = Math.max(0, Math.min(1, ((p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y)) / (length2 || 1)));
      return Math.hypot(p.x - (a.x + t * (b.x - a.x)), p.y - (a.y + t * (b.y - a.y)));
    };
    const edge = cy.getElementById(edgeId);
    const [a, b] = ends(edge);
    const others = cy
      .edges(':visible')
      .filter((e) => e.id() !== edgeId)
      .map(ends);
    const frame = cy.container()?.getBoundingClientRect();
    if (!frame) return null;
    for (let t = 0.15; t <= 0.85; t += 0.025) {
      const p = { x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) };
      const covered = cy.nodes(':visible').some((n) => {
        const box = n.renderedBoundingBox({ includeLabels: false });
        return p.x >= box.x1 - 4 && p.x <= box.x2 + 4 && p.y >= box.y1 - 4 && p.y <= box.y2 + 4;
      });
      if (!covered && others.every((segment: [Point, Point]) => distance(p, segment) > 8))
        return { x: frame.left + p.x, y: frame.top + p.y };
    }
    return null;
  }, id);
}

async function ask(question: string): Promise<void> {
  await openView('ask');
  const input = page.locator('#question');
  await input.fill(question);
  // The status line says "Searching…" from the submit until the new answer and its graph are shown.
  await Promise.all([page.waitForResponse((r) => r.url().includes('/api/ask?')), input.press('Enter')]);
  await expect.poll(() => page.locator('#status').textContent()).toMatch(/tasks?, \d+ passages? in|个任务，\d+ 个段落/);
  expect(await page.locator('.direct-answer').count()).toBe(1);
}

/** Serious and critical accessibility violations axe-core finds on the page as it is now. */
async function axeViolations(): Promise<string[]> {
  // Evaluated through the debugging protocol: the page's Content-Security-Policy rightly refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE, 'utf8'));
  const results = await page.evaluate(() => (window as unknown as PageWindow).axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}

/** Interface keys (kind.related, verdict.novel …) left untranslated on screen. */
const rawKeys = async () =>
  (await visibleText('body')).match(
    /\b(kind|verdict|check|ask|claim|type|edge|intent|retriever|reader|indicators|explore)\.[a-zA-Z_]+\b/g,
  ) ?? [];

/** The text a user sees in an element: innerText, which leaves out hidden views; textContent would not. */
// biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what these checks are about.
const visibleText = (selector: string) => page.locator(selector).innerText();

const inViewport = (selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const box = element.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    });

async function openView(view: string): Promise<void> {
  await page.locator(`#tab-${view}`).click();
  await expect.poll(() => page.locator(`#view-${view}`).isVisible()).toBe(true);
}

const taskNumbers = async () =>
  await page.locator('.tasks li').evaluateAll((items) => items.map((li) => Number(li.getAttribute('data-task-number'))));

describe('web UI', () => {
  it('starts in Chinese under a zh-CN browser and answers the GDP question on the first screen, in Chinese', async () => {
    expect(await page.locator('#tab-ask').textContent()).toBe('提问');
    await ask(GDP_QUESTION);
    const answer = await page.locator('.answer-text').textContent();
    // The direct answer states both figures asked for, each with its report: the 2018 target and the result the
    // 2019 report gives for 2018.
    expect(answer).toMatch(/杭州市.*2018年.*地区生产总值目标增长7\.5%左右/);
    expect(answer).toMatch(/杭州市2019年.*2018年地区生产总值增长7%左右/);
    // No English summary, no internal terms, no raw scores on the first screen.
    const firstScreen = await visibleText('#view-ask');
    expect(firstScreen).not.toMatch(/Found|task\(s\)|tasks_touching_entity|indicator_value|\d\.\d{4,}/);
    expect(await page.locator('.retriever').first().isVisible()).toBe(false);
    expect(await page.locator('.report-group h3').allTextContents()).toEqual(expect.arrayContaining(['杭州市 2018年', '杭州市 2019年']));
    expect(await page.locator('.citation').allTextContents()).toEqual(expect.arrayContaining(['出自杭州市 2018年', '出自杭州市 2019年']));
    expect(await axeViolations()).toEqual([]);
    await shot('01-ask-answer-first');
    await page.setViewportSize({ width: 800, height: 900 });
    await shot('01-ask-answer-first-800');
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it('opens each cited paragraph in the report reader, scrolled to and highlighted; Back returns to the answer', async () => {
    const cited: string[] = [];
    for (const report of ['杭州市 2018年', '杭州市 2019年']) {
      await page.locator('.citation', { hasText: report }).click();
      await expect.poll(() => page.locator('#view-reader').isVisible()).toBe(true);
      await expect.poll(() => page.locator('#report-name').textContent()).toBe(report);
      const paragraph = page.locator('.reader-paragraph.cited');
      await expect.poll(() => paragraph.count()).toBe(1);
      expect(await paragraph.textContent()).toContain('地区生产总值');
      await expect.poll(() => inViewport('.reader-paragraph.cited')).toBe(true);
      expect(await paragraph.locator('mark.entity').count()).toBeGreaterThan(0);
      expect(await page.locator('.outline li').count()).toBeGreaterThan(5);
      expect(page.url()).toMatch(/[?&]doc=.+&p=par_/);
      expect(await visibleText('#view-reader')).not.toMatch(/\.md\b|\/shared\/|[0-9a-f]{24}/);
      cited.push(String(await paragraph.getAttribute('data-paragraph-id')));
      await shot(`02-reader-${report.slice(-5, -1)}`);
      await page.goBack();
      await expect.poll(() => page.locator('#view-ask').isVisible()).toBe(true);
      expect(await page.locator('.answer-text').textContent()).toContain('杭州市2018年');
    }
    expect(new Set(cited).size).toBe(2);
    await page.goForward();
    await expect.poll(() => page.locator('.reader-paragraph.cited').count()).toBe(1);
    expect(await axeViolations()).toEqual([]);
    await page.setViewportSize({ width: 800, height: 900 });
    await shot('02-reader-800');
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it("charts Hangzhou's GDP alone on a time axis from the reader, units converted and targets apart", async () => {
    await page.locator('.paragraph-tools .chart-link', { hasText: '地区生产总值' }).first().click();
    await expect.poll(() => page.locator('#view-indicators').isVisible()).toBe(true);
    await expect.poll(() => page.locator('#indicator-chart h2').textContent()).toBe('地区生产总值 · 杭州市');
    expect(await page.locator('#indicator-place').inputValue()).toBe('杭州市');
    const places = await page
      .locator('svg.timeline .point')
      .evaluateAll((points) => [...new Set(points.map((p) => p.getAttribute('data-place')))]);
    expect(places).toEqual(['杭州市']);
    // Years on the axis in order; 1.35万亿元 drawn in 亿元 beside 12556亿元.
    const years = (await page.locator('svg.timeline').last().locator('.year').allTextContents()).map(Number);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    const levels = page.locator('svg.timeline').last();
    expect(await levels.getAttribute('aria-label')).toBe('地区生产总值 (亿元)');
    expect(await levels.locator('.point[data-period="2018"] title').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('1.35万亿元')]),
    );
    expect(await page.locator('svg.timeline .point-actual').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('svg.timeline .point-growth_target').count()).toBeGreaterThan(0);
    expect(
      (await page.locator('svg.timeline .series-target').count()) + (await page.locator('svg.timeline .series-actual').count()),
    ).toBeGreaterThan(1);
    expect(page.url()).toMatch(/indicator=.+&place=/);
    expect(await axeViolations()).toEqual([]);
    await shot('03-indicator-hangzhou');
    // An English name finds the indicator.
    await page.locator('#indicator-filter').fill('GDP');
    await expect.poll(() => page.locator('.indicator-choice').first().textContent()).toBe('地区生产总值');
  });

  it('catches a reversal in Check: 暂缓建设杭州西站枢纽 conflicts with 开工建设铁路杭州西站, evidence labelled, draft sticky', async () => {
    await openView('check');
    await page.locator('#draft').fill(`${'2019年，暂缓建设杭州西站枢纽。今年全市地区生产总值增长6%。'}\n${'其他工作。\n'.repeat(40)}`);
    await page.locator('#check-submit').click();
    await expect.poll(() => page.locator('.claim-card').count()).toBeGreaterThan(0);
    const station = page.locator('.claim-card', { hasText: '杭州西站枢纽' });
    expect(await station.locator('.verdict-badge').textContent()).toBe('冲突');
    expect(await station.locator('.role').first().textContent()).toBe('以往承诺');
    expect(await station.locator('blockquote').first().textContent()).toContain('杭州西站');
    expect(await page.locator('.check-draft').evaluate((e) => getComputedStyle(e).position)).toBe('sticky');
    expect(await rawKeys()).toEqual([]);
    expect(await axeViolations()).toEqual([]);
    await shot('04-check-reversal');
  });

  it('switches to English: every label, reason and the answer follow; status messages are cleared', async () => {
    expect(await page.locator('#status').textContent()).not.toBe('');
    await page.locator('#language').click();
    expect(await page.locator('#status').textContent()).toBe('');
    expect(await page.locator('#tab-check').textContent()).toBe('Check');
    expect(await page.locator('.claim-card', { hasText: '杭州西站枢纽' }).locator('.claim-reason').textContent()).toMatch(
      /^The draft says “暂缓”/,
    );
    expect(await rawKeys()).toEqual([]);
    await openView('ask');
    expect(await page.locator('.answer-text').textContent()).toMatch(/target growth about 7\.5%/);
    expect(await rawKeys()).toEqual([]);
  });

  it('answers the Caoejiang question with tasks 8 and 27, cited and highlighted', async () => {
    expect(await page.locator('#view-ask').isVisible()).toBe(true);
    expect(await page.locator('#tab-ask').getAttribute('aria-selected')).toBe('true');
    await ask('哪些任务涉及曹娥江？');
    expect(await taskNumbers()).toEqual(expect.arrayContaining([8, 27]));
    await expect.poll(() => page.locator('.report-group h3').first().textContent()).toBe('上虞区 2017');
    expect(await page.locator('.passage').first().locator('.retriever').count()).toBeGreaterThan(0);
    expect(await page.locator('.passage mark', { hasText: '曹娥江' }).count()).toBeGreaterThan(0);
    expect(await page.locator('.chips .chip', { hasText: '曹娥江' }).count()).toBe(1);
    const health = (await (await fetch(`${base}/api/health`)).json()) as { model: { semanticSearch: string } };
    expect(await page.locator('.notice').count()).toBe(health.model.semanticSearch === 'off' ? 1 : 0);
    // The answer's graph is drawn in Explore already.
    expect(await nodeIds('曹娥江')).toHaveLength(1);
    expect(await nodeIds('8. 推动文旅融合')).toHaveLength(1);
    await shot('01-ask-caoejiang');
  });

  it('marks whole names for an English question, never single characters such as 河 or 江', async () => {
    await ask('Which tasks involve the Caoejiang River?');
    const marked = await page.locator('.passage mark').allTextContents();
    expect(marked).toContain('曹娥江');
    expect(marked.filter((text) => text.length < 2)).toEqual([]);
    await page.goBack(); // the Caoejiang answer again, from the URL
    await expect.poll(() => page.locator('#question').inputValue()).toBe('哪些任务涉及曹娥江？');
  });

  it('shows an entity from its chip in the graph, with its mentions highlighted in the panel', async () => {
    await page.locator('.chips .chip', { hasText: '曹娥江' }).click();
    await expect.poll(() => page.locator('#view-explore').isVisible()).toBe(true);
    await expect.poll(() => page.locator('.details h2').textContent()).toBe('曹娥江');
    await expect.poll(() => page.locator('.details .source mark').count()).toBeGreaterThan(0);
    expect(await page.locator('.details .source mark').first().textContent()).toBe('曹娥江');
    await shot('02-explore-entity');
  });

  it('expands 曹娥江 and shows its neighbours; double-click expands another', async () => {
    await page.getByRole('button', { name: 'Expand neighbourhood' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/^Expanded 曹娥江/);
    // Every neighbour the API knows is drawn and linked to the river (the answer may have drawn some already).
    const river = expectDefined((await nodeIds('曹娥江'))[0], 'the river drawn');
    const known = ((await (await fetch(`${base}/api/graph/neighborhood?id=${river}`)).json()) as { nodes: Array<{ id: string }> }).nodes
      .map((n) => n.id)
      .filter((id) => id !== river);
    const drawn = await page.evaluate(
      (id) =>
        (window as unknown as PageWindow).policyGraph.cy
          .getElementById(id)
          .neighborhood('node')
          .map((n) => n.id()) as string[],
      river,
    );
    expect(known.length).toBeGreaterThanOrEqual(8);
    expect(drawn).toEqual(expect.arrayContaining(known));
    expect(await page.locator('#graph-cap').isVisible()).toBe(false);
    const afterButton = await nodeCount();
    const [task] = await nodeIds('27. 实施城中村改造三年行动计划');
    await clickNode(expectDefined(task), { double: true });
    await expect.poll(nodeCount).toBeGreaterThan(afterButton);
    await shot('03-expanded');
  });

  it('folds paragraphs by default and unfolds them with the legend checkboxes', async () => {
    const visibleParagraphs = () =>
      page.evaluate(
        () => (window as unknown as PageWindow).policyGraph.cy.nodes('[label = "Paragraph"]').filter((n) => n.visible()).length as number,
      );
    // Paragraphs are folded into their report and section until unfolded.
    expect(await visibleParagraphs()).toBe(0);
    expect(await page.locator('#graph-count').textContent()).toMatch(/hidden/);
    await page.getByLabel('Paragraph 段落').check();
    await expect.poll(visibleParagraphs).toBeGreaterThan(0);
    await page.getByLabel('Paragraph 段落').uncheck();
    await expect.poll(visibleParagraphs).toBe(0);
  });

  it('finds an entity by pinyin and a path between two picked entities', async () => {
    const search = page.getByLabel('Find entity');
    await search.fill('zhangzhen');
    await search.press('Enter');
    await page.locator('.entity-result', { hasText: '章镇镇' }).first().click();
    await expect.poll(() => nodeIds('章镇镇')).toHaveLength(1);
    const [river] = await nodeIds('曹娥江');
    const [town] = await nodeIds('章镇镇');
    const before = await nodeCount();
    await clickNode(expectDefined(river));
    await clickNode(expectDefined(town));
    await expect.poll(() => page.locator('#path-ends').textContent()).toBe('曹娥江 → 章镇镇');
    expect(await nodeCount(), 'two quick clicks on different nodes are no double-click').toBe(before);
    await page.getByRole('button', { name: 'Find path' }).click();
    await expect.poll(() => page.locator('.path-list li').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('.path-list li').first().textContent()).toContain('曹娥江');
    expect(await page.locator('.path-list li').last().textContent()).toContain('章镇镇');
    const onPath = await page.evaluate(
      () => (window as unknown as PageWindow).policyGraph.cy.nodes('.on-path').map((n) => n.data('node').name) as string[],
    );
    expect(onPath).toEqual(expect.arrayContaining(['曹娥江', '章镇镇']));
    await shot('04-path');
  });

  it('searches as one types, in English as Ask links it, and exports the view as PNG and GraphML', async () => {
    await page.getByLabel('Find entity').fill('Caoejiang River');
    await expect.poll(() => page.locator('.entity-result').first().textContent()).toMatch(/^曹娥江/);
    await page.getByLabel('Find entity').fill('');
    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#export-png').click()]);
    expect(png.suggestedFilename()).toBe('policy-graph-view.png');
    const [graphml] = await Promise.all([page.waitForEvent('download'), page.locator('#export-graphml').click()]);
    const text = readFileSync(await graphml.path(), 'utf8');
    expect(text).toContain('<graphml');
    expect(text).toContain('曹娥江');
    // Edges carry captions and the frame describes what the pointer is over.
    expect(
      await page.evaluate(() =>
        (window as unknown as PageWindow).policyGraph.cy
          .edges()
          .map((e) => e.data('caption'))
          .includes('mentions'),
      ),
    ).toBe(true);
  });

  it('shows a MENTIONS edge’s surface highlighted in its paragraph', async () => {
    await page.getByLabel('Paragraph 段落').check(); // mentions hang off paragraphs, folded until now
    const visibleMentions = () =>
      page.evaluate(() => {
        const pick = (selector: string) =>
          (window as unknown as PageWindow).policyGraph.cy
            .edges(selector)
            .map((e) => ({ id: e.id(), surface: e.data('edge').properties.surface }));
        return [...pick('.on-path[type = "MENTIONS"]:visible'), ...pick('[type = "MENTIONS"]:visible')] as Array<{
          id: string;
          surface: string;
        }>;
      });
    // Unfolding re-renders asynchronously; wait until the mentions show.
    await expect.poll(async () => (await visibleMentions()).length, { message: 'the view shows MENTIONS edges' }).toBeGreaterThan(0);
    const mentions = await visibleMentions();
    let clicked: { surface: string; at: { x: number; y: number } } | undefined;
    // The layout is force-directed, so a crowded view may cover every edge; a user then zooms in on one.
    for (const zoomIn of [false, true]) {
      for (const mention of mentions) {
        if (zoomIn)
          await page.evaluate(
            (edgeId) =>
              (window as unknown as PageWindow).policyGraph.cy.fit(
                (window as unknown as PageWindow).policyGraph.cy.getElementById(edgeId).connectedNodes(),
                60,
              ),
            mention.id,
          );
        const at = await freeEdgePoint(mention.id);
        if (at) {
          clicked = { surface: mention.surface, at };
          break;
        }
      }
      if (clicked) break;
    }
    const { at, surface } = expectDefined(clicked, 'some MENTIONS edge can be clicked clear of other elements');
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => page.locator('.details .badge').first().textContent()).toBe('MENTIONS');
    await expect.poll(() => page.locator('.details .source mark').textContent()).toBe(surface);
  });

  it('caps a neighbourhood of hundreds of nodes and says so', async () => {
    await openView('documents');
    await page
      .locator('#document-rows tr', { hasText: '上虞区 2017年政府工作报告' })
      .getByRole('button', { name: 'Show in graph' })
      .click();
    await expect.poll(() => page.locator('.details h2').textContent()).toBe('上虞区 2017年政府工作报告');
    const before = await nodeCount();
    await page.locator('#expand-depth').selectOption('3');
    await page.getByRole('button', { name: 'Expand neighbourhood' }).click();
    await expect.poll(() => page.locator('#graph-cap').isVisible()).toBe(true);
    expect(await page.locator('#graph-cap').textContent()).toMatch(/more neighbours than the 150 shown/);
    expect(await nodeCount()).toBeLessThanOrEqual(before + 150);
    await shot('05-capped');
    await page.locator('#expand-depth').selectOption('1');
  });

  it('charts an indicator over periods with targets and actuals apart', async () => {
    await openView('indicators');
    await page.getByLabel('Indicator', { exact: true }).fill('地区生产总值');
    await page.locator('.indicator-choice', { hasText: /^地区生产总值$/ }).click();
    await expect.poll(() => page.locator('#indicator-chart h2').textContent()).toBe('地区生产总值');
    expect(await page.locator('svg.timeline').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('svg.timeline .point-actual, svg.timeline .point-growth').count()).toBeGreaterThan(0);
    expect(await page.locator('svg.timeline .point-target, svg.timeline .point-growth_target').count()).toBeGreaterThan(0);
    expect(await page.locator('.timeline-legend li').allTextContents()).toEqual(expect.arrayContaining(['actual', 'growth target']));
    await shot('06-indicator-chart');
  });

  it('uploads a document with progress, lists it, and deletes it', async () => {
    await openView('documents');
    expect(await page.locator('#document-rows tr').count()).toBe(3);
    await page
      .locator('#upload-input')
      .setInputFiles({ name: 'county-2019.txt', mimeType: 'text/plain', buffer: Buffer.from(DATED_REPORT) });
    await expect.poll(() => page.locator('#upload-status').textContent()).toMatch(/^Ingested “.*2019.*”: \d+ paragraphs, 1 task in/);
    await expect.poll(() => page.locator('#document-rows tr').count()).toBe(4);
    const row = page.locator('#document-rows tr', { hasText: 'county-2019.txt' });
    expect(await row.locator('.source-file').textContent()).toBe('county-2019.txt'); // the file's name, never the server's path
    expect(await row.locator('.delivered').textContent()).toBe('2019-01-08王晓明'); // the day and the speaker the meeting line names
    await shot('07-documents-uploaded');
    const exported = await page.locator('.exports a', { hasText: 'GraphML' }).getAttribute('href');
    expect((await fetch(`${base}${exported}`)).headers.get('content-type')).toMatch(/graphml/);
    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: /^Delete/ }).click();
    await expect.poll(() => page.locator('#document-rows tr').count()).toBe(3);
  });

  it('checks a draft: claims underlined by verdict with the evidence beside them', async () => {
    await openView('check');
    await page.getByLabel('Draft text').fill('今年全区地区生产总值增长6%。全年一般公共预算收入增长5%。');
    await page.getByRole('button', { name: 'Check against earlier reports' }).click();
    await expect.poll(() => page.locator('.claim-card').count()).toBeGreaterThan(0);
    const claims = await page.locator('.claim-card').count();
    expect(await page.locator('.draft-marked mark.claim').count()).toBe(claims);
    expect(await page.locator('.claim-card .verdict-badge').first().textContent()).toMatch(
      /consistent|conflict|weaker than commitment|novel/,
    );
    await page.locator('.draft-marked mark.claim').first().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('claim-card') ?? false)).toBe(true);
    await shot('08-check');
  });

  it('switches labels to Chinese and back, and moves between tabs with the keyboard', async () => {
    await page.locator('#language').click();
    expect(await page.locator('#tab-ask').textContent()).toBe('提问');
    expect(await page.locator('#tab-explore').textContent()).toBe('图谱');
    await openView('ask');
    expect(await page.locator('#ask-submit').textContent()).toBe('提问');
    await shot('09-chinese');
    await page.locator('#language').click();
    expect(await page.locator('#tab-ask').textContent()).toBe('Ask');
    await page.locator('#tab-ask').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#tab-reader').getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-reader');
    await page.keyboard.press('End');
    expect(await page.locator('#view-check').isVisible()).toBe(true);
  });

  it('stays readable at a narrow width (400 px): no sideways scrolling', async () => {
    await page.setViewportSize({ width: 400, height: 800 });
    await ask('Which tasks mention Zhangzhen?');
    expect(await taskNumbers()).toContain(21);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await shot('10-narrow-ask');
    await openView('explore');
    expect(await overflow()).toBeLessThanOrEqual(0);
    await shot('11-narrow-explore');
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it('seeds the graph with the tasks of a topic answer that links no entity', async () => {
    await ask('How will the government reduce air pollution from chemical plants?');
    const numbers = await taskNumbers();
    expect(numbers.length).toBeGreaterThan(0);
    const graphTasks = await page.evaluate(
      () =>
        (window as unknown as PageWindow).policyGraph.cy.nodes('[label = "Task"]').map((n) => n.data('node').properties.number) as number[],
    );
    expect(graphTasks).toEqual(expect.arrayContaining(numbers));
  });

  it('raised no errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
