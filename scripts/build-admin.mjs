#!/usr/bin/env node
/**
 * Builds the admin workbench (admin/ → admin/dist) with Vite, but only when admin/dist is missing or
 * older than any file under admin/ — so `npm start` (prestart) stays one command and fast on later
 * starts. `--force` always builds. Exit code 1 when the build fails.
 *
 * A running server may be serving admin/dist while this builds (tests, a second checkout command):
 * the build goes to a temporary folder first, its hashed assets are copied in beside the old ones,
 * and index.html is replaced last, atomically (rename). Assets the new build no longer uses are
 * removed once they are an hour old, so pages opened before the build can still load their chunks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const adminDir = path.join(repo, 'admin');
const distDir = path.join(adminDir, 'dist');
const distIndex = path.join(distDir, 'index.html');
const KEEP_OLD_ASSETS_MS = 60 * 60 * 1000;

/** Newest modification time (ms) of the files under `dir`, skipping dist/, build folders and node_modules/. */
function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (entry.isFile()) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

export function adminDistIsStale() {
  if (!fs.existsSync(distIndex)) return true;
  return newestSource(adminDir) > fs.statSync(distIndex).mtimeMs;
}

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir, prefix = '') {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name), path.join(prefix, e.name)) : [path.join(prefix, e.name)]);
}

export async function buildAdmin() {
  const started = Date.now();
  const tmp = path.join(adminDir, `.build-${process.pid}-${started}`);
  // Always a production build, also when called from a test run (vitest sets NODE_ENV=test, which
  // would otherwise make Vite bundle React's and antd's development builds)
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  try {
    await build({ configFile: path.join(adminDir, 'vite.config.ts'), mode: 'production', logLevel: 'warn', build: { outDir: tmp, emptyOutDir: true } });
    const fresh = filesUnder(tmp);
    fs.mkdirSync(distDir, { recursive: true });
    for (const rel of fresh) {
      if (rel === 'index.html') continue;
      const to = path.join(distDir, rel);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      if (!fs.existsSync(to)) fs.copyFileSync(path.join(tmp, rel), to);
    }
    const next = `${distIndex}.${process.pid}.tmp`;
    fs.copyFileSync(path.join(tmp, 'index.html'), next);
    fs.renameSync(next, distIndex); // atomic: a request sees the old or the new page, never none
    const now = new Date();
    fs.utimesSync(distIndex, now, now);
    const keep = new Set(fresh);
    for (const rel of filesUnder(distDir)) {
      if (keep.has(rel) || rel.endsWith('.tmp')) continue;
      const p = path.join(distDir, rel);
      if (started - fs.statSync(p).mtimeMs > KEEP_OLD_ASSETS_MS) fs.rmSync(p, { force: true });
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const force = process.argv.includes('--force');
  if (!force && !adminDistIsStale()) process.exit(0);
  const started = Date.now();
  console.log('构建管理工作台 building the admin workbench (admin/ → admin/dist)…');
  try {
    await buildAdmin();
    console.log(`管理工作台已构建 built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (err) {
    console.error('管理工作台构建失败 admin build failed:', err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
