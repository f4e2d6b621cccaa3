// The page around the app (shell/index.html): the loading screen and its progress, the
// messages when the browser cannot run Hotline, the Emscripten Module, the keys kept from the
// browser, the service worker, and window.hotline for tests and the benchmark.
//
// Loaded as page.js?v=<version>: that version (a hash of the build's files) goes on every
// build file loaded from here (app.js, app.wasm, app.data), so a new build has new URLs and
// browsers may cache each one for good.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const version = new URL(document.currentScript.src).searchParams.get('v');
  const versioned = (file) => (version ? file + '?v=' + encodeURIComponent(version) : file);
  const canvas = $('canvas');
  let markReady;
  const ready = new Promise((resolve) => { markReady = resolve; });

  // --- What the C++ side calls (src/platform/web/page.cpp) -----------------------------------
  const shell = {
    status(text) { $('status').textContent = text; },
    progress(fraction) {
      $('bar').classList.toggle('busy', fraction === null);
      $('bar').firstElementChild.style.width = fraction === null ? '' : (fraction * 100) + '%';
    },
    problem(title, detail) {
      $('loading').hidden = true;
      $('problem-title').textContent = title;
      $('problem-detail').textContent = detail;
      $('problem').hidden = false;
    },
    ready() {
      $('loading').hidden = true;
      canvas.focus();
      registerServiceWorker();
      markReady();
    },
  };

  // --- Can this browser run Hotline at all? -------------------------------------------------
  function webglAvailable() {
    try {
      const probe = document.createElement('canvas');
      return !!(probe.getContext('webgl2') || probe.getContext('webgl'));
    } catch (e) {
      return false;
    }
  }
  if (!webglAvailable()) {
    shell.problem('WebGL is not available',
      'Hotline draws its interface with WebGL, which this browser has turned off or does not ' +
      'offer. Turn on hardware acceleration in the browser settings, or try another browser.');
    return;
  }
  // The app is built with WebAssembly's exception handling (CMakeLists.txt). The bytes are a
  // module with one function holding try / catch_all: only a browser that has it validates them.
  const exceptionProbe = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6,
                                         0, 6, 64, 25, 11, 11]);
  if (typeof WebAssembly !== 'object' || !WebAssembly.validate(exceptionProbe)) {
    shell.problem('This browser is too old for Hotline',
      'Hotline needs WebAssembly with exception handling: Chrome or Edge 95, Firefox 100, ' +
      'Safari 15.2 or later. Update the browser, or open Hotline in another one.');
    return;
  }
  if (!window.indexedDB) {
    shell.problem('Local storage is not available',
      'Hotline keeps its data in this browser (IndexedDB), which is turned off here. Private ' +
      'windows and some privacy settings do that; open Hotline in a normal window.');
    return;
  }

  // --- Download progress: app.wasm (counted here) and app.data (Emscripten's setStatus) ------
  const bytes = {wasm: [0, 0], data: [0, 0]};  // [loaded, total]
  function showProgress() {
    const loaded = bytes.wasm[0] + bytes.data[0];
    const total = bytes.wasm[1] + bytes.data[1];
    if (!total) return;
    shell.progress(Math.min(1, loaded / total));
    shell.status('Downloading… ' + Math.round(loaded / 1024) + ' of ' +
                 Math.round(total / 1024) + ' KB');
  }

  const Module = window.Module = {
    canvas,
    shell,
    // The file packager asks here where app.data is.
    locateFile: (file, prefix) => prefix + versioned(file),
    setStatus(text) {
      const m = /\((\d+(?:\.\d+)?)\/(\d+)\)/.exec(text || '');
      if (m) {
        bytes.data = [Number(m[1]), Number(m[2])];
        showProgress();
      }
    },
    monitorRunDependencies(left) {
      if (left === 0) {
        shell.progress(null);
        shell.status('Starting…');
      }
    },
    // Streams app.wasm into the compiler while counting its bytes for the progress bar.
    instantiateWasm(imports, receiveInstance) {
      fetch(versioned('app.wasm'), {credentials: 'same-origin'}).then((response) => {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        bytes.wasm[1] = Number(response.headers.get('Content-Length')) || 0;
        const counted = response.body.pipeThrough(new TransformStream({
          transform(chunk, controller) {
            bytes.wasm[0] += chunk.byteLength;
            showProgress();
            controller.enqueue(chunk);
          },
        }));
        return WebAssembly.instantiateStreaming(
          new Response(counted, {headers: {'Content-Type': 'application/wasm'}}), imports);
      }).then((result) => receiveInstance(result.instance, result.module), (error) => {
        shell.problem('Hotline could not start', 'Loading app.wasm failed: ' + error.message);
      });
      return {};  // the exports come later, through receiveInstance
    },
    onRuntimeInitialized() { runtimeReady = true; },
    onAbort(what) {
      shell.problem('Hotline stopped', 'An internal error stopped the app (' + what + '). ' +
                    'Reload the page; changes saved before this are kept.');
    },
  };
  let runtimeReady = false;

  // --- Keys that belong to the app, not the browser -----------------------------------------
  // Ctrl/Cmd + D E F G H J K O P S U and Alt + a letter would bookmark, search, open menus or
  // save the page; F1 would open the browser's help, Alt+Left/Right go back or forward (leaving
  // the app): the app's shortcut list and tab keys. Copy, cut, paste, undo, select all, new
  // window/tab, reload and close keep their browser meaning (paste must reach the document's
  // paste event).
  window.addEventListener('keydown', (event) => {
    const key = event.key.length === 1 ? event.key.toLowerCase() : '';
    const plainAlt = event.altKey && !event.ctrlKey && !event.metaKey;
    if (((event.ctrlKey || event.metaKey) && 'defghjkopsu'.includes(key) && key) ||
        (plainAlt && (/^[a-z]$/.test(key) || event.key === 'ArrowLeft' || event.key === 'ArrowRight')) ||
        event.key === 'F1') {
      event.preventDefault();
    }
  });
  canvas.addEventListener('contextmenu', (event) => event.preventDefault());

  // --- Offline: the service worker keeps the app shell ---------------------------------------
  function registerServiceWorker() {
    if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
    const hadController = !!navigator.serviceWorker.controller;
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (hadController) $('update').hidden = false;  // a newer build took over
    });
    navigator.serviceWorker.register('sw.js').catch((error) => {
      console.warn('Hotline will not work offline: service worker registration failed:',
                   error.message);
    });
  }
  $('reload').addEventListener('click', () => location.reload());

  // --- For tests and the benchmark -----------------------------------------------------------
  function call(name, args) {
    if (!runtimeReady) return 'null';
    return Module.ccall(name, 'string', args.map(() => 'string'), args);
  }
  window.hotline = {
    ready,
    find: (label) => JSON.parse(call('hotline_find_items', [label || ''])) || [],
    state: () => JSON.parse(call('hotline_state', [])),
    missingGlyphs: (text) => call('hotline_missing_glyphs', [text]),
    stats: () => JSON.parse(call('hotline_platform_stats', [])),
    resetStats: () => { if (runtimeReady) Module.ccall('hotline_platform_stats_reset', null, [], []); },
  };

  const script = document.createElement('script');
  script.src = versioned('app.js');
  script.async = true;
  script.onerror = () => shell.problem('Hotline could not start', 'app.js did not load.');
  document.body.appendChild(script);
})();
