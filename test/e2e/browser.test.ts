// The web UI end to end: a real server over an ingested seed, driven in Debian's chromium the way a user
// drives it (typing, Enter, mouse clicks on the drawn graph). Screenshots go to /tmp/policy-graph-screens.
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb } from '../../web/build.ts';
import { loadConfig } from '../../src/config.ts';
import { ingestPaths } from '../../src/ingest/pipeline.ts';
import { createApp } from '../../src/server/app.ts';
import { openServices, type Services } from '../../src/services.ts';
import { ROOT, tempDataDir } from './cli-helpers.ts';

const SCREENS = '/tmp/policy-graph-screens';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let services: Services;
let server: Server;
let browser: Browser;
let page: Page;
let base = '';
const pageErrors: string[] = [];

beforeAll(async () => {
  await buildWeb();
  services = await openServices(loadConfig({ data: tempDataDir(), graph: 'embedded' }, {}));
  await ingestPaths([join(ROOT, 'seeds')], services);
  server = createApp(services).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  mkdirSync(SCREENS, { recursive: true });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(base);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await services?.close();
});

const shot = (name: string) => page.screenshot({ path: join(SCREENS, `${name}.png`) });

/** Ids of the graph's nodes with this name, as drawn by Cytoscape. */
const nodeIds = (name: string) => page.evaluate((wanted) => {
  const view = (window as any).policyGraph;
  return view.cy.nodes().filter((n: any) => n.data('node').name === wanted).map((n: any) => n.id()) as string[];
}, name);

const nodeCount = async () => Number((await page.locator('#graph-count').textContent())?.match(/^(\d+) nodes?/)?.[1] ?? NaN);

const viewSettled = () => expect.poll(() => page.evaluate(() => (window as any).policyGraph.cy.animated() as boolean)).toBe(false);

/** Clicks where the graph draws a node, like a user would, once the view has stopped moving. */
async function clickNode(id: string, options: { double?: boolean } = {}): Promise<void> {
  await viewSettled();
  const at = await page.evaluate((nodeId) => (window as any).policyGraph.renderedCentre(nodeId) as { x: number; y: number } | null, id);
  expect(at, `node ${id} is drawn`).not.toBeNull();
  if (options.double) await page.mouse.dblclick(at!.x, at!.y);
  else await page.mouse.click(at!.x, at!.y);
}

/** A point on a straight edge that no node covers and no other edge passes near, or null. */
async function freeEdgePoint(id: string): Promise<{ x: number; y: number } | null> {
  await viewSettled();
  return page.evaluate((edgeId) => {
    type Point = { x: number; y: number };
    const cy = (window as any).policyGraph.cy;
    const ends = (e: any): [Point, Point] => [e.source().renderedPosition(), e.target().renderedPosition()];
    const distance = (p: Point, [a, b]: [Point, Point]) => {
      const length2 = (b.x - a.x) ** 2 + (b.y - a.y) ** 2;
      const t = Math.max(0, Math.min(1, ((p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y)) / (length2 || 1)));
      return Math.hypot(p.x - (a.x + t * (b.x - a.x)), p.y - (a.y + t * (b.y - a.y)));
    };
    const edge = cy.getElementById(edgeId);
    const [a, b] = ends(edge);
    const others = cy.edges(':visible').filter((e: any) => e.id() !== edgeId).map(ends);
    const frame = cy.container().getBoundingClientRect();
    for (let t = 0.2; t <= 0.8; t += 0.05) {
      const p = { x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) };
      const covered = cy.nodes(':visible').some((n: any) => {
        const box = n.renderedBoundingBox({ includeLabels: false });
        return p.x >= box.x1 - 4 && p.x <= box.x2 + 4 && p.y >= box.y1 - 4 && p.y <= box.y2 + 4;
      });
      if (!covered && others.every((segment: [Point, Point]) => distance(p, segment) > 8)) return { x: frame.left + p.x, y: frame.top + p.y };
    }
    return null;
  }, id);
}

async function ask(question: string): Promise<void> {
  const input = page.getByLabel('Question 问题');
  await input.fill(question);
  // The status line says "Searching…" from the submit until the new answer and its graph are shown.
  await Promise.all([page.waitForResponse((r) => r.url().includes('/api/ask?')), input.press('Enter')]);
  await expect.poll(() => page.locator('#status').textContent()).toMatch(/tasks?, \d+ passages? in/);
  expect(await page.locator('.meta').count()).toBe(1);
}

const taskNumbers = async () => (await page.locator('.tasks li').evaluateAll((items) => items.map((li) => Number(li.getAttribute('data-task-number')))));

