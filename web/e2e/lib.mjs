// Shared pieces of the end-to-end tests: a server to test against, a
// headless Debian chromium that reaches nothing but 127.0.0.1, and TAP.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoDir = path.resolve(webDir, '..');

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, proc, ms = 60000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (proc.exitCode !== null) throw new Error(`the server exited with ${proc.exitCode} before answering`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no answer from ${url} within ${ms} ms`);
}

/**
 * Start `$GAVEL serve` with a temporary database on a free port, serving
 * web/dist; or the mock API (E2E_MOCK=1) for developing the UI.
 * GAVEL_SERVE_ARGS overrides the arguments; {port} {db} {web} {problems}
 * {tmp} are replaced.
 */
export async function startServer() {
  const port = await freePort();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gavel-e2e-'));
  const dist = path.join(webDir, 'dist');
  let cmd;
  let args;
  if (process.env.E2E_MOCK === '1') {
    cmd = process.execPath;
    args = [path.join(webDir, 'mock', 'server.mjs'), String(port)];
  } else {
    if (!process.env.GAVEL) throw new Error('set $GAVEL to the gavel binary (or E2E_MOCK=1 for the mock API)');
    cmd = path.resolve(process.env.GAVEL);
    const tmpl =
      process.env.GAVEL_SERVE_ARGS ||
      'serve --bind 127.0.0.1 --port {port} --db {db} --problems {problems} --web {web}';
    args = tmpl
      .split(/\s+/)
      .filter(Boolean)
      .map((a) =>
        a
          .replaceAll('{port}', String(port))
          .replaceAll('{db}', path.join(tmp, 'gavel.db'))
          .replaceAll('{web}', dist)
          .replaceAll('{problems}', path.join(repoDir, 'problems'))
          .replaceAll('{tmp}', tmp),
      );
  }
  const log = fs.openSync(path.join(tmp, 'server.log'), 'a');
  const proc = spawn(cmd, args, { cwd: repoDir, stdio: ['ignore', log, log] });
  // never leave the server behind, however this process ends
  const reap = () => proc.exitCode === null && proc.kill('SIGKILL');
  process.once('exit', reap);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGPIPE']) process.once(sig, () => { reap(); process.exit(1); });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${base}/api/languages`, proc);
  } catch (e) {
    proc.kill('SIGKILL');
    const out = fs.readFileSync(path.join(tmp, 'server.log'), 'utf8');
    throw new Error(`${e.message}\n${cmd} ${args.join(' ')}\n--- server log ---\n${out.slice(-4000)}`);
  }
  return {
    base,
    tmp,
    db: path.join(tmp, 'gavel.db'),
    logFile: path.join(tmp, 'server.log'),
    async stop() {
      if (proc.exitCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      const t = setTimeout(() => proc.kill('SIGKILL'), 10000);
      await exited;
      clearTimeout(t);
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/**
 * An admin account on the server's database:
 * `$GAVEL user add NAME --admin --password-file F --db DB`.
 */
export function makeAdmin(server, name, password) {
  const pw = path.join(server.tmp, `${name}.pw`);
  fs.writeFileSync(pw, `${password}\n`, { mode: 0o600 });
  const args = ['user', 'add', name, '--admin', '--password-file', pw, '--db', server.db];
  const r = spawnSync(path.resolve(process.env.GAVEL), args, { encoding: 'utf8', timeout: 60000 });
  if (r.status !== 0) throw new Error(`gavel ${args.join(' ')}: exit ${r.status}\n${r.stdout}${r.stderr}`);
  return `gavel ${args.join(' ')}`;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

/**
 * A browser whose every page error, console error and request to a host
 * other than 127.0.0.1 is recorded in `problems`; `workers` lists the
 * URLs of web workers started.
 */
export async function launchBrowser({ width = 1280, height = 800 } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'gavel-chromium-'));
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) throw new Error(`${executablePath} is missing: apt-get install -y chromium`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width, height },
  });
  const problems = [];
  const workers = [];
  const requests = [];
  // Answers a test expects to be errors (GET /api/me is 401 for anyone not
  // logged in; a wrong password is 401): Chromium logs each as a console
  // error "Failed to load resource", which is not a problem then.
  const allowed = [{ url: /\/api\/me$/, status: 401 }];
  const okUrl = (u) => {
    if (/^(data|blob|about|chrome-error):/.test(u)) return true;
    try {
      return new URL(u).hostname === '127.0.0.1';
    } catch {
      return false;
    }
  };
  context.on('request', (r) => {
    requests.push(r.url());
    if (!okUrl(r.url())) problems.push(`request to another host: ${r.url()}`);
  });
  const watch = (page) => {
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const st = /^Failed to load resource: the server responded with a status of (\d+)/.exec(m.text());
      const url = (m.location() && m.location().url) || '';
      if (st && allowed.some((a) => a.url.test(url) && a.status === Number(st[1]))) return;
      problems.push(`console error: ${m.text()} ${url}`);
    });
    page.on('worker', (w) => workers.push(w.url()));
    page.on('requestfailed', (r) => {
      const f = r.failure();
      // EventSource streams are closed by the app itself once done
      if (f && /ERR_ABORTED/.test(f.errorText)) return;
      problems.push(`request failed: ${r.url()} ${f ? f.errorText : ''}`);
    });
  };
  context.on('page', watch);
  for (const p of context.pages()) watch(p);
  return {
    context,
    problems,
    workers,
    requests,
    /** Expect `status` answers from URLs matching `url` (until the returned function is called). */
    allow(url, status) {
      const rule = { url, status };
      allowed.push(rule);
      return () => allowed.splice(allowed.indexOf(rule), 1);
    },
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Minimal TAP. */
export function tap({ onFail } = {}) {
  let n = 0;
  let failed = 0;
  let skipped = 0;
  const results = [];
  return {
    async test(name, fn) {
      n++;
      try {
        await fn();
        console.log(`ok ${n} - ${name}`);
      } catch (e) {
        failed++;
        console.log(`not ok ${n} - ${name}`);
        for (const l of String((e && e.stack) || e).split('\n').slice(0, 12)) console.log(`  # ${l}`);
        if (onFail) {
          try {
            await onFail(n, name);
          } catch {
            /* diagnostics only */
          }
        }
      }
      results.push(name);
    },
    skip(name, why) {
      n++;
      skipped++;
      console.log(`ok ${n} - ${name} # SKIP ${why}`);
    },
    end() {
      console.log(`1..${n}`);
      console.log(`${n - failed - skipped} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
      return failed;
    },
    get failed() {
      return failed;
    },
  };
}

export function assert(cond, msg) {
  if (!cond) throw new Error(msg || 'assertion failed');
}
