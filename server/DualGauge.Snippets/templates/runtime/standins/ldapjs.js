// A stand-in for the `ldapjs` client (and, as `.ldapts`, for ldapts' Client), written into the job folder as
// node_modules/ldapjs when a sample needs it: the sandbox has no directory server. Every search records its base and
// filter text in globalThis.__dgLdap (read by the ldap template's probes) and answers with one entry. It uses nothing
// outside this file.
'use strict';

const { EventEmitter } = require('events');

const g = globalThis;
if (!Array.isArray(g.__dgLdap)) g.__dgLdap = [];

function lineOf() {
  const m = /solution\.m?js:(\d+)/.exec(new Error().stack || '');
  return m ? Number(m[1]) : null;
}

function record(base, filter) {
  const text = filter === undefined || filter === null ? '(objectClass=*)' : String(typeof filter === 'object' && typeof filter.toString === 'function' ? filter.toString() : filter);
  if (g.__dgLdap.length < 200) g.__dgLdap.push({ base: String(base), filter: text, line: lineOf() });
}

const ENTRY = { dn: 'uid=alice,ou=people,dc=example,dc=com', uid: 'alice', cn: 'Alice Example', mail: 'alice@example.com', sn: 'Example', memberOf: 'cn=staff,ou=groups,dc=example,dc=com' };

function searchEntry() {
  const attributes = Object.entries(ENTRY).filter(([k]) => k !== 'dn').map(([type, v]) => ({ type, values: [v], vals: [v], json: { type, vals: [v] } }));
  return { dn: ENTRY.dn, objectName: ENTRY.dn, object: { ...ENTRY }, pojo: { objectName: ENTRY.dn, attributes }, attributes, json: { ...ENTRY } };
}

/** An ldapjs-style filter object (EqualityFilter, AndFilter...) whose text is the RFC 4515 string. */
const escapeValue = (v) => String(v).replace(/[\\*()\0]/g, (c) => '\\' + c.charCodeAt(0).toString(16).padStart(2, '0'));
class Filter { toString() { return this.text(); } }
class EqualityFilter extends Filter { constructor(o) { super(); Object.assign(this, o); } text() { return `(${this.attribute}=${escapeValue(this.value)})`; } }
class PresenceFilter extends Filter { constructor(o) { super(); Object.assign(this, o); } text() { return `(${this.attribute}=*)`; } }
class SubstringFilter extends Filter {
  constructor(o) { super(); Object.assign(this, o); }
  text() { return `(${this.attribute}=${this.initial ? escapeValue(this.initial) : ''}*${(this.any || []).map((a) => escapeValue(a) + '*').join('')}${this.final ? escapeValue(this.final) : ''})`; }
}
class AndFilter extends Filter { constructor(o = {}) { super(); this.filters = o.filters || []; } addFilter(f) { this.filters.push(f); } text() { return `(&${this.filters.map(String).join('')})`; } }
class OrFilter extends Filter { constructor(o = {}) { super(); this.filters = o.filters || []; } addFilter(f) { this.filters.push(f); } text() { return `(|${this.filters.map(String).join('')})`; } }
class NotFilter extends Filter { constructor(o = {}) { super(); this.filter = o.filter; } text() { return `(!${String(this.filter)})`; } }

function parseFilter(text) {
  const s = String(text);
  if (!s.startsWith('(') || !s.endsWith(')')) throw new Error(`invalid filter: ${s}`);
  return { toString: () => s };
}

class Client extends EventEmitter {
  constructor(options) { super(); this.options = options; this.connected = true; setImmediate(() => this.emit('connect')); }
  bind(dn, password, ...rest) {
    const cb = rest.find((a) => typeof a === 'function');
    if (cb) { setImmediate(() => cb(null)); return undefined; }
    return Promise.resolve();
  }
  unbind(cb) { if (typeof cb === 'function') setImmediate(() => cb(null)); return Promise.resolve(); }
  destroy() {}
  search(base, options, ...rest) {
    const opts = typeof options === 'string' ? { filter: options } : options || {};
    record(base, opts.filter);
    const cb = [options, ...rest].find((a) => typeof a === 'function');
    if (cb) {
      const res = new EventEmitter();
      setImmediate(() => {
        cb(null, res);
        setImmediate(() => { res.emit('searchEntry', searchEntry()); res.emit('end', { status: 0 }); });
      });
      return undefined;
    }
    // ldapts: a promise of { searchEntries, searchReferences }
    return Promise.resolve({ searchEntries: [{ ...ENTRY }], searchReferences: [] });
  }
  compare(dn, attribute, value, cb) { if (typeof cb === 'function') setImmediate(() => cb(null, true)); return Promise.resolve(true); }
  modify(dn, change, cb) { if (typeof cb === 'function') setImmediate(() => cb(null)); return Promise.resolve(); }
  add(dn, entry, cb) { if (typeof cb === 'function') setImmediate(() => cb(null)); return Promise.resolve(); }
  del(dn, cb) { if (typeof cb === 'function') setImmediate(() => cb(null)); return Promise.resolve(); }
  starttls(o, c, cb) { if (typeof cb === 'function') setImmediate(() => cb(null)); return Promise.resolve(); }
}

const createClient = (options) => new Client(options);
const filters = { EqualityFilter, PresenceFilter, SubstringFilter, AndFilter, OrFilter, NotFilter, parseString: parseFilter };
class Change { constructor(o) { Object.assign(this, o); } }
class Attribute { constructor(o) { Object.assign(this, o); } }

module.exports = {
  createClient, Client, parseFilter, filters, Change, Attribute, EqualityFilter, PresenceFilter, SubstringFilter, AndFilter, OrFilter, NotFilter,
  InvalidCredentialsError: class InvalidCredentialsError extends Error {}, NoSuchObjectError: class NoSuchObjectError extends Error {},
  ldapts: { Client }, __dgStandIn: true,
};
