/**
 * Draws the two Teams app icons from code, so they need no image tools and can be re-made at any time:
 *
 *   manifest/color.png    192×192, a white shield with a check mark on the brand colour (#3B5BDB)
 *   manifest/outline.png   32×32,  the same shield in white on a transparent background, the check cut out
 *
 * Teams wants the outline icon white-only with transparency; anti-aliasing is done with alpha alone, so every
 * pixel of it is pure white at some opacity. Run: `node --import tsx scripts/make-icons.ts`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

export const BRAND_COLOR = '#3B5BDB';

type Point = readonly [number, number];
type Rgba = readonly [number, number, number, number];

/** The shield's outline in a unit square (x right, y down), curves flattened into short straight pieces. */
function shieldPolygon(): Point[] {
  const quad = (from: Point, ctrl: Point, to: Point, steps = 24): Point[] => {
    const out: Point[] = [];
    for (let i = 1; i <= steps; i++) {
      const t = i / steps;
      const a = (1 - t) * (1 - t);
      const b = 2 * (1 - t) * t;
      const c = t * t;
      out.push([a * from[0] + b * ctrl[0] + c * to[0], a * from[1] + b * ctrl[1] + c * to[1]]);
    }
    return out;
  };
  const top: Point = [0.5, 0.06];
  const leftShoulder: Point = [0.12, 0.2];
  const leftHip: Point = [0.12, 0.5];
  const tip: Point = [0.5, 0.95];
  const rightHip: Point = [0.88, 0.5];
  const rightShoulder: Point = [0.88, 0.2];
  return [
    top,
    ...quad(top, [0.32, 0.17], leftShoulder),
    leftHip,
    ...quad(leftHip, [0.14, 0.8], tip),
    ...quad(tip, [0.86, 0.8], rightHip),
    rightShoulder,
    ...quad(rightShoulder, [0.68, 0.17], top),
  ];
}

const CHECK: Point[] = [
  [0.31, 0.5],
  [0.45, 0.65],
  [0.7, 0.37],
];
const CHECK_HALF_WIDTH = 0.055;

function insidePolygon(poly: readonly Point[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!;
    const [xj, yj] = poly[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function distanceToSegment(px: number, py: number, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const t = Math.max(0, Math.min(1, ((px - a[0]) * dx + (py - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (a[0] + t * dx), py - (a[1] + t * dy));
}

function onCheck(x: number, y: number): boolean {
  for (let i = 0; i + 1 < CHECK.length; i++) {
    if (distanceToSegment(x, y, CHECK[i]!, CHECK[i + 1]!) <= CHECK_HALF_WIDTH) return true;
  }
  return false;
}

/**
 * Renders a square image by sampling each pixel on an n×n grid (anti-aliasing by coverage).
 * `shade` maps a point of the unit square to a colour; the pixel is the average of its samples.
 */
function render(size: number, shade: (x: number, y: number) => Rgba, samples = 6): Uint8Array {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const [cr, cg, cb, ca] = shade((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          // Premultiplied, so transparent samples do not darken the edge.
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const o = (py * size + px) * 4;
      const n = samples * samples;
      rgba[o + 3] = Math.round((a / n) * 255);
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
      }
    }
  }
  return rgba;
}

function hexToRgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

/** Maps the unit square into [inset, 1-inset] so the shield sits inside a margin. */
function inset(margin: number): (x: number, y: number) => Point {
  return (x, y) => [(x - margin) / (1 - 2 * margin), (y - margin) / (1 - 2 * margin)];
}

/** 192×192: brand-colour background, white shield, check mark in the brand colour. */
export function renderColorIcon(size = 192): { width: number; height: number; rgba: Uint8Array } {
  const [br, bg, bb] = hexToRgb(BRAND_COLOR);
  const shield = shieldPolygon();
  const toShield = inset(0.2); // keep the symbol in the central ~60 %, as the Teams icon guidance asks
  const rgba = render(size, (x, y) => {
    const [u, v] = toShield(x, y);
    if (insidePolygon(shield, u, v)) {
      return onCheck(u, v) ? [br, bg, bb, 1] : [255, 255, 255, 1];
    }
    return [br, bg, bb, 1];
  });
  return { width: size, height: size, rgba };
}

/** 32×32: white shield on transparency, the check mark cut out (transparent). */
export function renderOutlineIcon(size = 32): { width: number; height: number; rgba: Uint8Array } {
  const shield = shieldPolygon();
  const toShield = inset(0.03);
  const rgba = render(size, (x, y) => {
    const [u, v] = toShield(x, y);
    return insidePolygon(shield, u, v) && !onCheck(u, v) ? [255, 255, 255, 1] : [255, 255, 255, 0];
  });
  // Fully transparent pixels are stored as white too, so the icon holds no colour but white anywhere.
  for (let o = 0; o < rgba.length; o += 4) {
    rgba[o] = 255;
    rgba[o + 1] = 255;
    rgba[o + 2] = 255;
  }
  return { width: size, height: size, rgba };
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes 8-bit RGBA pixels as a PNG (colour type 6, no interlace, filter 0 on every row). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) throw new Error('pixel buffer does not match the size');
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

export function writeIcons(dir: string): { color: string; outline: string } {
  const color = renderColorIcon();
  const outline = renderOutlineIcon();
  const colorPath = path.join(dir, 'color.png');
  const outlinePath = path.join(dir, 'outline.png');
  writeFileSync(colorPath, encodePng(color.width, color.height, color.rgba));
  writeFileSync(outlinePath, encodePng(outline.width, outline.height, outline.rgba));
  return { color: colorPath, outline: outlinePath };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'manifest');
  const written = writeIcons(dir);
  console.log(
    `wrote ${path.relative(process.cwd(), written.color)} and ${path.relative(process.cwd(), written.outline)}`,
  );
}
