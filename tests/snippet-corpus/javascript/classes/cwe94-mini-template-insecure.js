// corpus: label=insecure cwe=CWE-94 function=compile class=MiniTemplate
/**
 * Tiny "{{ expression }}" template engine for the notification editor.
 * Admin users and tenants can write their own notification templates.
 */
class MiniTemplate {
  constructor() {
    this.cache = new Map();
  }

  compile(source) {
    if (this.cache.has(source)) return this.cache.get(source);

    const body = source
      .split(/(\{\{[\s\S]+?\}\})/)
      .map((part) => {
        const m = part.match(/^\{\{([\s\S]+?)\}\}$/);
        return m ? `out += String(${m[1].trim()});` : `out += ${JSON.stringify(part)};`;
      })
      .join('\n');

    const fn = new Function('data', `let out = ''; with (data) { ${body} } return out;`);
    this.cache.set(source, fn);
    return fn;
  }

  render(source, data) {
    return this.compile(source)(data);
  }
}

module.exports = MiniTemplate;
