// Preloaded (--import) into the action's process by the fan-out benchmark: writes the process's peak
// resident set size, in kilobytes, to BENCH_RSS_FILE as it exits.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
