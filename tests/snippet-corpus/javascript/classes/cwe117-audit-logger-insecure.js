// corpus: label=insecure cwe=CWE-117 function=record class=AuditLogger
class AuditLogger {
  constructor(service) {
    this.service = service;
  }

  /** One line per admin action; the lines are grepped by the compliance scripts. */
  record(actor, action, target) {
    const line = `${new Date().toISOString()} [${this.service}] actor=${actor} action=${action} target=${target}`;
    console.info(line);
    return line;
  }
}

module.exports = { AuditLogger };
