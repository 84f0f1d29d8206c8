#!/usr/bin/env node
// Copies non-TypeScript assets (web UI static files) into dist/ and stamps the build for ensure-build.js.
const { cpSync, existsSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const assets = [['src/web/public', 'dist/src/web/public']];
for (const [from, to] of assets) {
  if (existsSync(join(root, from))) cpSync(join(root, from), join(root, to), { recursive: true });
}
writeFileSync(join(root, 'dist', '.build-stamp'), new Date().toISOString());
