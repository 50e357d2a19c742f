// Moves the nodes and links of one of forklab's trees to their places at the
// step shown (ui/place.go): go-app draws where a node or link is only when
// it mounts it. id is the tree's marker ids' prefix; at holds a transform
// for each node, paths a path for each link, one a line, in the order the
// tree draws them. Only what changed is written, which the page's CSS
// transitions animate as before.
(function () {
  "use strict";
  window.forklabPlaceTree = function (id, at, paths) {
    const marker = document.getElementById(id + "-arrow");
    const tree = marker && marker.ownerSVGElement;
    if (!tree) {
      console.error("forklab: no tree " + id + " to place");
      return;
    }
    const nodes = tree.querySelectorAll("g[data-role=nodes] > g[data-role=node]");
    const links = tree.querySelectorAll("g[data-role=edges] path[data-role=edge]");
    const ts = at === "" ? [] : at.split("\n");
    const ds = paths === "" ? [] : paths.split("\n");
    if (nodes.length !== ts.length || links.length !== ds.length) {
      console.error("forklab: tree " + id + " has " + nodes.length + " nodes and " + links.length +
        " links, placed " + ts.length + " and " + ds.length);
      return;
    }
    for (let i = 0; i < nodes.length; i++) {
      if (nodes[i].style.transform !== ts[i]) {
        nodes[i].style.transform = ts[i];
      }
    }
    for (let i = 0; i < links.length; i++) {
      if (links[i].getAttribute("d") !== ds[i]) {
        links[i].setAttribute("d", ds[i]);
      }
    }
  };
})();
