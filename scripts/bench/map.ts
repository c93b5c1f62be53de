/*
 * `yarn bench:map`: the integration map page with a generated catalog of
 * 5,000 drawn entities (100 systems of 30 components, 10 Kafka topics,
 * 5 APIs and 5 webhooks each, with producers, consumers, callers and
 * receivers partly in other systems) in Debian's Chromium.
 *
 * Runs the real backend (its source, as `yarn workspace backend start`
 * does, without the file watcher) on a free port
 * with the demo's config plus a generated one whose only catalog
 * locations are the demo's org file and the generated catalog file; the
 * backend serves the built app (run `yarn workspace app build` first), the
 * catalog, the checks, the impact and map layouts APIs as in production. It
 * waits until the catalog holds every generated entity and the backend serves
 * a layout for every system box of the map as the page first draws it, then
 * measures in Chromium:
 *
 * - first visit: navigation to the map's `interchange-map-ready`
 *   performance mark in a new browser profile (no HTTP cache, no layouts in
 *   localStorage), best and median of 3, split by the page's marks
 *   (plugins/interchange/src/map/marks.ts), with the backend's layouts, and
 *   without them (their request refused: ELK in the browser's workers);
 * - next visits: the same in the same profile (ELK's answers from
 *   localStorage), with Chromium's main-thread counters;
 * - frame time while panning (requestAnimationFrame intervals during a
 *   120-step mouse drag), median and 95th percentile, in the view first
 *   drawn (a big map's overview), zoomed in to reading, and in the other
 *   one ("Company view: one node per system");
 * - zoom in: mouse-wheel steps until the map crosses zoom 0.3, from the
 *   step that crosses it to React Flow's nodes and edges in view drawn;
 * - focus: picking one component in "Search to focus" to its neighbourhood
 *   (2 hops, impact API) laid out and drawn.
 *
 * BENCH_MAP_PROFILE=<file> writes a CPU profile of one more next visit,
 * and <file>.zoom-in one of the zoom in.
 *
 * It starts the demo backend and reads packages/app/dist, so run it under
 * the machine-wide lock: `flock /tmp/e2e.lock -c 'yarn workspace app build
 * && yarn bench:map'`.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, Page } from 'playwright-core';
import {
  buildIntegrationGraph,
  companyMapModels,
  hashJob,
  MAP_FIELDS,
  MAP_KINDS,
  toElkJobs,
} from '@interchange/plugin-interchange-common';

const root = path.resolve(__dirname, '../..');
let PORT = 0;
let BASE = '';

/** A port nothing listens on now (the backend needs a number in its config). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
const SYSTEMS = 100;
const PER_SYSTEM = { components: 30, topics: 10, apis: 5, webhooks: 5 };

function yamlDoc(e: Record<string, unknown>) {
  return `---\n${JSON.stringify(e)}\n`;
}

/** The generated catalog; returns the file's text and how many entities it holds. */
export function generate(): { text: string; count: number; drawn: number } {
  const docs: string[] = [];
  let drawn = 0;
  const sys = (s: number) => `sys-${String(s).padStart(3, '0')}`;
  const comp = (s: number, c: number) =>
    `${sys(s)}-svc-${String(c).padStart(2, '0')}`;
  const owner = (s: number) => `group:default/team-bench-${s % 20}`;
  for (let g = 0; g < 20; g++) {
    docs.push(
      yamlDoc({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: `team-bench-${g}` },
        spec: { type: 'team', children: [] },
      }),
    );
  }
  for (let s = 0; s < SYSTEMS; s++) {
    const other = (s + 1) % SYSTEMS;
    docs.push(
      yamlDoc({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'System',
        metadata: { name: sys(s) },
        spec: { owner: owner(s) },
      }),
    );
    for (let c = 0; c < PER_SYSTEM.components; c++) {
      const consumesApis = [`${sys(s)}-api-${c % PER_SYSTEM.apis}`];
      if (c === 0) consumesApis.push(`${sys(other)}-api-0`);
      docs.push(
        yamlDoc({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: comp(s, c) },
          spec: {
            type: 'service',
            owner: owner(s),
            lifecycle: c % 7 === 0 ? 'experimental' : 'production',
            system: sys(s),
            ...(c >= PER_SYSTEM.apis ? { consumesApis } : {}),
            ...(c < PER_SYSTEM.apis
              ? { providesApis: [`${sys(s)}-api-${c}`] }
              : {}),
          },
        }),
      );
      drawn++;
    }
    for (let a = 0; a < PER_SYSTEM.apis; a++) {
      docs.push(
        yamlDoc({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'API',
          metadata: { name: `${sys(s)}-api-${a}` },
          spec: {
            type: 'openapi',
            owner: owner(s),
            lifecycle: 'production',
            system: sys(s),
            definition: 'openapi: 3.0.0',
          },
        }),
      );
      drawn++;
    }
    for (let t = 0; t < PER_SYSTEM.topics; t++) {
      docs.push(
        yamlDoc({
          apiVersion: 'interchange.dev/v1alpha1',
          kind: 'KafkaTopic',
          metadata: { name: `${sys(s)}.events-${t}.v1` },
          spec: {
            owner: owner(s),
            // The demo's configured cluster: topics on others are refused.
            cluster: 'local',
            partitions: 3,
            producers: [`component:${comp(s, t)}`],
            consumers: [
              `component:${comp(s, t + 10)}`,
              `component:${comp(other, t + 20)}`,
            ],
          },
        }),
      );
      drawn++;
    }
    for (let w = 0; w < PER_SYSTEM.webhooks; w++) {
      docs.push(
        yamlDoc({
          apiVersion: 'interchange.dev/v1alpha1',
          kind: 'Webhook',
          metadata: { name: `${sys(s)}-hook-${w}` },
          spec: {
            owner: owner(s),
            type: 'outbound',
            events: ['changed'],
            sender: `component:${comp(s, 25 + w)}`,
            receiver: `component:${comp((s + 2) % SYSTEMS, w)}`,
            signing: { scheme: 'standard-webhooks', secretRef: 'bench' },
            retry: { maxAttempts: 5, backoff: 'exponential' },
          },
        }),
      );
      drawn++;
    }
  }
  return { text: docs.join(''), count: docs.length, drawn };
}

