// A stand-in for the `mongodb` driver (and, as `.mongoose`, for mongoose models), written into the job folder as
// node_modules/mongodb when a sample needs it: the sandbox has no MongoDB server. Every collection holds the same
// in-memory documents (alice, bob, carol; any field a query names exists in each), evaluates the Mongo operators
// a query holds ($eq $ne $gt $gte $lt $lte $in $nin $regex $exists $not $and $or $nor $where $expr) and records
// each query it is given, with the number of documents it matched, in globalThis.__dgNoSql (read by the nosql
// template's probes). It uses nothing outside this file.
'use strict';

const NAMES = ['alice', 'bob', 'carol'];
const g = globalThis;
if (!Array.isArray(g.__dgNoSql)) g.__dgNoSql = [];

function lineOf() {
  const m = /solution\.m?js:(\d+)/.exec(new Error().stack || '');
  return m ? Number(m[1]) : null;
}

/** The value of `field` in document i (every field exists: a query on any field has something to match). */
function fieldValue(i, field) {
  const f = String(field).toLowerCase();
  if (f === '_id' || f === 'id') return i + 1;
  if (/pass|pwd|secret|hash/.test(f)) return `${NAMES[i]}-pw-${i}`;
  if (/email|mail/.test(f)) return `${NAMES[i]}@example.com`;
  if (/role/.test(f)) return i === 2 ? 'admin' : 'user';
  if (/(^|_)(active|enabled|verified|published|public)$/.test(f)) return true;
  if (/(deleted|disabled|banned|archived|locked)/.test(f)) return false;
  if (/(age|count|qty|quantity|price|amount|balance|level|score|total)/.test(f)) return 10 * (i + 1);
  if (/(token|code|key|otp)/.test(f)) return `${NAMES[i]}-token-${i}`;
  if (/(tenant|org|owner|account|team)/.test(f)) return i === 0 ? 'alice' : 'other';
  return NAMES[i];
}

function get(doc, path) {
  if (Object.prototype.hasOwnProperty.call(doc, path)) return doc[path];
  return path.split('.').reduce((v, k) => (v !== null && typeof v === 'object' ? v[k] : undefined), doc);
}

function documentOf(i, fields, stored) {
  const doc = { ...(stored || {}) };
  for (const f of fields) if (!(f in doc)) doc[f] = fieldValue(i, f);
  return doc;
}

/** Every field name a query names (top level, inside $and/$or/$nor, and the paths of its operators). */
function fieldsOf(query, out = new Set()) {
  if (query === null || typeof query !== 'object') return out;
  for (const [k, v] of Object.entries(query)) {
    if (k === '$and' || k === '$or' || k === '$nor') { if (Array.isArray(v)) v.forEach((q) => fieldsOf(q, out)); } else if (!k.startsWith('$')) out.add(k);
  }
  return out;
}

const isOperatorObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof RegExp) && Object.keys(v).length > 0 && Object.keys(v).every((k) => k.startsWith('$'));

