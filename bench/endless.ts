/**
 * A hostile server: the Feldera emulator behind a front that, once the pipeline was started, answers
 * every status poll with a body that never ends (JSON that keeps going, as fast as the step reads it).
 * Measures the step's peak RSS and its wall time against its `timeout`: the reads are capped
 * (src/http.ts MAX_ANSWER_BYTES), so memory stays flat and the step ends timed_out at its timeout.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEmulator } from '../emulator/server.ts';
import { spawnTimed } from './spawn.ts';
import { round, table } from './stats.ts';

const API_KEY = 'apikey:BenchEndless-4kq9';
const PIPELINE = 'endless';
export const TIMEOUT_S = 10;

export interface Endless {
  timeoutMs: number;
  wallMs: number;
  peakRssMb: number;
  /** Bytes the server pushed into status polls before the step dropped each connection. */
  servedMb: number;
  polls: number;
  conclusion: string;
}

/** Forwards a request to the emulator unchanged. */
function forward(target: URL, req: IncomingMessage, res: ServerResponse): void {
  const out = request(
    { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  out.on('error', () => res.destroy());
  req.pipe(out);
}

export async function measureEndless(): Promise<Endless> {
  const emulator = await startEmulator();
  emulator.configure({ feldera: { apiKey: API_KEY, pipelines: { [PIPELINE]: { outcome: 'stuck' } } } });
  const target = new URL(emulator.url);
  let started = false;
  let served = 0;
  let polls = 0;
  const piece = Buffer.from(`{"deployment_status":"${'x'.repeat(64 * 1024)}`);
  const front = createServer((req, res) => {
    if (req.method === 'POST' && req.url?.startsWith(`/v0/pipelines/${PIPELINE}/start`)) started = true;
    const path = req.url?.split('?')[0];
    if (!(started && req.method === 'GET' && path === `/v0/pipelines/${PIPELINE}`)) return forward(target, req, res);
    polls++;
    res.writeHead(200, { 'content-type': 'application/json' });
    const pump = (): void => {
      while (!res.destroyed) {
        served += piece.length;
        if (!res.write(piece)) return void res.once('drain', pump);
      }
    };
    pump();
  });
  await new Promise<void>((r) => front.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
  try {
    const run = await spawnTimed({
      inputs: {
        provider: 'feldera',
        endpoint: url,
        'pipeline-ids': PIPELINE,
        'api-key': API_KEY,
        timeout: `${TIMEOUT_S}s`,
        'poll-interval': '1s',
      },
      measureRss: true,
    });
    const conclusion = /conclusion<<[^\n]*\n(\w+)/.exec(run.stdout)?.[1] ?? (/timed_out/.test(run.stdout) ? 'timed_out' : '?');
    return {
      timeoutMs: TIMEOUT_S * 1000,
      wallMs: round(run.wallMs, 0),
      peakRssMb: round(run.peakRssMb ?? 0),
      servedMb: round(served / (1024 * 1024)),
      polls,
      conclusion,
    };
  } finally {
    front.closeAllConnections();
    await new Promise<void>((r) => front.close(() => r()));
    await emulator.close();
  }
}

export function endlessTable(e: Endless): string {
  const body = table(
    ['timeout ms', 'wall ms', 'peak RSS MB', 'status polls', 'MB pushed by the server', 'conclusion'],
    [[e.timeoutMs, e.wallMs, e.peakRssMb, e.polls, e.servedMb, e.conclusion]],
  );
  return `every status poll answered with a body that never ends (Feldera, poll-interval 1s)\n${body}`;
}
