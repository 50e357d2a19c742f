// forklab in a frame sandboxed without allow-same-origin (as some course
// platforms embed it): the page's origin is "null", and reading
// window.localStorage throws a SecurityError. go-app reads it when it starts
// (its state store's clean-up walks the keys), which would stop the app
// before it draws anything. This script runs before go-app's (app.js is
// deferred) and, only where reading localStorage throws, puts in its place
// an empty store that refuses writes: go-app then finds no keys, and
// forklab's pageStore (ui/storage.go) sees a store it cannot use and keeps
// what it must remember in memory for the life of the page, as it does
// whenever storage is missing.
//
// It also replaces the bare error that go-app's loader shows when the
// app's code cannot be fetched (a host that does not serve /web/ to the
// null origin) with a sentence that says what the embedding page or the
// host must allow.
(function () {
  "use strict";
  try {
    window.localStorage.length;
  } catch (err) {
    const refuse = () => {
      throw new DOMException("storage is not available in this frame", "SecurityError");
    };
    const empty = Object.create(null);
    Object.defineProperties(empty, {
      length: { get: () => 0 },
      key: { value: () => null },
      getItem: { value: () => null },
      setItem: { value: refuse },
      removeItem: { value: () => undefined },
      clear: { value: () => undefined },
    });
    try {
      Object.defineProperty(window, "localStorage", { value: empty, configurable: true });
    } catch (e) {
      // Left as it is: the app then stops at start-up, and the loader's
      // message below says why.
    }
  }

  const plain =
    "forklab could not load its program (/web/app.wasm) in this frame. " +
    "If the frame is sandboxed, the page that embeds it must allow scripts (sandbox=\"allow-scripts\"), " +
    "and the server must send Access-Control-Allow-Origin for /web/ (forklab's own server does); " +
    "or open forklab in its own tab.";
  document.addEventListener("DOMContentLoaded", () => {
    const label = document.getElementById("app-wasm-loader-label");
    if (!label) {
      return;
    }
    const observer = new MutationObserver(() => {
      if (/TypeError|Failed to fetch|NetworkError|SecurityError/.test(label.textContent)) {
        observer.disconnect();
        label.textContent = plain;
      }
    });
    observer.observe(label, { childList: true, characterData: true, subtree: true });
  });
})();
