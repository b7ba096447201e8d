// A report's charts drawn on every core: worker threads (chart-worker.ts) each load chart.js, the
// canvas and the fonts once and draw the charts they are sent; the PNGs come back in order, the
// same bytes as on the main thread. Idle workers never keep the process alive, an error in a worker
// fails the batch with the same error, and loading this module loads no chart code.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { ChartOptions, ChartSpec } from "./types.js";
import { type ChartJob, type ChartResult, rethrown } from "./worker-protocol.js";

/** At most this many workers: past it, memory grows faster than the report. */
const MAX_THREADS = 4;
/** Charts sent ahead to one worker: it draws the next while the last one is compressed. */
const AHEAD = 2;

/**
 * The compiled worker beside this module. Run from the TypeScript sources (the tests), there is
 * none, and the charts are drawn on this thread.
 */
const WORKER_URL = import.meta.url.endsWith(".js")
  ? new URL("./chart-worker.js", import.meta.url)
  : undefined;

export interface ChartPool {
  /** The PNGs of these charts, in the same order. */
  render(specs: readonly ChartSpec[], opts: ChartOptions): Promise<Buffer[]>;
  /**
   * The same, each chart's PNG as soon as it is drawn (so a caller can use the first while the
   * others are still being drawn). A failure rejects the charts still due; a promise that nobody
   * awaits never counts as an unhandled rejection.
   */
  renderEach(specs: readonly ChartSpec[], opts: ChartOptions): Promise<Buffer>[];
  /** Stops the workers; charts still waiting fail. */
  close(): Promise<void>;
}

interface Waiting {
  job: ChartJob;
  resolve(png: Buffer): void;
  reject(e: Error): void;
}

interface Slot {
  worker: Worker;
  busy: Map<number, Waiting>;
}

class WorkerPool implements ChartPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Waiting[] = [];
  private nextId = 0;
  private failure: Error | undefined;

  constructor(threads: number, url: URL) {
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(url);
      const slot: Slot = { worker, busy: new Map() };
      worker.on("message", (r: ChartResult) => this.settle(slot, r));
      worker.on("error", (e) => this.fail(e));
      worker.on("exit", (code) => {
        if (!this.failure) this.fail(new Error(`A chart worker stopped unexpectedly (exit code ${code}).`));
      });
      // Loading in the background must not keep a finished process waiting.
      worker.unref();
      this.slots.push(slot);
    }
  }

  render(specs: readonly ChartSpec[], opts: ChartOptions): Promise<Buffer[]> {
    return Promise.all(this.renderEach(specs, opts));
  }

  renderEach(specs: readonly ChartSpec[], opts: ChartOptions): Promise<Buffer>[] {
    const each = specs.map(
      (spec) =>
        new Promise<Buffer>((resolve, reject) => {
          if (this.failure) return reject(this.failure);
          this.queue.push({ job: { id: this.nextId++, spec, opts }, resolve, reject });
        }),
    );
    this.pump();
    return handled(each);
  }

  private pump(): void {
    for (const slot of this.slots) {
      while (slot.busy.size < AHEAD && this.queue.length > 0) {
        const w = this.queue.shift()!;
        // A worker with charts in hand keeps the process alive until it hands them back.
        if (slot.busy.size === 0) slot.worker.ref();
        slot.busy.set(w.job.id, w);
        slot.worker.postMessage(w.job);
      }
    }
  }

  private settle(slot: Slot, r: ChartResult): void {
    const w = slot.busy.get(r.id);
    if (!w) return;
    slot.busy.delete(r.id);
    if (slot.busy.size === 0) slot.worker.unref();
    if ("png" in r) w.resolve(Buffer.from(r.png.buffer, r.png.byteOffset, r.png.byteLength));
    else w.reject(rethrown(r.error));
    this.pump();
  }

  /** A worker failed: every chart in hand or waiting fails with its error, and the pool stops. */
  private fail(e: Error): void {
    if (this.failure) return;
    this.failure = e;
    const waiting = [...this.slots.flatMap((s) => [...s.busy.values()]), ...this.queue.splice(0)];
    for (const s of this.slots) s.busy.clear();
    for (const w of waiting) w.reject(e);
    for (const s of this.slots) void s.worker.terminate();
  }

  async close(): Promise<void> {
    this.fail(new Error("The chart workers were stopped."));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

/** Draws on this thread: for one core, or where there is no compiled worker (the tests). */
class ThisThread implements ChartPool {
  async render(specs: readonly ChartSpec[], opts: ChartOptions): Promise<Buffer[]> {
    const { renderCharts } = await import("./index.js");
    return renderCharts(specs, opts);
  }
  renderEach(specs: readonly ChartSpec[], opts: ChartOptions): Promise<Buffer>[] {
    const all = this.render(specs, opts);
    return handled(specs.map((_, i) => all.then((pngs) => pngs[i]!)));
  }
  async close(): Promise<void> {}
}

/** The promises, each marked as handled: whoever awaits one still sees its rejection. */
function handled<T>(promises: Promise<T>[]): Promise<T>[] {
  for (const p of promises) p.catch(() => {});
  return promises;
}

/** How many workers a batch of `charts` charts gets on this machine (0: draw on this thread). */
export function chartThreads(charts = Number.POSITIVE_INFINITY): number {
  const threads = Math.min(availableParallelism(), MAX_THREADS, charts);
  return WORKER_URL && threads >= 2 ? threads : 0;
}

/**
 * Starts the workers now, so that they load while the caller is still busy (reading, analysing):
 * `threads` of them (default: one a core, at most four). Close it when done.
 */
export function startChartPool(threads = chartThreads(), url = WORKER_URL): ChartPool {
  return url && threads >= 1 ? new WorkerPool(threads, url) : new ThisThread();
}

/**
 * Each chart's PNG as soon as it is drawn, in the order of `specs`: on `pool` when given, else on
 * workers started for these charts and stopped once all are drawn.
 */
export function renderChartsAsTheyCome(
  specs: readonly ChartSpec[],
  opts: ChartOptions,
  pool?: ChartPool,
): Promise<Buffer>[] {
  if (pool) return pool.renderEach(specs, opts);
  const own = startChartPool(chartThreads(specs.length));
  const each = own.renderEach(specs, opts);
  void Promise.allSettled(each).then(() => own.close());
  return each;
}
