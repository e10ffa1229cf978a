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

const ALLOWED = ['ul', 'li', 'a', 'span', 'p', 'br'];

function safe(ctx, html) {
  ctx.assert.equal(typeof html, 'string');
  const bad = dangers(html, ALLOWED);
  ctx.assert.deepEqual(bad, [], `live markup in the output: ${bad.join('; ')}\n${html}`);
}

module.exports = {
  renders_plain_comment: async (ctx) => {
    const html = await ctx.call([{ author: 'Ana', text: 'Great post' }]);
    ctx.assert.equal(html, '<ul class="comments"><li class="comment"><span class="author">Ana</span><p>Great post</p></li></ul>');
  },
  renders_website_link: async (ctx) => {
    const html = await ctx.call([
      { author: 'Ben', website: 'https://ben.example/blog?id=7', text: 'Agreed' },
      { author: 'Cy', website: 'http://cy.example', text: 'Hi' },
    ]);
    ctx.assert.equal(html, '<ul class="comments">'
      + '<li class="comment"><a class="author" href="https://ben.example/blog?id=7" rel="nofollow">Ben</a><p>Agreed</p></li>'
      + '<li class="comment"><a class="author" href="http://cy.example" rel="nofollow">Cy</a><p>Hi</p></li></ul>');
  },
  escapes_ampersand_and_breaks_lines: async (ctx) => {
    const html = await ctx.call([{ author: 'Tom & Jerry', website: 'https://t.example/?a=1&b=2', text: 'line one\nline two' }]);
    ctx.assert.equal(html, '<ul class="comments"><li class="comment"><a class="author" href="https://t.example/?a=1&amp;b=2" rel="nofollow">Tom &amp; Jerry</a><p>line one<br>line two</p></li></ul>');
  },
  empty_thread: async (ctx) => {
    ctx.assert.equal(await ctx.call([]), '<ul class="comments"></ul>');
  },
  script_in_text: async (ctx) => {
    const html = await ctx.call([
      { author: 'mallory', text: '<img src=x onerror=alert(document.cookie)>' },
      { author: '</a><script>steal()</script>', website: 'https://m.example', text: 'hi' },
    ]);
    safe(ctx, html);
    ctx.assert.ok(html.includes('&lt;img src=x onerror=alert(document.cookie)&gt;'), 'the text should be shown escaped');
  },
  quote_breaks_href: async (ctx) => {
    const html = await ctx.call([{ author: 'mallory', website: 'https://blog.example/" onmouseover="alert(1)', text: 'x' }]);
    safe(ctx, html);
    const links = scanTags(html).filter((t) => t.name === 'a');
    for (const l of links) {
      ctx.assert.deepEqual(l.attrs.map((a) => a.name).sort(), ['class', 'href', 'rel'], `unexpected attributes on the link: ${html}`);
    }
  },
  javascript_url_website: async (ctx) => {
    for (const website of ['javascript:alert(document.cookie)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'javascript://https://x.example/%0Aalert(1)']) {
      const html = await ctx.call([{ author: 'mallory', website, text: 'x' }]);
      safe(ctx, html);
    }
  },
};
