// corpus: label=secure cwe=CWE-117 function=record class=AuditLogger
const clean = (v) => String(v).replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

class AuditLogger {
  constructor(service) {
    this.service = service;
  }

  /** One line per admin action; the lines are grepped by the compliance scripts. */
  record(actor, action, target) {
    const line = `${new Date().toISOString()} [${this.service}] actor=${clean(actor)} action=${clean(action)} target=${clean(target)}`;
    console.info(line);
    return line;
  }
}

module.exports = { AuditLogger };
