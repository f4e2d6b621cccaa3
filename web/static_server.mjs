#!/usr/bin/env node
// A small static file server for the built site: used by `.ci/start` (the static demo, until
// the native server exists) and by the browser tests and benchmark.
//
//   node web/static_server.mjs <folder> [--host 127.0.0.1] [--port 8080]
//     Serves <folder>; prints "Serving <folder> at http://host:port/" once listening. Port 0
//     picks a free one. When the port is taken and was not given explicitly, a free one is used.
//   import {startStaticServer} from './static_server.mjs'
//     const server = await startStaticServer({root, host, port}); server.url; await server.close()
//
// GET and HEAD only; "/" is index.html; paths outside the folder are refused. Every response
// says `Cache-Control: no-cache` (the browser revalidates, the service worker decides what is
// kept offline) and carries Content-Length (the page's download progress uses it), and the
// same security headers as hotline_server (src/server/http/http_server.cpp, security_headers),
// so the browser tests check the page against the real Content-Security-Policy either way.
import {createServer} from 'node:http';
import {createReadStream} from 'node:fs';
import {stat} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.data': 'application/octet-stream',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

// Keep in step with security_headers() in src/server/http/http_server.cpp.
const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
    "connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; " +
    "form-action 'none'; frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
};

function send(response, status, text) {
  response.writeHead(status, {...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8',
                              'Content-Length': Buffer.byteLength(text)});
  response.end(text);
}

async function handle(root, request, response) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    return send(response, 405, 'method not allowed\n');
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(request.url, 'http://host').pathname);
  } catch {
    return send(response, 400, 'bad request\n');
  }
  if (pathname.endsWith('/')) pathname += 'index.html';
  const file = path.join(root, pathname);
  if (file !== root && !file.startsWith(root + path.sep)) return send(response, 403, 'forbidden\n');
  let info;
  try {
    info = await stat(file);
  } catch {
    return send(response, 404, 'not found\n');
  }
  if (!info.isFile()) return send(response, 404, 'not found\n');
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': 'no-cache',
  });
  if (request.method === 'HEAD') return response.end();
  createReadStream(file).on('error', () => response.destroy()).pipe(response);
}

function listen(server, host, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

export async function startStaticServer({root, host = '127.0.0.1', port = 0,
                                         fallbackToFreePort = false}) {
  const folder = path.resolve(root);
  const server = createServer((request, response) => {
    handle(folder, request, response).catch(() => response.destroy());
  });
  try {
    await listen(server, host, port);
  } catch (error) {
    if (error.code !== 'EADDRINUSE' || !fallbackToFreePort) throw error;
    await listen(server, host, 0);
  }
  const address = server.address();
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}/`,
    port: address.port,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

// --- Command line ------------------------------------------------------------------------------
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name) => {
    const at = args.indexOf(name);
    return at >= 0 ? args.splice(at, 2)[1] : undefined;
  };
  const host = option('--host') ?? '127.0.0.1';
  const portText = option('--port');
  const [root] = args;
  if (!root || args.length !== 1) {
    console.error('usage: node web/static_server.mjs <folder> [--host H] [--port P]');
    process.exit(2);
  }
  const server = await startStaticServer({
    root, host, port: portText === undefined ? 8080 : Number(portText),
    fallbackToFreePort: portText === undefined,
  });
  console.log(`Serving ${path.resolve(root)} at ${server.url}`);
  process.on('SIGINT', () => server.close().then(() => process.exit(0)));
  process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
}
