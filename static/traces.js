// Scrolls each trace log, where needed, to show its current step (the
// group marked data-current="true"), or to its top when none is current.
// The program calls it after each step is painted (ui/browser.go
// scrollTraces); the pre-rendered page calls it once it has been read, so
// that a link to a later step shows that step's lines before the program
// runs, and the log does not jump when the program takes over.
(function () {
  "use strict";
  window.forklabScrollTraces = function () {
    for (const list of document.querySelectorAll('ol[data-role="trace"]')) {
      const cur = list.querySelector('[data-current="true"]');
      if (!cur) {
        if (list.scrollTop !== 0) {
          list.scrollTop = 0;
        }
        continue;
      }
      const top = cur.offsetTop, h = cur.offsetHeight;
      const st = list.scrollTop, ch = list.clientHeight;
      if (top < st || top + h > st + ch) {
        list.scrollTop = Math.max(0, top - Math.floor(ch / 3));
      }
    }
  };
  document.addEventListener("DOMContentLoaded", window.forklabScrollTraces);
})();
