// forklab's service worker: go-app's cache-first worker (the same install,
// activate and fetch steps as app.DefaultAppWorkerJS), with one change for
// permalinks. A page's URL carries its view in the query
// (/?scenario=..&step=..), and the cache holds the page once, as "/". When
// the network is down, a navigation that the cache does not hold exactly is
// answered with the cached page of the same path, whatever its query; the
// app then reads the query and draws that view. Online, nothing changes:
// such a navigation goes to the server, which pre-renders the view.
//
// go-app fills in the version and the resources to cache (Handler.makeAppWorkerJS).
const cacheName = "app-" + "{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(cacheName)
      .then((cache) => cache.addAll(resourcesToCache))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((keys) =>
      Promise.all(keys.filter((key) => key !== cacheName).map((key) => caches.delete(key)))
    )
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  event.respondWith(
    caches.match(request).then((cached) => {
      if (cached) {
        return cached;
      }
      if (request.mode !== "navigate") {
        return fetch(request);
      }
      return fetch(request).catch((err) =>
        caches.match(request, { ignoreSearch: true }).then((page) => {
          if (page) {
            return page;
          }
          throw err;
        })
      );
    })
  );
});
