// Writes the add-in icons (assets/icon-SIZE.png): a green rounded square with three white bars
// (a small bar chart). Pure Node + zlib so the committed PNGs can always be regenerated:
//   node scripts/make-icons.cjs
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const GREEN = [0x10, 0x7c, 0x41, 0xff]; // Excel green
const WHITE = [0xff, 0xff, 0xff, 0xff];
const CLEAR = [0, 0, 0, 0];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function pixel(x, y, n) {
  const r = Math.max(2, Math.round(n / 6)); // corner radius
  const inCorner = (cx, cy) => (x - cx) ** 2 + (y - cy) ** 2 > r * r;
  if (x < r && y < r && inCorner(r, r)) return CLEAR;
  if (x >= n - r && y < r && inCorner(n - r - 1, r)) return CLEAR;
  if (x < r && y >= n - r && inCorner(r, n - r - 1)) return CLEAR;
  if (x >= n - r && y >= n - r && inCorner(n - r - 1, n - r - 1)) return CLEAR;
  // Three bars of growing height on a baseline at 80%.
  const base = Math.round(n * 0.8);
  const w = Math.max(2, Math.round(n * 0.16));
  const gap = Math.max(1, Math.round(n * 0.08));
  const left = Math.round((n - 3 * w - 2 * gap) / 2);
  const heights = [0.3, 0.45, 0.6];
  for (let i = 0; i < 3; i++) {
    const x0 = left + i * (w + gap);
    const top = base - Math.round(n * heights[i]);
    if (x >= x0 && x < x0 + w && y >= top && y < base) return WHITE;
  }
  return GREEN;
}

function png(n) {
  const raw = Buffer.alloc((n * 4 + 1) * n);
  for (let y = 0; y < n; y++) {
    raw[y * (n * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < n; x++) Buffer.from(pixel(x, y, n)).copy(raw, y * (n * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(n, 0);
  ihdr.writeUInt32BE(n, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const dir = path.join(__dirname, "..", "assets");
fs.mkdirSync(dir, { recursive: true });
for (const n of SIZES) fs.writeFileSync(path.join(dir, `icon-${n}.png`), png(n));
console.log(`icone scritte in ${dir}: ${SIZES.map((n) => `icon-${n}.png`).join(", ")}`);
