// gif-worker.js: the page's GIF encoder, a Web Worker that the Save menu
// starts only when asked for a GIF, so that none of it weighs on app.wasm or
// on the page's start. It takes the frames the page drew on a canvas (RGBA,
// all of one size) one message at a time and encodes an animated GIF89a
// that loops forever: per frame a palette of the frame's 256 most used
// colours (a local colour table; any other colour maps to its nearest), and
// LZW as compress/lzw in Go writes it (LSB first, 8-bit literals, a clear
// code when the 4096 codes are used up), so that Go's image/gif and every
// viewer read it.
//
// Messages in:  {type: "start", width, height, frames}
//               {type: "frame", data: ArrayBuffer (RGBA), delay: 1/100 s}
//               {type: "finish"}
// Messages out: {type: "progress", done, total}
//               {type: "done", blob, frames}
//               {type: "error", message}
"use strict";

let width = 0;
let height = 0;
let total = 0;
let done = 0;
let parts = [];

self.onmessage = (ev) => {
  const m = ev.data;
  try {
    switch (m.type) {
      case "start":
        if (!(m.width > 0 && m.width < 65536 && m.height > 0 && m.height < 65536)) {
          throw new Error("a GIF is 1 to 65535 pixels wide and high, not " + m.width + "×" + m.height);
        }
        width = m.width;
        height = m.height;
        total = m.frames;
        done = 0;
        parts = [header(width, height)];
        break;
      case "frame":
        if (parts.length === 0) {
          throw new Error("a frame before the start");
        }
        if (m.data.byteLength !== width * height * 4) {
          throw new Error("frame " + done + " has " + m.data.byteLength + " bytes, not " + width * height * 4);
        }
        parts.push(frame(new Uint8Array(m.data), m.delay));
        done++;
        self.postMessage({ type: "progress", done: done, total: total });
        break;
      case "finish":
        if (done !== total) {
          throw new Error("finished after " + done + " of " + total + " frames");
        }
        parts.push(Uint8Array.of(0x3b)); // trailer
        self.postMessage({ type: "done", blob: new Blob(parts, { type: "image/gif" }), frames: done });
        parts = [];
        break;
      default:
        throw new Error("unknown message " + m.type);
    }
  } catch (e) {
    self.postMessage({ type: "error", message: String((e && e.message) || e) });
  }
};

// header is the signature, the logical screen (no global colour table) and
// the NETSCAPE2.0 extension with a loop count of 0: loop forever.
function header(w, h) {
  const b = new Bytes();
  b.text("GIF89a");
  b.u16(w);
  b.u16(h);
  b.push(0x00, 0x00, 0x00);
  b.push(0x21, 0xff, 0x0b);
  b.text("NETSCAPE2.0");
  b.push(0x03, 0x01, 0x00, 0x00, 0x00);
  return b.bytes();
}

// frame encodes one RGBA frame shown for delay hundredths of a second.
function frame(rgba, delay) {
  const { table, indices } = quantize(rgba);
  const b = new Bytes();
  // Graphic control extension: disposal 1 (leave the frame), no transparency.
  b.push(0x21, 0xf9, 0x04, 0x04);
  b.u16(Math.max(2, Math.min(65535, delay | 0)));
  b.push(0x00, 0x00);
  // Image descriptor: the whole screen, a local colour table of 256 entries.
  b.push(0x2c);
  b.u16(0);
  b.u16(0);
  b.u16(width);
  b.u16(height);
  b.push(0x87);
  b.append(table);
  b.push(8); // LZW minimum code size
  const data = lzw(indices, 8);
  for (let i = 0; i < data.length; i += 255) {
    const n = Math.min(255, data.length - i);
    b.push(n);
    b.append(data.subarray(i, i + n));
  }
  b.push(0x00);
  return b.bytes();
}

