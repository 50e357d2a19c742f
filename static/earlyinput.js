// Keeps what the reader does before forklab's program runs (issue 12). The
// pre-rendered page looks ready as soon as it is drawn, but until app.wasm
// has arrived and started its buttons do nothing and its keys would scroll
// the page: for many seconds on a slow link, and a lecturer's first clicker
// press on any link. This script, read with the page's head, records what
// the program would have taken: the keys it binds (the app's root lists them
// in data-keys: ui/keys.go boundKeys) pressed without Ctrl, Alt or
// Meta, clicks on buttons, and choices in lists and fields. go-app's loading
// note says how many presses wait. Once the program's first view is
// complete, ui/earlyinput.go calls forklabReplayEarlyInput, which stops
// recording and hands each press, in order, to the element of the program's
// page that stands where the pressed one stood; the program decides what a
// key does, as for any key (ui/keys.go keyFor).
//
// A bound key does not scroll the page, as it will not once the program
// runs, except in a form field, whose key it stays, and Space on a button,
// link or summary, which presses it (and the click is recorded). From the
// program's first render to the replay (a frame or two) presses are
// recorded too, so that none overtakes an earlier one. Until then the page
// also keeps at least the pre-rendered page's height: the program's first
// render leaves the lower parts of the view for the next one, and a reader
// who had scrolled down while it loaded would be moved up and back.
(function () {
  "use strict";
  const queue = [];
  let keys = null; // the bound keys, read from the app's root

  // appPage tells whether this is the app's page (not the glossary, say).
  function appPage() {
    if (keys === null) {
      const root = document.querySelector("[data-keys]");
      if (!root) {
        return false;
      }
      keys = root.getAttribute("data-keys").split(" ").map(decodeURIComponent);
    }
    return true;
  }

  // What names an element across the program's first render, which replaces
  // every element of the pre-rendered page by one of its own: its id, or
  // its tag, label and place among the elements with both. The label's
  // spaces are left out: the pre-render has some between elements that the
  // program's page has not.
  function label(el) {
    return (el.getAttribute("aria-label") || el.textContent).replace(/\s+/g, "");
  }
  function namesake(loc) {
    return Array.from(document.getElementsByTagName(loc.tag)).filter(e => !e.id && label(e) === loc.label);
  }
  function locate(el) {
    if (!el || !el.tagName || el === document.body || el === document.documentElement) {
      return null; // the page itself
    }
    if (el.id) {
      return { id: el.id };
    }
    const loc = { tag: el.tagName, label: label(el) };
    loc.nth = namesake(loc).indexOf(el);
    return loc;
  }
  function find(loc) {
    if (loc === null) {
      return document.body;
    }
    if (loc.id) {
      return document.getElementById(loc.id);
    }
    return namesake(loc)[loc.nth] || null;
  }

  function keep(e, press) {
    e.stopImmediatePropagation(); // the program, once running, has it at the replay
    const last = queue[queue.length - 1];
    if (press.value !== undefined && last && last.value !== undefined && JSON.stringify(last.at) === JSON.stringify(press.at)) {
      queue[queue.length - 1] = press; // typing: only the last value counts
    } else {
      queue.push(press);
    }
    tell();
  }

  // tell counts the presses in go-app's loading note, in an element of its
  // own: go-app writes the note's label when its loader starts.
  function tell() {
    const loader = document.getElementById("app-wasm-loader");
    if (!loader) {
      return;
    }
    let count = document.getElementById("forklab-early-count");
    if (!count) {
      count = document.createElement("span");
      count.id = "forklab-early-count";
      count.className = "goapp-label";
      loader.appendChild(count);
    }
    count.textContent = queue.length + (queue.length === 1 ? " press waits" : " presses wait");
  }

  function onKey(e) {
    if (e.ctrlKey || e.altKey || e.metaKey || !appPage() || !keys.includes(e.key)) {
      return;
    }
    const t = e.target;
    const field = t.matches && t.matches("input, textarea, select") || t.isContentEditable;
    const presses = e.key === " " && t.matches && t.matches("button, a, summary");
    if (!field && !presses) {
      e.preventDefault();
    }
    keep(e, { key: e.key, at: locate(t) });
  }
  function onClick(e) {
    const b = e.target.closest && e.target.closest("button");
    if (!b || b.disabled || b.closest("#app-wasm-loader") || !appPage()) {
      return;
    }
    keep(e, { click: true, at: locate(b) });
  }
  function onValue(e) {
    const f = e.target;
    if (!f.matches || !f.matches("input, select, textarea") || !appPage()) {
      return;
    }
    keep(e, { value: f.value, checked: f.checked, at: locate(f) });
  }

  let replayed = false;
  document.addEventListener("DOMContentLoaded", () => {
    const page = document.documentElement;
    if (!replayed) {
      page.style.minHeight = page.scrollHeight + "px";
    }
  });

  window.addEventListener("keydown", onKey, true);
  window.addEventListener("click", onClick, true);
  window.addEventListener("input", onValue, true);
  window.addEventListener("change", onValue, true);

  window.forklabReplayEarlyInput = function () {
    window.removeEventListener("keydown", onKey, true);
    window.removeEventListener("click", onClick, true);
    window.removeEventListener("input", onValue, true);
    window.removeEventListener("change", onValue, true);
    replayed = true;
    document.documentElement.style.removeProperty("min-height");
    const presses = queue.splice(0);
    for (const p of presses) {
      const el = find(p.at);
      if (p.key !== undefined) {
        (el || document.body).dispatchEvent(new KeyboardEvent("keydown", { key: p.key, bubbles: true, cancelable: true }));
      } else if (!el) {
        console.error("forklab: a press made while loading is lost: its element is gone", JSON.stringify(p.at));
      } else if (p.click) {
        if (!el.disabled) {
          el.click();
        }
      } else {
        if (el.type === "checkbox" || el.type === "radio") {
          el.checked = p.checked;
        } else {
          el.value = p.value;
        }
        el.dispatchEvent(new Event("input", { bubbles: true }));
        el.dispatchEvent(new Event("change", { bubbles: true }));
      }
    }
    return presses.length;
  };
})();