function compare(a, b) {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (a === null || a === undefined || b === null || b === undefined) return NaN;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

function equal(a, b) {
  if (b instanceof RegExp) return typeof a === 'string' && b.test(a);
  if (b === null) return a === null || a === undefined;
  if (typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return a === b || (a !== undefined && a !== null && typeof a !== 'object' && String(a) === String(b) && typeof a === typeof b);
}

function regexOf(pattern, options) {
  if (pattern instanceof RegExp) return pattern;
  try { return new RegExp(String(pattern), typeof options === 'string' ? options.replace(/[^imsu]/g, '') : ''); } catch (e) { throw new Error(`$regex is invalid: ${e.message}`); }
}

function matchValue(value, cond, doc) {
  if (!isOperatorObject(cond)) return equal(value, cond);
  for (const [op, arg] of Object.entries(cond)) {
    switch (op) {
      case '$eq': if (!equal(value, arg)) return false; break;
      case '$ne': if (equal(value, arg)) return false; break;
      case '$gt': if (!(compare(value, arg) > 0)) return false; break;
      case '$gte': if (!(compare(value, arg) >= 0)) return false; break;
      case '$lt': if (!(compare(value, arg) < 0)) return false; break;
      case '$lte': if (!(compare(value, arg) <= 0)) return false; break;
      case '$in': if (!(Array.isArray(arg) && arg.some((a) => equal(value, a)))) return false; break;
      case '$nin': if (Array.isArray(arg) && arg.some((a) => equal(value, a))) return false; break;
      case '$exists': if ((value !== undefined) !== Boolean(arg)) return false; break;
      case '$regex': if (!(typeof value === 'string' && regexOf(arg, cond.$options).test(value))) return false; break;
      case '$options': break;
      case '$not': if (matchValue(value, arg, doc)) return false; break;
      case '$where': if (!where(arg, doc)) return false; break;
      case '$size': if (!(Array.isArray(value) && value.length === arg)) return false; break;
      default: throw new Error(`unknown operator: ${op}`);
    }
  }
  return true;
}

function where(code, doc) {
  if (typeof code === 'function') return Boolean(code.call(doc));
  // A $where string is JavaScript the server would run with `this` bound to the document.
  const body = /\breturn\b/.test(String(code)) ? String(code) : `return (${code});`;
  // eslint-disable-next-line no-new-func
  return Boolean(new Function('obj', body).call(doc, doc));
}

function matches(doc, query) {
  if (query === null || query === undefined) return true;
  if (typeof query !== 'object') throw new Error('query filter must be an object');
  for (const [k, v] of Object.entries(query)) {
    if (k === '$and') { if (!v.every((q) => matches(doc, q))) return false; } else if (k === '$or') { if (!v.some((q) => matches(doc, q))) return false; } else if (k === '$nor') { if (v.some((q) => matches(doc, q))) return false; } else if (k === '$where') { if (!where(v, doc)) return false; } else if (k === '$expr' || k === '$comment' || k === '$text') { /* accepted as true */ } else if (!matchValue(get(doc, k), v, doc)) return false;
  }
  return true;
}

/** A JSON-safe copy of a query for the record: RegExps as {$regex}, functions as their source. */
function plain(value, depth = 0) {
  if (depth > 8) return '[deep]';
  if (value instanceof RegExp) return { $regex: value.source, $options: value.flags };
  if (typeof value === 'function') return { $function: String(value).slice(0, 200) };
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => plain(v, depth + 1));
  if (value !== null && typeof value === 'object') {
    if (typeof value.toHexString === 'function') return String(value.toHexString());
    const out = {};
    for (const k of Object.keys(value).slice(0, 50)) out[k] = plain(value[k], depth + 1);
    return out;
  }
  return value === undefined ? null : value;
}

class ObjectId {
  constructor(id) { this.id = id === undefined ? String(Date.now()) : String(id); }
  toHexString() { return this.id; }
  toString() { return this.id; }
  static isValid(id) { return /^[0-9a-f]{24}$/i.test(String(id)) || Number.isInteger(id); }
}

/** A query result as the driver returns it: a cursor (toArray, limit, sort...) that is also a thenable. */
function cursor(docsPromiseFn) {
  let limit = Infinity;
  let skip = 0;
  const c = {
    limit(n) { limit = Number(n) || Infinity; return c; },
    skip(n) { skip = Number(n) || 0; return c; },
    sort() { return c; }, project() { return c; }, select() { return c; }, lean() { return c; }, populate() { return c; },
    collation() { return c; }, hint() { return c; }, batchSize() { return c; }, maxTimeMS() { return c; },
    async toArray() { return docsPromiseFn().slice(skip, skip + limit); },
    exec() { return c.toArray(); },
    then(resolve, reject) { return c.toArray().then(resolve, reject); },
    catch(reject) { return c.toArray().catch(reject); },
    async count() { return (await c.toArray()).length; },
    async forEach(fn) { (await c.toArray()).forEach(fn); },
    [Symbol.asyncIterator]() { let docs = null; let i = 0; return { next: async () => { if (docs === null) docs = await c.toArray(); return i < docs.length ? { value: docs[i++], done: false } : { value: undefined, done: true }; } }; },
  };
  return c;
}

function single(fn) {
  const p = { then: (a, b) => Promise.resolve().then(fn).then(a, b), catch: (b) => Promise.resolve().then(fn).catch(b), exec: () => Promise.resolve().then(fn), lean: () => p, select: () => p, populate: () => p, sort: () => p };
  return p;
}

class Collection {
  constructor(name) { this.collectionName = String(name || 'items'); this.stored = new Map(); }

  _run(method, query, options) {
    const fields = [...fieldsOf(query)];
    const docs = NAMES.map((_, i) => documentOf(i, fields, this.stored.get(i)));
    let matched;
    let error = null;
    try { matched = docs.filter((d) => matches(d, query)); } catch (e) { matched = []; error = e; }
    if (g.__dgNoSql.length < 200) g.__dgNoSql.push({ method, collection: this.collectionName, query: plain(query), matched: matched.length, line: lineOf(), error: error ? String(error.message) : null });
    if (error) throw error;
    return matched;
  }

  find(query = {}, options) { return cursor(() => this._run('find', query, options)); }
  findOne(query = {}, options) { return single(() => this._run('findOne', query, options)[0] || null); }
  countDocuments(query = {}) { return single(() => this._run('countDocuments', query).length); }
  count(query = {}) { return this.countDocuments(query); }
  estimatedDocumentCount() { return Promise.resolve(NAMES.length); }
  distinct(field, query = {}) { return single(() => this._run('distinct', query).map((d) => get(d, field))); }
  _update(method, query, update, many) {
    return single(() => {
      const hit = this._run(method, query);
      const n = many ? hit.length : Math.min(1, hit.length);
      return { acknowledged: true, matchedCount: n, modifiedCount: n, deletedCount: n, upsertedId: null, value: hit[0] || null, ok: 1, n };
    });
  }
  updateOne(q, u) { return this._update('updateOne', q, u, false); }
  updateMany(q, u) { return this._update('updateMany', q, u, true); }
  replaceOne(q, u) { return this._update('replaceOne', q, u, false); }
  deleteOne(q) { return this._update('deleteOne', q, null, false); }
  deleteMany(q) { return this._update('deleteMany', q, null, true); }
  findOneAndUpdate(q) { return single(() => this._run('findOneAndUpdate', q)[0] || null); }
  findOneAndDelete(q) { return single(() => this._run('findOneAndDelete', q)[0] || null); }
  findOneAndReplace(q) { return single(() => this._run('findOneAndReplace', q)[0] || null); }
  insertOne(doc) { return Promise.resolve({ acknowledged: true, insertedId: new ObjectId(4) }); }
  insertMany(docs) { return Promise.resolve({ acknowledged: true, insertedCount: Array.isArray(docs) ? docs.length : 0 }); }
  aggregate(pipeline) {
    const first = Array.isArray(pipeline) ? pipeline.find((s) => s && s.$match) : null;
    return cursor(() => this._run('aggregate', first ? first.$match : {}));
  }
  createIndex() { return Promise.resolve('dg_index'); }
  // a database or client given where the code expects one: db.collection('users'), client.db('app')
  collection(name) { return collection(name); }
  db() { return this; }
  // mongoose model spellings
  exists(q) { return single(() => (this._run('exists', q)[0] ? { _id: 1 } : null)); }
  findById(id) { return this.findOne({ _id: id }); }
  where(path, value) { return this.find(value === undefined ? {} : { [path]: value }); }
}

const collections = new Map();
function collection(name) {
  const key = String(name || 'items');
  if (!collections.has(key)) collections.set(key, new Collection(key));
  return collections.get(key);
}

class Db {
  constructor(name) { this.databaseName = name || 'app'; }
  collection(name) { return collection(name); }
  command() { return Promise.resolve({ ok: 1 }); }
  listCollections() { return cursor(() => []); }
}

class MongoClient {
  constructor(url, options) { this.url = url; this.options = options; }
  static connect(url, options, cb) { const c = new MongoClient(url, options); if (typeof cb === 'function') { setImmediate(() => cb(null, c)); return undefined; } return Promise.resolve(c); }
  connect(cb) { if (typeof cb === 'function') { setImmediate(() => cb(null, this)); return undefined; } return Promise.resolve(this); }
  db(name) { return new Db(name); }
  close() { return Promise.resolve(); }
  on() { return this; }
}

// mongoose, as far as models and queries go
class Schema {
  constructor(definition, options) { this.definition = definition; this.options = options; this.methods = {}; this.statics = {}; }
  pre() { return this; } post() { return this; } index() { return this; } virtual() { return { get: () => this, set: () => this }; } set() { return this; } plugin() { return this; }
}
Schema.Types = { ObjectId, String, Number, Boolean, Date, Mixed: Object };
const models = {};
function model(name, schema) {
  if (models[name]) return models[name];
  const c = collection(String(name).toLowerCase() + 's');
  function Model(doc) { Object.assign(this, doc || {}); }
  Model.prototype.save = function save() { return Promise.resolve(this); };
  for (const k of Object.getOwnPropertyNames(Collection.prototype)) if (k !== 'constructor') Model[k] = Collection.prototype[k].bind(c);
  Model.create = (doc) => Promise.resolve(new Model(doc));
  Model.modelName = name;
  if (schema && schema.statics) Object.assign(Model, schema.statics);
  models[name] = Model;
  return Model;
}
const mongoose = {
  Schema, model, models, Types: { ObjectId }, ObjectId,
  connect: () => Promise.resolve(mongoose), disconnect: () => Promise.resolve(), set: () => mongoose,
  connection: { on: () => mongoose.connection, once: () => mongoose.connection, readyState: 1, close: () => Promise.resolve() },
  isValidObjectId: (id) => ObjectId.isValid(id),
};

module.exports = { MongoClient, Db, Collection, ObjectId, collection, mongoose, __dgStandIn: true };
