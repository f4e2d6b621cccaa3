// The browser benchmark's first sync (issue 10): a fresh browser signs in as the manager
// against a real hotline_server (SQLite) seeded with `incidents` demo incidents, and the
// time from pressing Enter in the sign-in form until the list shows every incident and the
// sync is done is measured, then until it is durable in IndexedDB. Two ways, each `runs`
// times in a fresh profile:
//   snapshot    the app as it ships (GET /snapshot and its chunks, gzip on the wire);
//   operations  "?first_sync=operations": the log pulled operation by operation (before).
// Progress samples (MB, incidents) are read from the app state meanwhile.
// The operations are pulled only up to 20,000 incidents unless HOTLINE_BENCH_FIRST_SYNC_OPS=1
// (at 100,000 demo incidents the log holds 1.26 M operations: many minutes in the browser);
// HOTLINE_BENCH_FIRST_SYNC_OPS=0 leaves them out at any size.
import {openApp, startHotlineServer} from './support.mjs';

const password = 'hotline-demo';

async function signInAndSync(server, query, incidents, say) {
  const app = await openApp({server, query, wait: false});
  try {
    await app.item('Sign in', {window: 'Sign in', timeout: 60000});
    await app.click('Login', {window: 'Sign in'});
    await app.type('manager');
    await app.click('Password', {window: 'Sign in'});
    await app.type(password);
    // How the chunks came over the wire (Chromium decodes gzip before the app sees them).
    // When each answer came (ms after Enter): where the time goes.
    const encodings = [], timeline = [];
    let begin = Date.now();
    app.page.on('response', (r) => {
      const at = r.url().indexOf('/api/v1/');
      if (at < 0) return;
      const what = r.url().slice(at + 7).replace(/\?.*/, '').replace(/^\/snapshot\/[^/]+\//, '/snapshot/…/');
      if (!['/push', '/wait', '/me'].includes(what)) timeline.push(`${what} ${Date.now() - begin}`);
      if (r.url().includes('/api/v1/snapshot/')) encodings.push(r.headers()['content-encoding'] || 'none');
    });
    begin = Date.now();
    await app.press('Enter');
    let progress = null;
    const done = await app.waitFor((s) => {
      if (s?.sync?.first_sync?.bytes_total > 0) progress = s.sync.first_sync;
      return s?.sync?.state === 'online' && s.sync.last_sync_ms > 0 && s.total === incidents;
    }, `${incidents} incidents synced`, {timeout: 600000});
    const synced_ms = Date.now() - begin;
    for (;;) {
      const saves = (await app.page.evaluate(() => window.hotline.stats())).saves;
      if (saves && !saves.unsaved && !(await app.state()).saving) break;
      await app.page.waitForTimeout(50);
    }
    const durable_ms = Date.now() - begin;
    const heap_mb = await app.page.evaluate(() => HEAP8.length / 1048576);
    if (app.errors.length) throw new Error(`console errors: ${app.errors.join('; ')}`);
    say(`  ${query || 'snapshot'}: ${done.total} incidents shown after ${(synced_ms / 1000).toFixed(2)} s, ` +
        `durable after ${(durable_ms / 1000).toFixed(2)} s; heap ${heap_mb.toFixed(0)} MB` +
        (encodings.length ? `; chunks' Content-Encoding: ${[...new Set(encodings)].join(', ')}` : '') +
        (progress ? `; progress seen: ${(progress.bytes / 1e6).toFixed(1)} of ${(progress.bytes_total / 1e6).toFixed(1)} MB, ` +
                    `${progress.incidents} of ${progress.incidents_total} incidents` : ''));
    say(`    answers (ms after Enter): ${timeline.slice(0, 12).join(', ')}${timeline.length > 12 ? ', …' : ''}`);
    return {synced_ms, durable_ms, heap_mb, progress, encodings, timeline};
  } finally {
    await app.close();
  }
}

export async function benchFirstSync({incidents, runs = 2, say}) {
  const started = Date.now();
  const server = await startHotlineServer({incidents, startTimeout: 600000});
  say(`== first sync: hotline_server (SQLite) seeded with ${incidents.toLocaleString('en')} incidents ` +
      `in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const out = {snapshot: [], operations: []};
  try {
    for (let i = 0; i < runs; i++) {
      out.snapshot.push(await signInAndSync(server, '', incidents, say));
      const ops = process.env.HOTLINE_BENCH_FIRST_SYNC_OPS;
      if (ops === '1' || (ops !== '0' && incidents <= 20000)) {
        out.operations.push(await signInAndSync(server, '?first_sync=operations', incidents, say));
      }
    }
  } finally {
    await server.close();
  }
  return out;
}
