/**
 * Random input against every write route of the OpenAPI document: bodies built from each route's
 * own field names with random JSON values (wrong types, huge and odd strings, nesting, nulls), plain
 * random JSON, and random path parameters — as the office (the role that reaches deepest) and as a
 * unit's staff. Every answer must be a coded 4xx or a success: never a 5xx, never an uncoded error.
 * Fixed seeds: a failure names the route and the body, and repeats.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { testDialects } from '../support/dialects.ts';
import { buildTestApp, type Session, type TestApp } from '../support/test-app.ts';

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  pattern?: string;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

interface Operation {
  method: string;
  path: string;
  fields: string[];
  schema: JsonSchema | null;
}

/** Routes that would end the caller's own session (their refusals are tested elsewhere). */
const SKIP = new Set(['DELETE /api/v1/sessions/current', 'PUT /api/v1/users/me/password', 'POST /api/v1/sessions']);

const oddString = fc.oneof(
  fc.string(), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('', ' ', '０', '2020-02-30', '9999-99-99', '-1', '1e309', 'null', '<script>alert(1)</script>', '〔2020〕', '../../etc/passwd', "'; DROP TABLE unit; --", 'a'.repeat(5000)),
);
const value = fc.oneof(
  { weight: 3, arbitrary: oddString },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER)) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

const dateLike = fc.oneof(
  fc.date({ min: new Date('2018-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2020-02-30', '2021-13-01', '20200101', ''),
);

/** Values that mostly fit the schema (so the request reaches the service), with some that do not. */
function fromSchema(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const alts = schema.anyOf ?? schema.oneOf;
  if (alts?.length) return fc.oneof(...alts.map((a) => fromSchema(a, depth + 1)));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...schema.enum) }, { weight: 1, arbitrary: oddString });
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      if (schema.format === 'date' || /\\d\{4\}/.test(schema.pattern ?? '')) return dateLike;
      return fc.oneof({ weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: Math.min(schema.maxLength ?? 30, 30) }) }, { weight: 1, arbitrary: oddString });
    case 'integer':
    case 'number':
    {
      // small numbers (ids of the seeded records) near the schema's own range
      const min = Math.ceil(schema.minimum ?? -3);
      const max = Math.floor(schema.maximum ?? Math.max(min, 0) + 40);
      const near = min <= max ? fc.integer({ min, max: Math.min(max, min + 60) }) : fc.integer({ min: -3, max: 40 });
      return fc.oneof({ weight: 4, arbitrary: near }, { weight: 1, arbitrary: value });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return depth > 3 ? fc.constant([]) : fc.array(schema.items ? fromSchema(schema.items, depth + 1) : value, { maxLength: 4 });
    case 'object': {
      if (depth > 3 || !schema.properties) return fc.constant({});
      const required = new Set(schema.required ?? []);
      const props = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, fromSchema(v, depth + 1)]));
      return fc.record(props, { requiredKeys: [...required].filter((k) => k in props) });
    }
    default:
      return value;
  }
}

function bodies(op: Operation) {
  const known = op.fields.length ? fc.dictionary(fc.constantFrom(...op.fields), value, { maxKeys: op.fields.length + 1 }) : fc.constant({});
  const fitting = op.schema ? fromSchema(op.schema) : known;
  return fc.oneof({ weight: 6, arbitrary: fitting }, { weight: 3, arbitrary: known }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }, { weight: 1, arbitrary: fc.dictionary(fc.string(), value) });
}

const pathParam = fc.oneof(fc.integer({ min: 1, max: 30 }), fc.constantFrom(0, -1, 2 ** 31, 'abc', '1.5', '%00', '２'));

describe.each(testDialects())('random bodies on %s', (dialect) => {
  let t: TestApp;
  let office: Session;
  let staff: Session;
  let operations: Operation[] = [];
  const runsPerRoute = dialect === 'sqlite' ? 40 : 15;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await t.seedDirectory();
    await t.importSeed(true);
    office = await t.loginAs('office', '市政府办公室');
    staff = await t.loginAs('unitStaff', '市教育局');
    const spec = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>> };
    operations = Object.entries(spec.paths).flatMap(([path, ops]) => Object.entries(ops)
      .filter(([m]) => ['post', 'put', 'patch', 'delete'].includes(m))
      .map(([m, op]) => {
        const content = op.requestBody?.content ?? {};
        const schema = content['application/json']?.schema ?? null;
        return { method: m.toUpperCase(), path, fields: Object.keys(schema?.properties ?? {}), schema };
      }))
      .filter((o) => o.path.startsWith('/api/v1/') && !SKIP.has(`${o.method} ${o.path}`));
  }, 120_000);
  afterAll(async () => t?.close());

  it('answers every write route with a coded 4xx or a success, never a 5xx', async () => {
    expect(operations.length).toBeGreaterThan(60);
    let cases = 0;
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (const [i, op] of operations.entries()) {
      const arb = fc.record({ body: bodies(op), params: fc.array(pathParam, { minLength: 3, maxLength: 3 }), asStaff: fc.boolean() });
      for (const c of fc.sample(arb, { numRuns: runsPerRoute, seed: 8000 + i })) {
        let n = 0;
        const url = op.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(String(c.params[n++ % 3])));
        const res = await t.as(c.asStaff ? staff : office, { method: op.method as 'POST', url, payload: JSON.stringify(c.body), headers: { 'content-type': 'application/json' } });
        cases++;
        // a route that disabled or reset the caller's own account ended its session: log in again
        if (res.statusCode === 401) {
          if (c.asStaff) staff = await t.loginAs('unitStaff', '市教育局');
          else office = await t.loginAs('office', '市政府办公室');
        }
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        const coded = (() => {
          try {
            return typeof res.json().error?.code === 'string';
          } catch {
            return false;
          }
        })();
        if (res.statusCode >= 500 || (res.statusCode >= 400 && !coded)) {
          failures.push(`${op.method} ${url} → ${res.statusCode} ${res.body.slice(0, 200)}\n    body: ${JSON.stringify(c.body).slice(0, 300)}`);
        }
      }
    }
    console.log(`random bodies on ${dialect}: ${cases} requests to ${operations.length} write routes; answers ${[...statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(' ')}`);
    expect(failures, failures.slice(0, 10).join('\n')).toEqual([]);
  }, 600_000);
});
