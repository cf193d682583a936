// Load test of a running server: autocannon's connections cycle through GET /api/ask with a mix of questions,
// while the server's resident memory is sampled from /proc, so a leak shows as growth over the run. Used by the
// load e2e test (short) and by the benchmark (50 connections for 30 s).
import { readFile } from 'node:fs/promises';
import autocannon from 'autocannon';

export interface LoadTestOptions {
  /** Base URL of the server, e.g. http://127.0.0.1:3000. */
  url: string;
  questions: string[];
  connections: number;
  durationSeconds: number;
  /** The server's process id, to sample its memory (Linux /proc); omitted: no memory figures. */
  serverPid?: number;
  sampleEveryMs?: number;
  /** Bearer token, if the server wants one (reads do not). */
  token?: string;
}

export interface LatencyFigures {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

export interface MemoryFigures {
  /** Resident set size samples of the server, MB, in order. */
  samplesMb: number[];
  /** Mean of the first and of the last quarter of the samples: the warm-up and the steady state. */
  firstQuarterMb: number;
  lastQuarterMb: number;
  peakMb: number;
  /** lastQuarterMb − firstQuarterMb. */
  growthMb: number;
}

export interface LoadTestResult {
  connections: number;
  durationSeconds: number;
  questions: number;
  requests: number;
  requestsPerSecond: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Milliseconds. */
  latency: LatencyFigures;
  memory: MemoryFigures | null;
}

export async function runLoadTest(options: LoadTestOptions): Promise<LoadTestResult> {
  if (options.questions.length === 0) throw new Error('load test needs at least one question');
  const headers: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {};
  const requests = options.questions.map((question) => ({
    method: 'GET' as const,
    path: `/api/ask?q=${encodeURIComponent(question)}`,
    headers,
  }));
  const samples: number[] = [];
  const { serverPid } = options;
  const sampler =
    serverPid === undefined
      ? undefined
      : setInterval(() => void residentMb(serverPid).then((mb) => mb !== null && samples.push(mb)), options.sampleEveryMs ?? 250);
  try {
    const result = await autocannon({
      url: options.url,
      connections: options.connections,
      duration: options.durationSeconds,
      requests,
      timeout: 30,
    });
    return {
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      questions: options.questions.length,
      requests: result.requests.total,
      requestsPerSecond: round(result.requests.average),
      ok: result['2xx'],
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      latency: {
        p50: result.latency.p50,
        p90: result.latency.p90,
        p99: result.latency.p99,
        max: result.latency.max,
        mean: round(result.latency.mean),
      },
      memory: samples.length >= 4 ? memoryFigures(samples) : null,
    };
  } finally {
    if (sampler) clearInterval(sampler);
  }
}

function memoryFigures(samples: number[]): MemoryFigures {
  const quarter = Math.max(1, Math.floor(samples.length / 4));
  const mean = (values: number[]) => round(values.reduce((sum, v) => sum + v, 0) / values.length);
  const firstQuarterMb = mean(samples.slice(0, quarter));
  const lastQuarterMb = mean(samples.slice(-quarter));
  return {
    samplesMb: samples,
    firstQuarterMb,
    lastQuarterMb,
    peakMb: Math.max(...samples),
    growthMb: round(lastQuarterMb - firstQuarterMb),
  };
}

/** VmRSS of a process in MB, or null where /proc is not available or the process is gone. */
async function residentMb(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kilobytes = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kilobytes === undefined ? null : round(Number(kilobytes) / 1024);
  } catch {
    return null;
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
