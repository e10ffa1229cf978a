// Probes for the nosql template. The sandbox has no MongoDB server: a sample that requires `mongodb` or `mongoose`
// loads the stand-in driver written into its job folder (templates/runtime/standins/mongodb.js), and a parameter that
// is the database, client or collection gets a collection of the same stand-in. It evaluates the Mongo operators of
// every query on three in-memory documents and records the query with how many documents it matched. A payload that
// became an operator of the evaluated query and matched more documents than the benign input did is the finding.
const STAND_IN = 'node_modules/mongodb';
const COLLECTION_NAME = /^(db|database|mongo|mongoDb|client|collection|coll|col|store|repo|repository|users|accounts|customers|products|orders|items|sessions|documents|posts|model|Model)$|(Collection|Coll|Db|Model)$/;

const MONGO_CALL = /\.(findOne|countDocuments|insertOne|insertMany|updateOne|updateMany|deleteOne|deleteMany|replaceOne|findOneAnd\w+|aggregate|distinct|findById)\s*\(|\.find\s*\(\s*\{|\.collection\s*\(/;

/** Every parameter that is the database, client or collection of a function making Mongo calls. */
STAND_INS.push(async (t, q) => {
  const code = t.spec.code || '';
  if (!MONGO_CALL.test(code)) return null;
  if (['connection', 'dependency'].includes(q.role) || COLLECTION_NAME.test(q.name)) {
    return t.ctx.handle('return require(args[0]).collection(args[1]);', path.join(t.jobDir, STAND_IN), q.name);
  }
  return null;
});

async function queries(ctx) {
  return (await ctx.probe('const r = Array.isArray(globalThis.__dgNoSql) ? globalThis.__dgNoSql : []; globalThis.__dgNoSql = []; return r;')) || [];
}

function operators(value, ops) {
  if (Array.isArray(value)) return value.reduce((n, v) => n + operators(v, ops), 0);
  if (value !== null && typeof value === 'object') return Object.entries(value).reduce((n, [k, v]) => n + (ops.includes(k) ? 1 : 0) + operators(v, ops), 0);
  return 0;
}

/** The inputs an attacker writes (every text and password field the function reads, the probe's first). */
function attacked(t, p) {
  const names = t.params.filter((q) => ['text', 'password'].includes(q.role) && ['arg', 'prop', 'json', 'query', 'form'].includes(q.where)).map((q) => q.name);
  return [p.input, ...names.filter((n) => n !== p.input)];
}

async function judge(ctx, t, p, payloads, benign, ops) {
  const given = {};
  const inputs = [];
  for (const n of attacked(t, p)) if ((await t.standInFor(t.param(n))) === null) inputs.push(n);
  const each = (value) => Object.fromEntries(inputs.map((n) => [n, value]));
  await queries(ctx);
  await t.call(benign === null ? { ...given } : { ...given, ...each(benign) });
  const before = await queries(ctx);
  const baseMatched = Math.max(0, ...before.map((q) => q.matched));
  const baseOps = Math.max(0, ...before.map((q) => operators(q.query, ops)));
  let reached = before.length > 0;
  for (const payload of payloads) {
    await t.call({ ...given, ...each(payload) });
    const after = await queries(ctx);
    reached = reached || after.length > 0;
    for (const q of after) {
      const grew = ops.length ? operators(q.query, ops) > baseOps : operators(q.query, ['$where']) > 0;
      if (grew && q.matched > baseMatched) {
        const where = q.line ? ` at solution.js:${q.line}` : '';
        finding(`${inputs.join(', ')} = ${JSON.stringify(payload)} ${ops.length ? 'became an operator of the query' : 'rewrote the $where code of the query'}${where}: `
          + `${q.method}(${JSON.stringify(q.query).slice(0, 200)}) matched ${q.matched} documents, the benign input ${baseMatched}`);
      }
    }
  }
  if (!reached) ctx.notJudged('the function handed the stand-in collection no query');
}

async function nosql_operator_js(ctx, t, p) {
  const payloads = [JSON.parse(p.payload), { $gt: '' }, { $regex: '.*' }, { $nin: [] }];
  await judge(ctx, t, p, payloads, null, ['$ne', '$gt', '$regex', '$nin']);
}

async function nosql_where_js(ctx, t, p) {
  await judge(ctx, t, p, [p.payload, 'dgnobody" || "1"=="1'], 'dgnobody', []);
}
