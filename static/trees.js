// Moves the nodes and links of one of forklab's trees to their places at the
// step shown (ui/place.go): go-app draws where a node or link is only when
// it mounts it. id is the tree's marker ids' prefix; at holds a transform
// for each node, paths a path for each link, one a line, in the order the
// tree draws them (ui/tree.go treeSVG: a group of nodes; a group of links,
// four to a process). Only what changed is written, which the page's CSS
// transitions animate as before.
(function () {
  "use strict";
  window.forklabPlaceTree = function (id, at, paths) {
    const marker = document.getElementById(id + "-arrow");
    const tree = marker && marker.ownerSVGElement;
    const nodes = tree && tree.querySelector("g[data-role=nodes]");
    const edges = tree && tree.querySelector("g[data-role=edges]");
    if (!nodes || !edges) {
      console.error("forklab: no tree " + id + " to place");
      return;
    }
    const ts = at === "" ? [] : at.split("\n");
    const ds = paths === "" ? [] : paths.split("\n");
    const ns = nodes.children, gs = edges.children;
    if (ns.length !== ts.length || 4 * gs.length !== ds.length) {
      console.error("forklab: tree " + id + " has " + ns.length + " nodes and " + gs.length +
        " groups of links, placed " + ts.length + " and " + ds.length + " links");
      return;
    }
    for (let i = 0; i < ns.length; i++) {
      const n = ns[i];
      if (n.style.transform !== ts[i]) {
        n.style.transform = ts[i];
      }
    }
    for (let i = 0; i < gs.length; i++) {
      const ls = gs[i].children;
      for (let j = 0; j < 4; j++) {
        const d = ds[4 * i + j];
        if (ls[j].getAttribute("d") !== d) {
          ls[j].setAttribute("d", d);
        }
      }
    }
  };

  // forklabFinishTreeAnimations ends at once the animations running in the
  // trees (ui/browser.go finishTreeAnimations). It asks the document for them
  // all at once: each query brings the page's style up to date, and each
  // finish() makes it out of date again.
  window.forklabFinishTreeAnimations = function () {
    if (!document.getAnimations) {
      return;
    }
    const as = document.getAnimations().filter(a =>
      a.effect && a.effect.target && a.effect.target.closest("svg[data-role=tree]"));
    for (const a of as) {
      a.finish();
    }
  };
})();
