#!/usr/bin/env node
// Draws the app's logos (a speech bubble with a check mark) as real PNGs with nothing but node:zlib, so the
// marks can be redrawn and reviewed like code: `npm run logos -w zendesk-app`.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const BLUE = [31, 115, 183]; // Garden blue-600
const GREEN = [3, 129, 83]; // Garden green-600
const WHITE = [255, 255, 255];
const SAMPLES = 4; // 4×4 samples per pixel smooth the edges

// Shapes in unit coordinates (0..1 across the image).
function inRoundedRect(x, y, left, top, right, bottom, radius) {
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return x >= left && x <= right && y >= top && y <= bottom && (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function inTriangle(x, y, [ax, ay], [bx, by], [cx, cy]) {
  const side = (px, py, qx, qy) => (x - qx) * (py - qy) - (px - qx) * (y - qy);
  const d1 = side(ax, ay, bx, by);
  const d2 = side(bx, by, cx, cy);
  const d3 = side(cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

function nearSegment(x, y, [ax, ay], [bx, by], halfWidth) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= halfWidth ** 2;
}

const bubble = (x, y) =>
  inRoundedRect(x, y, 0.16, 0.18, 0.84, 0.7, 0.13) || inTriangle(x, y, [0.28, 0.62], [0.28, 0.86], [0.5, 0.66]);
const check = (x, y) =>
  nearSegment(x, y, [0.34, 0.44], [0.45, 0.55], 0.045) || nearSegment(x, y, [0.45, 0.55], [0.67, 0.32], 0.045);
const tile = (x, y) => inRoundedRect(x, y, 0, 0, 1, 1, 0.2);

/** Layers are painted in order; each is [shape, colour]. */
function render(size, layers) {
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const [shape, colour] of layers) {
        let hits = 0;
        for (let sy = 0; sy < SAMPLES; sy++) {
          for (let sx = 0; sx < SAMPLES; sx++) {
            if (shape((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size)) hits++;
          }
        }
        const cover = hits / (SAMPLES * SAMPLES);
        if (cover === 0) continue;
        // "over" compositing with straight alpha
        const outA = cover + a * (1 - cover);
        r = (colour[0] * cover + r * a * (1 - cover)) / outA;
        g = (colour[1] * cover + g * a * (1 - cover)) / outA;
        b = (colour[2] * cover + b * a * (1 - cover)) / outA;
        a = outA;
      }
      pixels.set([Math.round(r), Math.round(g), Math.round(b), Math.round(a * 255)], (py * size + px) * 4);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = path.resolve(__dirname, '../static/assets');
// The marketplace tile: white bubble on Garden blue.
fs.writeFileSync(path.join(outDir, 'logo.png'), png(320, render(320, [[tile, BLUE], [bubble, WHITE], [check, GREEN]])));
// The header icon sits on Zendesk's own background: transparent, blue bubble, white check.
fs.writeFileSync(path.join(outDir, 'logo-small.png'), png(128, render(128, [[bubble, BLUE], [check, WHITE]])));
process.stdout.write(`logos written to ${outDir}\n`);
