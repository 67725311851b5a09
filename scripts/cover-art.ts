/**
 * Event cover pictures drawn and PNG-encoded here (no binary fixture, no image library), for the demo events and
 * the browser journey: 480×240, a scene per kind of event.
 */
import { deflateSync } from 'node:zlib';

type Rgb = [number, number, number];
export type CoverScene = 'table_tennis' | 'outing' | 'reading';

const WHITE: Rgb = [255, 255, 255];

/** What colour the scene has at (x, y) of a width × height picture. */
const SCENES: Record<CoverScene, (x: number, y: number, width: number, height: number) => Rgb> = {
  // A green table with its net and a white ball on a red-to-orange ground.
  table_tennis: (x, y, width, height) => {
    const [tx0, tx1, ty0, ty1] = [width * 0.18, width * 0.82, height * 0.5, height * 0.88];
    if (Math.hypot(x - width * 0.7, y - height * 0.24) < height * 0.06) return WHITE;
    if (x >= tx0 && x < tx1 && y >= ty0 && y < ty1) {
      const edge = x < tx0 + 3 || x >= tx1 - 3 || y < ty0 + 3 || y >= ty1 - 3 || Math.abs(x - width / 2) < 2;
      return edge ? WHITE : [22, 112, 64];
    }
    return [200 + Math.round((40 * x) / width), 22 + Math.round((90 * y) / height), 29];
  },
  // Two green mountains under a blue sky with a yellow sun.
  outing: (x, y, width, height) => {
    if (Math.hypot(x - width * 0.8, y - height * 0.25) < height * 0.1) return [255, 214, 74];
    const peak = (cx: number, top: number) => y > top + Math.abs(x - cx) * 0.9;
    if (peak(width * 0.35, height * 0.3)) return [46, 125, 80];
    if (peak(width * 0.65, height * 0.45)) return [76, 160, 100];
    return [90 + Math.round((60 * y) / height), 160 + Math.round((50 * y) / height), 230];
  },
  // An open book on a warm ground.
  reading: (x, y, width, height) => {
    const [bx0, bx1, by0, by1] = [width * 0.25, width * 0.75, height * 0.22, height * 0.8];
    if (x >= bx0 && x < bx1 && y >= by0 && y < by1) {
      if (Math.abs(x - width / 2) < 2) return [150, 110, 70];
      const line = (Math.round(y - by0) % 14 === 0) && y > by0 + 20 && y < by1 - 14 && Math.abs(x - width / 2) > 16 && x > bx0 + 16 && x < bx1 - 16;
      return line ? [190, 190, 190] : [252, 248, 236];
    }
    return [236, 150 + Math.round((40 * y) / height), 60];
  },
};

export function coverPng(scene: CoverScene = 'table_tennis', width = 480, height = 240): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const paint = SCENES[scene];
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3); // filter type 0, then RGB
    for (let x = 0; x < width; x++) row.set(paint(x, y, width, height), 1 + x * 3);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}
