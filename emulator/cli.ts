/**
 * Starts the emulator from a terminal: `node emulator/cli.ts [--port 8080] [--scenario file.json]`.
 * The scenario maps provider names to their configuration (see each emulator module).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startEmulator } from './server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8080' },
    host: { type: 'string', default: '127.0.0.1' },
    scenario: { type: 'string' },
  },
});
const emulator = await startEmulator({ port: Number(values.port), host: values.host });
if (values.scenario) emulator.configure(JSON.parse(readFileSync(values.scenario, 'utf8')) as Record<string, unknown>);
process.stdout.write(`provider emulator listening on ${emulator.url} (POST /__emulator/config to set a scenario)\n`);
const stop = (): void => void emulator.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