describe('web UI', () => {
  it('answers a Chinese question with tasks, highlighted passages and a seeded graph', async () => {
    await ask('哪些任务涉及曹娥江？');
    expect(await taskNumbers()).toEqual(expect.arrayContaining([8, 27]));
    const first = page.locator('.passage').first();
    await expect.poll(() => first.locator('cite').textContent()).toMatch(/政府工作报告/);
    expect(await first.locator('.retriever').count()).toBeGreaterThan(0);
    expect(await first.textContent()).toMatch(/chars \d+–\d+/);
    expect(await page.locator('.passage mark').first().textContent()).toBe('曹娥江');
    const health = (await (await fetch(`${base}/api/health`)).json()) as { semanticSearch: string };
    expect(await page.locator('.notice').count()).toBe(health.semanticSearch === 'off' ? 1 : 0);
    expect(await nodeIds('曹娥江')).toHaveLength(1);
    expect(await nodeIds('8. 推动文旅融合')).toHaveLength(1);
    expect(await nodeCount()).toBeGreaterThanOrEqual(3);
    await shot('01-answer-zh');
  });

  it('shows an entity node’s mentions with the mention highlighted in the paragraph text', async () => {
    const [river] = await nodeIds('曹娥江');
    await clickNode(river!);
    await expect.poll(() => page.locator('.details h2').textContent()).toBe('曹娥江');
    await expect.poll(() => page.locator('.details .source mark').count()).toBeGreaterThan(0);
    expect(await page.locator('.details .source mark').first().textContent()).toBe('曹娥江');
    expect(await page.locator('.details .source blockquote').first().textContent()).toMatch(/曹娥江.*。/);
    await shot('02-entity-panel');
  });

  it('expands a node with the button and another by double-click', async () => {
    const before = await nodeCount();
    await page.getByRole('button', { name: /Expand neighbourhood/ }).click();
    await expect.poll(nodeCount).toBeGreaterThan(before);
    const afterButton = await nodeCount();
    const [task] = await nodeIds('27. 实施城中村改造三年行动计划');
    await clickNode(task!, { double: true });
    await expect.poll(nodeCount).toBeGreaterThan(afterButton);
    await shot('03-expanded');
  });

  it('hides and shows node types with the filter checkboxes', async () => {
    const visibleParagraphs = () => page.evaluate(() => (window as any).policyGraph.cy.nodes('[label = "Paragraph"]').filter((n: any) => n.visible()).length as number);
    expect(await visibleParagraphs()).toBeGreaterThan(0);
    await page.getByLabel('Paragraph 段落').uncheck();
    await expect.poll(visibleParagraphs).toBe(0);
    await expect.poll(() => page.locator('#graph-count').textContent()).toMatch(/hidden/);
    await shot('04-filtered');
    await page.getByLabel('Paragraph 段落').check();
    await expect.poll(visibleParagraphs).toBeGreaterThan(0);
  });

  it('adds an entity found by pinyin and finds a path to it', async () => {
    const search = page.getByLabel('Add entity 添加实体');
    await search.fill('zhangzhen');
    await search.press('Enter');
    await page.locator('.entity-result', { hasText: '章镇镇' }).first().click();
    await expect.poll(() => nodeIds('章镇镇')).toHaveLength(1);
    const [river] = await nodeIds('曹娥江');
    const [town] = await nodeIds('章镇镇');
    const before = await nodeCount();
    await clickNode(river!);
    await clickNode(town!);
    await expect.poll(() => page.locator('#path-ends').textContent()).toBe('曹娥江 → 章镇镇');
    expect(await nodeCount(), 'two quick clicks on different nodes are no double-click').toBe(before);
    await page.getByRole('button', { name: 'Find path' }).click();
    await expect.poll(() => page.locator('.path-list li').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('.path-list li').first().textContent()).toContain('曹娥江');
    expect(await page.locator('.path-list li').last().textContent()).toContain('章镇镇');
    const onPath = await page.evaluate(() => (window as any).policyGraph.cy.nodes('.on-path').map((n: any) => n.data('node').name) as string[]);
    expect(onPath).toEqual(expect.arrayContaining(['曹娥江', '章镇镇']));
    expect(onPath.length).toBeGreaterThanOrEqual(3);
    await shot('05-path');
  });

  it('shows a MENTIONS edge’s surface highlighted in its paragraph', async () => {
    // The path's mentions first; any drawn mention will do when those are crowded by other elements.
    const mentions = await page.evaluate(() => {
      const pick = (selector: string) => (window as any).policyGraph.cy.edges(selector).map((e: any) => ({ id: e.id(), surface: e.data('edge').properties.surface }));
      return [...pick('.on-path[type = "MENTIONS"]'), ...pick('[type = "MENTIONS"]:visible')] as Array<{ id: string; surface: string }>;
    });
    let clicked: { surface: string; at: { x: number; y: number } } | undefined;
    for (const mention of mentions) {
      const at = await freeEdgePoint(mention.id);
      if (at) {
        clicked = { surface: mention.surface, at };
        break;
      }
    }
    expect(clicked, 'some MENTIONS edge can be clicked clear of other elements').toBeDefined();
    await page.mouse.click(clicked!.at.x, clicked!.at.y);
    const edge = clicked!;
    await expect.poll(() => page.locator('.details .badge').first().textContent()).toBe('MENTIONS');
    await expect.poll(() => page.locator('.details .source mark').textContent()).toBe(edge.surface);
    await shot('06-edge-panel');
  });

  it('answers an English question with pinyin names', async () => {
    await ask('Which tasks mention Zhangzhen?');
    expect(await taskNumbers()).toContain(21);
    expect(await page.locator('.chips .chip').first().textContent()).toBe('章镇镇');
    // The passages say 章镇, an alias: the highlight comes from the graph's mention offsets, not the name.
    expect(await page.locator('.passage mark').allTextContents()).toContain('章镇');
    await expect.poll(() => nodeIds('21. 实施农村基础设施提升三年行动计划')).toHaveLength(1);
    await shot('07-answer-en');
  });

  it('seeds the graph with the tasks of a topic answer that links no entity', async () => {
    await ask('How will the government reduce air pollution from chemical plants?');
    const numbers = await taskNumbers();
    expect(numbers.length).toBeGreaterThan(0);
    const graphTasks = await page.evaluate(() => (window as any).policyGraph.cy.nodes('[label = "Task"]').map((n: any) => n.data('node').properties.number) as number[]);
    expect(graphTasks.sort()).toEqual([...numbers].sort());
    await shot('08-answer-topic');
  });

  it('raised no errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
