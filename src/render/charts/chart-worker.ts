// A chart worker thread (started by pool.ts): loads chart.js, the canvas and the fonts once, then
// draws every chart it is sent and posts back the PNG bytes, or the error as plain data.
import { parentPort } from "node:worker_threads";
import { renderChartAsync } from "./index.js";
import { prepareCharts } from "./surface.js";
import { type ChartJob, type ChartResult, thrownData } from "./worker-protocol.js";

const port = parentPort;
if (!port) throw new Error("chart-worker.js runs as a worker thread only");

// Fonts and chart.js registered while the main thread is still reading and analysing; a failure
// here is reported with the first chart, as it would be on the main thread.
try {
  prepareCharts();
} catch {}

port.on("message", async (job: ChartJob) => {
  let result: ChartResult;
  try {
    const png = await renderChartAsync(job.spec, job.opts);
    // The bytes move to the main thread without a copy when the buffer is theirs alone.
    const own = png.byteOffset === 0 && png.byteLength === png.buffer.byteLength ? png : new Uint8Array(png);
    result = { id: job.id, png: own };
    port.postMessage(result, [own.buffer as ArrayBuffer]);
    return;
  } catch (e) {
    result = { id: job.id, error: thrownData(e) };
  }
  port.postMessage(result);
});
