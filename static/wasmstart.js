// Starts compiling forklab's program (app.wasm) as soon as the page's head
// is read, rather than when go-app's loader (app.js, a deferred script) asks
// for it after the whole pre-rendered page has been parsed and laid out
// (issue 12). Left alone, the loader also passes the download through a
// stream of its own, read chunk by chunk on the page's main thread to count
// progress, and hands the compiler a Response without its address.
//
// Here the compiler reads the real response: WebAssembly.compileStreaming
// on fetch(app.wasm), the request the page's preload already started. When
// app.js then fetches app.wasm, it is answered at once with an empty
// response (its loader only reads it to count bytes; its label names no
// progress: webserver.appConfig.LoadingLabel), and its call of
// WebAssembly.instantiateStreaming instantiates the module compiled here.
// The module is fetched once. Where this cannot run (no compileStreaming),
// or compiling here failed, go-app's own path runs unchanged, and reports
// its error as it would have.
(function () {
  "use strict";
  const W = window.WebAssembly;
  const script = document.currentScript;
  if (!W || !W.compileStreaming || !W.instantiateStreaming || !window.fetch || !script) {
    return;
  }
  const url = new URL("app.wasm", script.src).href;
  const fetch0 = window.fetch;
  const instantiate0 = W.instantiateStreaming;
  const compiled = W.compileStreaming(fetch0.call(window, url));
  compiled.catch(() => {}); // reported by go-app's path below
  let asked = false;

  window.fetch = function (input, init) {
    if (!asked && typeof input === "string" && new URL(input, location.href).href === url) {
      asked = true;
      window.fetch = fetch0;
      return Promise.resolve(new Response(new Uint8Array(0), { headers: { "Content-Type": "application/wasm" } }));
    }
    return fetch0.call(this, input, init);
  };

  W.instantiateStreaming = function (source, imports) {
    W.instantiateStreaming = instantiate0;
    if (!asked) {
      return instantiate0.call(W, source, imports);
    }
    return compiled.then(
      (module) => W.instantiate(module, imports).then((instance) => ({ module, instance })),
      () => instantiate0.call(W, fetch0.call(window, url), imports),
    );
  };
})();
