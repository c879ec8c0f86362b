// The baseline of the cold-start figure: a bare Node process that sends the request the action sends
// first (Feldera /start) with node:http and exits. No bundle, no dependencies.
import { request } from 'node:http';

const url = new URL(process.env.BENCH_URL);
const req = request(url, {
  method: 'POST',
  headers: { accept: 'application/json', 'user-agent': 'run-pipelines-action' },
});
req.on('response', (res) => res.resume());
req.end();