async function waitFor<T>(
  what: string,
  timeoutMs: number,
  f: () => Promise<T | undefined>,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      const v = await f();
      if (v !== undefined) return v;
    } catch {
      // not yet
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 2000));
  }
}

async function guestToken(): Promise<string> {
  const auth = await fetch(`${BASE}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  return ((await auth.json()) as any).backstageIdentity?.token;
}

/**
 * The hashes of the system boxes' jobs of the map as the page first draws
 * it, from the catalog as the page reads it (its kinds and fields).
 */
async function mapJobHashes(token: string): Promise<string[]> {
  const query = new URLSearchParams();
  for (const kind of MAP_KINDS) query.append('filter', `kind=${kind}`);
  query.set('fields', MAP_FIELDS.join(','));
  const res = await fetch(`${BASE}/api/catalog/entities?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const graph = buildIntegrationGraph((await res.json()) as any[]);
  const { groups } = toElkJobs(companyMapModels(graph)[0]);
  return groups.map(g => hashJob(JSON.stringify(g)));
}

/**
 * Whether the backend serves a layout for every system box the page will
 * lay out (`GET /map/layouts`); each poll also has the backend read the
 * catalog again when its graph is more than a minute old.
 */
async function backendLayoutsReady(
  token: string,
  hashes: string[],
): Promise<number | undefined> {
  const res = await fetch(`${BASE}/api/interchange/map/layouts`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const served = new Set(
    ((await res.json()) as any).items.map((i: any) => i.hash),
  );
  return hashes.every(h => served.has(h)) ? served.size : undefined;
}

/** Whether the catalog holds every generated entity of each drawn kind. */
async function catalogComplete(): Promise<boolean | undefined> {
  const token = await guestToken();
  const expected: Record<string, number> = {
    component: SYSTEMS * PER_SYSTEM.components,
    api: SYSTEMS * PER_SYSTEM.apis,
    kafkatopic: SYSTEMS * PER_SYSTEM.topics,
    webhook: SYSTEMS * PER_SYSTEM.webhooks,
  };
  for (const [kind, count] of Object.entries(expected)) {
    const res = await fetch(
      `${BASE}/api/catalog/entities/by-query?limit=1&filter=kind=${kind}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    if (!res.ok) return undefined;
    // The demo's providers may add a few (discovered topics, routes).
    if (((await res.json()) as any).totalItems < count) return undefined;
  }
  return true;
}

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function p95(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))];
}

async function ready(page: Page) {
  await page.waitForSelector(
    '[data-testid="integration-map"][data-status="ready"]',
    { timeout: 300_000 },
  );
}

/**
 * After an action that changes the map: waits for it to start laying out
 * (for at most 10 s: a fast layout may pass unseen), then to be ready.
 */
async function laidOutAgain(page: Page) {
  await page
    .waitForSelector(
      '[data-testid="integration-map"][data-status="laying-out"]',
      { timeout: 10_000 },
    )
    .catch(() => undefined);
  await ready(page);
}

/** Where the first render's time goes: ms since navigation, from the page's marks. */
interface Split {
  dcl: number;
  mounted: number;
  catalog: number;
  graph: number;
  layout: number;
  ready: number;
  /** The catalog request: time to its first byte, and the JSON's size. */
  catalogWait: number;
  catalogBytes: number;
}

async function readSplit(page: Page): Promise<Split> {
  return page.evaluate(() => {
    const mark = (name: string) =>
      performance.getEntriesByName(name).at(-1)?.startTime ?? NaN;
    const nav = performance.getEntriesByType(
      'navigation',
    )[0] as PerformanceNavigationTiming;
    const request = (
      performance.getEntriesByType('resource') as PerformanceResourceTiming[]
    )
      .filter(r => r.name.includes('/api/catalog/entities?'))
      .at(-1);
    return {
      dcl: nav.domContentLoadedEventEnd,
      mounted: mark('interchange-map-mounted'),
      catalog: mark('interchange-map-catalog'),
      graph: mark('interchange-map-graph'),
      layout: mark('interchange-map-layout'),
      ready: mark('interchange-map-ready'),
      catalogWait: request ? request.responseStart - request.requestStart : NaN,
      catalogBytes: request?.decodedBodySize ?? NaN,
    };
  });
}

/** The split as table rows: medians of each step over the loads. */
function splitRows(label: string, splits: Split[]): Array<[string, string]> {
  const m = (f: (s: Split) => number) => median(splits.map(f)).toFixed(0);
  return [
    [
      `${label}: navigation to the app's bundle run (DOMContentLoaded)`,
      `${m(s => s.dcl)} ms`,
    ],
    [
      `${label}: then the map page mounted (app boot, guest session, route)`,
      `+${m(s => s.mounted - s.dcl)} ms`,
    ],
    [
      `${label}: then the catalog answered (first byte after ${m(
        s => s.catalogWait,
      )} ms, ${(median(splits.map(s => s.catalogBytes)) / 1e6).toFixed(
        1,
      )} MB JSON)`,
      `+${m(s => s.catalog - s.mounted)} ms`,
    ],
    [
      `${label}: then the graph built (buildIntegrationGraph)`,
      `+${m(s => s.graph - s.catalog)} ms`,
    ],
    [
      `${label}: then the layout done (ELK)`,
      `+${m(s => s.layout - s.graph)} ms`,
    ],
    [
      `${label}: then drawn (two frames after React Flow is initialised)`,
      `+${m(s => s.ready - s.layout)} ms`,
    ],
  ];
}

async function main() {
  if (!fs.existsSync(path.join(root, 'packages/app/dist/index.html'))) {
    throw new Error(
      'packages/app/dist is missing: run `yarn workspace app build` first',
    );
  }
  PORT = Number(process.env.BENCH_MAP_PORT) || (await freePort());
  BASE = `http://localhost:${PORT}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interchange-bench-map-'));
  const catalog = generate();
  fs.writeFileSync(path.join(dir, 'catalog.yaml'), catalog.text);
  fs.writeFileSync(
    path.join(dir, 'app-config.bench.yaml'),
    JSON.stringify({
      app: { baseUrl: BASE },
      backend: {
        baseUrl: BASE,
        listen: { port: PORT },
        cors: { origin: BASE },
      },
      catalog: {
        locations: [
          { type: 'file', target: path.join(root, 'examples/org.yaml') },
          { type: 'file', target: path.join(dir, 'catalog.yaml') },
        ],
      },
    }),
  );
  console.log(
    `generated ${catalog.count} entities (${catalog.drawn} drawn on the map) in ${dir}`,
  );

  // The backend's source run once, as `yarn workspace backend start` runs
  // it but without its file watcher: in a tree where others edit, the
  // watcher restarted the backend (and emptied its in-memory catalog) on
  // every save, so ingestion never finished.
  const backend: ChildProcess = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      'src/index.ts',
      '--config',
      '../../app-config.yaml',
      '--config',
      path.join(dir, 'app-config.bench.yaml'),
    ],
    {
      cwd: path.join(root, 'packages/backend'),
      env: { ...process.env, NODE_ENV: 'development' },
      stdio: [
        'ignore',
        fs.openSync(path.join(dir, 'backend.log'), 'w'),
        fs.openSync(path.join(dir, 'backend.log'), 'a'),
      ],
      detached: true,
    },
  );
  const stop = () => {
    try {
      process.kill(-backend.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stop();
      process.exit(1);
    });
  }
  try {
    await waitFor('the backend', 300_000, async () =>
      (
        await fetch(`${BASE}/.backstage/health/v1/readiness`)
      ).ok
        ? true
        : undefined,
    );
    const t0 = Date.now();
    await waitFor(
      `${catalog.drawn} entities in the catalog`,
      900_000,
      catalogComplete,
    );
    console.log(
      `catalog ingested in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
    );
    // First visits are measured with the backend's layouts of the whole
    // catalog's map in place (it lays them out when it reads the catalog).
    const t1 = Date.now();
    const token = await guestToken();
    const hashes = await mapJobHashes(token);
    const servedJobs = await waitFor("the backend's map layouts", 300_000, () =>
      backendLayoutsReady(token, hashes),
    );
    const layoutsAfter = ((Date.now() - t1) / 1000).toFixed(0);
    console.log(
      `the backend serves ${servedJobs} layouts, every one of the ${hashes.length} system boxes' jobs, ${layoutsAfter} s later`,
    );
    // The backend's own account of its last layout (MapLayouts' log line).
    const backendLayout =
      fs
        .readFileSync(path.join(dir, 'backend.log'), 'utf8')
        // eslint-disable-next-line no-control-regex
        .replace(/\x1b\[[0-9;]*m/g, '')
        .match(/Laid the integration map out ahead of time: (.*)/g)
        ?.at(-1)
        ?.replace(/^Laid the integration map out ahead of time: /, '')
        .trim() ?? 'not in the log';

    const loadStart = os
      .loadavg()
      .map(l => l.toFixed(1))
      .join(' ');
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
    const newSignedInPage = async () => {
      const context = await browser.newContext({
        viewport: { width: 1440, height: 900 },
      });
      const p = await context.newPage();
      await p.goto(`${BASE}/`);
      await p.getByRole('button', { name: 'Enter' }).click();
      await p.waitForURL(/catalog/);
      return p;
    };
    const openMap = async (p: Page) => {
      await p.goto(`${BASE}/interchange/map`);
      await ready(p);
      return readSplit(p);
    };
    const drawnNodes = async (p: Page) =>
      Number(await p.getByTestId('integration-map').getAttribute('data-nodes'));

    // A first visit: a new browser profile each time (no HTTP cache, no
    // layouts kept in localStorage). First without the backend's layouts
    // (that request refused), so ELK lays out every system in the browser;
    // then as it comes, with them.
    const coldElk: Split[] = [];
    const cold: Split[] = [];
    let page!: Page;
    for (const [splits, blocked] of [
      [coldElk, true],
      [cold, false],
    ] as const) {
      for (let i = 0; i < 3; i++) {
        if (page) await page.context().close();
        page = await newSignedInPage();
        if (blocked) {
          await page.route('**/api/interchange/map/layouts', r => r.abort());
        }
        splits.push(await openMap(page));
      }
    }
    const nodes = await drawnNodes(page);
    const drawnAs =
      (await page
        .getByTestId('integration-map')
        .getAttribute('data-drawing')) === 'overview'
        ? 'overview: system boxes as nodes, entities and edges on one canvas'
        : "React Flow's nodes and edges";
    // Visits after it in the same profile: the layouts come from localStorage.
    // Chromium's own counters say how the main thread spent each of them.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const counters = async () =>
      Object.fromEntries(
        (await cdp.send('Performance.getMetrics')).metrics.map(m => [
          m.name,
          m.value,
        ]),
      );
    const warm: Split[] = [];
    const mainThread: Array<Record<string, number>> = [];
    for (let i = 0; i < 3; i++) {
      warm.push(await openMap(page));
      // Chromium starts these counters again at each navigation.
      const after = await counters();
      mainThread.push(
        Object.fromEntries(
          [
            'ScriptDuration',
            'RecalcStyleDuration',
            'LayoutDuration',
            'TaskDuration',
          ].map(k => [k, (after[k] ?? 0) * 1000]),
        ),
      );
    }
    if (process.env.BENCH_MAP_PROFILE) {
      // One more visit under the JavaScript profiler, for Chrome DevTools.
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
      await openMap(page);
      const { profile } = await cdp.send('Profiler.stop');
      fs.writeFileSync(process.env.BENCH_MAP_PROFILE, JSON.stringify(profile));
      console.log(
        `CPU profile of a next visit: ${process.env.BENCH_MAP_PROFILE}`,
      );
    }

    const pan = async () => {
      await page.evaluate(() => {
        const w = window as any;
        w.__frames = [];
        let last = performance.now();
        w.__sampling = true;
        const tick = (t: number) => {
          w.__frames.push(t - last);
          last = t;
          if (w.__sampling) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      const pane = (await page.locator('.react-flow__pane').boundingBox())!;
      const cx = pane.x + pane.width / 2;
      const cy = pane.y + pane.height / 2;
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      for (let i = 0; i < 120; i++) {
        await page.mouse.move(
          cx + Math.sin(i / 10) * 300,
          cy + Math.cos(i / 10) * 150,
        );
      }
      await page.mouse.up();
      const frames: number[] = await page.evaluate(() => {
        const w = window as any;
        w.__sampling = false;
        return w.__frames.slice(1);
      });
      return frames;
    };
    let t = 0;
    // Wait for the page to settle (the layouts written to storage) first.
    await page.waitForTimeout(3000);
    const screenshot = path.join(dir, 'map.png');
    await page.screenshot({ path: screenshot });
    console.log(`the map as first drawn: ${screenshot}`);
    const panDefault = await pan();

    // Zoom in (mouse wheel at the middle) to where text is readable: a big
    // map swaps its overview canvas for React Flow's nodes and edges in
    // view. Timed from the wheel turn that crosses the threshold to two
    // frames after the first entity node is in the page.
    const zoomOf = () =>
      page.evaluate(() => {
        const v = document.querySelector<HTMLElement>('.react-flow__viewport');
        return new DOMMatrixReadOnly(getComputedStyle(v!).transform).a;
      });
    const drawing = () =>
      page.getByTestId('integration-map').getAttribute('data-drawing');
    const profileZoom = !!process.env.BENCH_MAP_PROFILE;
    if (profileZoom) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    const box = (await page.locator('.react-flow__pane').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    let zoomInMs = NaN;
    for (let i = 0; i < 40 && (await drawing()) === 'overview'; i++) {
      const before = await zoomOf();
      t = Date.now();
      await page.mouse.wheel(0, -100);
      // d3-zoom eases wheel zooms: let it settle before reading the zoom.
      await page.waitForFunction(
        z => {
          const v = document.querySelector<HTMLElement>(
            '.react-flow__viewport',
          );
          return new DOMMatrixReadOnly(getComputedStyle(v!).transform).a > z;
        },
        before,
        { timeout: 5_000 },
      );
      if ((await drawing()) !== 'overview') {
        await page.waitForSelector('[data-testid="map-node"]');
        await page.evaluate(
          () =>
            new Promise(r =>
              requestAnimationFrame(() => requestAnimationFrame(r)),
            ),
        );
        zoomInMs = Date.now() - t;
      }
    }
    await page.waitForTimeout(1000);
    if (profileZoom) {
      const { profile } = await cdp.send('Profiler.stop');
      const file = `${process.env.BENCH_MAP_PROFILE}.zoom-in`;
      fs.writeFileSync(file, JSON.stringify(profile));
      console.log(`CPU profile of the zoom in to reading: ${file}`);
    }
    const zoomIn = {
      ms: zoomInMs,
      zoom: await zoomOf(),
      nodes: await page.getByTestId('map-node').count(),
      edges: await page.locator('.react-flow__edge').count(),
    };
    const zoomShot = path.join(dir, 'map-zoomed-in.png');
    await page.screenshot({ path: zoomShot });
    console.log(`the map zoomed in to reading: ${zoomShot}`);
    const panZoomedIn = await pan();

    // The other view: the company view when every entity is the default.
    const toggle = page.getByRole('checkbox', {
      name: 'Company view: one node per system',
    });
    t = Date.now();
    await toggle.click();
    await laidOutAgain(page);
    const otherMs = Date.now() - t;
    const otherNodes = await drawnNodes(page);
    await page.waitForTimeout(1000);
    const panOther = await pan();

    // Focus on one component from the search box.
    await page.goto(`${BASE}/interchange/map`);
    await ready(page);
    const search = page.getByLabel('Search to focus');
    await search.fill('sys-042-svc-12');
    await page.getByRole('option').first().waitFor();
    t = Date.now();
    const clickAt = await page.evaluate(
      () => performance.mark('bench-click').startTime,
    );
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/focus=/);
    await laidOutAgain(page);
    const focusMs = Date.now() - t;
    const focusSplit = await readSplit(page);
    const focusNodes = await drawnNodes(page);
    await browser.close();

    const view = (n: number) =>
      n > SYSTEMS + 10
        ? `every entity, ${n} nodes with the system boxes`
        : `company view, ${n} nodes: one per system`;
    const frames = (xs: number[]) =>
      `median ${median(xs).toFixed(1)} ms, p95 ${p95(xs).toFixed(1)} ms (${
        xs.length
      } frames)`;
    const firstRender = (xs: Split[]) => {
      const r = xs.map(x => x.ready);
      return `best ${Math.min(...r).toFixed(0)} ms, median ${median(r).toFixed(
        0,
      )} ms`;
    };
    const rows: Array<[string, string]> = [
      [
        'catalog entities (drawn on the map)',
        `${catalog.count} (${catalog.drawn})`,
      ],
      [
        `the backend's layouts of the whole catalog's map (worker thread; its log)`,
        `${backendLayout}; served ${layoutsAfter} s after the catalog was complete`,
      ],
      [
        `first visit: first layout and render (${view(
          nodes,
        )}; layouts from the backend)`,
        firstRender(cold),
      ],
      ...splitRows('first visit', cold),
      [
        `first visit without the backend's layouts (ELK in the browser's workers)`,
        firstRender(coldElk),
      ],
      ...splitRows('first visit, ELK in the browser', coldElk),
      [
        `next visits: first layout and render (layouts from localStorage)`,
        firstRender(warm),
      ],
      ...splitRows('next visits', warm),
      [
        'next visits, main thread from navigation to drawn (Chromium counters): script, style, layout, all tasks',
        [
          'ScriptDuration',
          'RecalcStyleDuration',
          'LayoutDuration',
          'TaskDuration',
        ]
          .map(k => `${median(mainThread.map(m => m[k])).toFixed(0)} ms`)
          .join(', '),
      ],
      [
        `frame time while panning, ${view(nodes)}, as first drawn (${drawnAs})`,
        frames(panDefault),
      ],
      [
        `zoom in to reading (wheel; zoom ${zoomIn.zoom.toFixed(
          2,
        )}): React Flow's nodes and edges in view drawn`,
        `${zoomIn.ms} ms (${zoomIn.nodes} entity nodes, ${zoomIn.edges} edges mounted)`,
      ],
      [`frame time while panning, zoomed in to reading`, frames(panZoomedIn)],
      [`switch to the other view (${view(otherNodes)})`, `${otherMs} ms`],
      [`frame time while panning, ${view(otherNodes)}`, frames(panOther)],
      [
        `focus one component, 2 hops (impact API; ${focusNodes} nodes)`,
        `${focusMs} ms (layout done after ${(
          focusSplit.layout - clickAt
        ).toFixed(0)} ms, drawn ${(
          focusSplit.ready - focusSplit.layout
        ).toFixed(0)} ms later)`,
      ],
    ];
    console.log(
      `\n| measure | result |\n|---|---|\n${rows
        .map(([a, b]) => `| ${a} | ${b} |`)
        .join('\n')}\n`,
    );
    console.log(
      `load average at start ${loadStart}, at end ${os
        .loadavg()
        .map(l => l.toFixed(1))
        .join(' ')}`,
    );
    console.log(
      `machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model}; Chromium ${
        process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
      }`,
    );
  } finally {
    stop();
  }
}

// Run as a script; imported (for profiling the layout in Node) it only generates.
if (require.main === module) {
  main().catch(e => {
    console.error(e);
    process.exit(1);
  });
}
