#!/usr/bin/env node
// Builds dist/ when it is missing or older than the sources, so `npm start` and `npm run cli` work straight after `npm ci`.
// Build output goes to stderr: `npm run --silent cli -- parse FILE` must print nothing but JSON on stdout.
const { execSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const stamp = join(root, 'dist', '.build-stamp');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

const sources = ['src', 'migrations', 'config', 'test/bench'].map((d) => join(root, d)).filter(existsSync);
const stale = !existsSync(stamp) || Math.max(...sources.map(newestMtime)) > statSync(stamp).mtimeMs;
if (stale) {
  process.stderr.write('[rectify] 正在编译（npm run build）…\n');
  execSync('npm run --silent build', { cwd: root, stdio: ['ignore', 2, 2] });
}