// quantize picks the frame's 256 most used colours (in order of use) and
// maps every pixel to its colour or, for the others, the nearest one.
function quantize(rgba) {
  const n = rgba.length / 4;
  const counts = new Map();
  for (let i = 0; i < n; i++) {
    const k = (rgba[4 * i] << 16) | (rgba[4 * i + 1] << 8) | rgba[4 * i + 2];
    counts.set(k, (counts.get(k) || 0) + 1);
  }
  const colours = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 256).map((e) => e[0]);
  const table = new Uint8Array(768);
  const index = new Map();
  colours.forEach((k, i) => {
    table[3 * i] = k >> 16;
    table[3 * i + 1] = (k >> 8) & 255;
    table[3 * i + 2] = k & 255;
    index.set(k, i);
  });
  const indices = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const k = (rgba[4 * i] << 16) | (rgba[4 * i + 1] << 8) | rgba[4 * i + 2];
    let x = index.get(k);
    if (x === undefined) {
      x = nearest(colours, k);
      index.set(k, x);
    }
    indices[i] = x;
  }
  return { table, indices };
}

function nearest(colours, k) {
  const r = k >> 16, g = (k >> 8) & 255, b = k & 255;
  let best = 0, bestD = Infinity;
  for (let i = 0; i < colours.length; i++) {
    const c = colours[i];
    const dr = (c >> 16) - r, dg = ((c >> 8) & 255) - g, db = (c & 255) - b;
    const d = 2 * dr * dr + 4 * dg * dg + 3 * db * db;
    if (d < bestD) {
      best = i;
      bestD = d;
    }
  }
  return best;
}

// lzw compresses indices as GIF's LZW with litWidth-bit literals, code for
// code as Go's compress/lzw Writer (LSB order) does: a clear code first, the
// code width grows when the next code needs it, and a clear code resets the
// table when code 4095 would be assigned.
function lzw(indices, litWidth) {
  const clear = 1 << litWidth;
  const eof = clear + 1;
  const maxCode = 4095;
  const out = new Bytes();
  let bits = 0, nBits = 0;
  let w = litWidth + 1, hi = eof, overflow = 1 << (litWidth + 1);
  let table = new Map();
  const write = (code) => {
    bits |= code << nBits;
    nBits += w;
    while (nBits >= 8) {
      out.push(bits & 255);
      bits >>>= 8;
      nBits -= 8;
    }
  };
  // incHi assigns the next code and reports whether the table was reset.
  const incHi = () => {
    hi++;
    if (hi === overflow) {
      w++;
      overflow <<= 1;
    }
    if (hi === maxCode) {
      write(clear);
      w = litWidth + 1;
      hi = eof;
      overflow = clear << 1;
      table = new Map();
      return true;
    }
    return false;
  };
  write(clear);
  if (indices.length === 0) {
    write(eof);
  } else {
    let code = indices[0];
    for (let i = 1; i < indices.length; i++) {
      const lit = indices[i];
      const key = (code << 8) | lit;
      const hit = table.get(key);
      if (hit !== undefined) {
        code = hit;
        continue;
      }
      write(code);
      code = lit;
      if (!incHi()) {
        table.set(key, hi);
      }
    }
    write(code);
    incHi();
    write(eof);
  }
  if (nBits > 0) {
    out.push(bits & 255);
  }
  return out.bytes();
}

// Bytes is a growing byte buffer.
class Bytes {
  constructor() {
    this.buf = new Uint8Array(1 << 16);
    this.n = 0;
  }
  grow(k) {
    if (this.n + k > this.buf.length) {
      const b = new Uint8Array(Math.max(this.buf.length * 2, this.n + k));
      b.set(this.buf.subarray(0, this.n));
      this.buf = b;
    }
  }
  push(...xs) {
    this.grow(xs.length);
    for (const x of xs) this.buf[this.n++] = x;
  }
  append(a) {
    this.grow(a.length);
    this.buf.set(a, this.n);
    this.n += a.length;
  }
  u16(x) {
    this.push(x & 255, (x >> 8) & 255);
  }
  text(s) {
    for (let i = 0; i < s.length; i++) this.push(s.charCodeAt(i));
  }
  bytes() {
    return this.buf.slice(0, this.n);
  }
}
