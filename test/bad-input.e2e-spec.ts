import { Queues, teamQueueName } from '@support/contracts';
import { QueueRegistry } from '@support/messaging';
import type { Queue } from 'bullmq';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { DataSource } from 'typeorm';
import { addAgent, bearer } from './support/agents';
import { testDatabases } from './support/databases';
import { SEED, submission } from './support/reference-data';
import { settled } from './support/requests';
import { startSystem, type TestSystem } from './support/system';
import { waitFor } from './support/wait';

/**
 * The bad-input corpus (issue 11): hand-written classes of bad input plus strings fuzzed from a
 * seeded PRNG, across every place input comes in (submit, preview, the intake queue, agent reply
 * and resolve, customer replies, survey answers, admin PUTs, list query parameters, the HTTP
 * parser itself), on each database. Every case is bad, so the expectations are the same for all:
 * never a 5xx, a 4xx whose body names the problem, and nothing stored or queued.
 */

// ---------------------------------------------------------------------------------------------
// A seeded PRNG (mulberry32) and the fuzzed strings
// ---------------------------------------------------------------------------------------------

function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)];
  return { next, int, pick };
}
type Rng = ReturnType<typeof prng>;

/** Code point ranges to draw from: ASCII, Latvian, Cyrillic, RTL (Hebrew, Arabic), combining marks, zero-width and bidi controls, CJK, emoji. */
const POOLS: Array<[number, number]> = [
  [0x20, 0x7e],
  [0x100, 0x17f],
  [0x400, 0x4ff],
  [0x5d0, 0x5ea],
  [0x620, 0x64a],
  [0x300, 0x36f],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x4e00, 0x4e80],
  [0x1f300, 0x1f64f],
];
const randomText = (rng: Rng, length: number): string => {
  let out = '';
  for (let i = 0; i < length; i++) {
    const [lo, hi] = rng.pick(POOLS);
    out += String.fromCodePoint(lo + rng.int(hi - lo + 1));
  }
  return out;
};
const POISON = ['\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF'];
/** Random text that can never be stored: a NUL byte or a lone surrogate somewhere in it. */
const poisoned = (rng: Rng, length = 1 + rng.int(40)): string => {
  const text = randomText(rng, length);
  const at = rng.int(text.length + 1);
  return `${text.slice(0, at)}${rng.pick(POISON)}${text.slice(at)}`;
};

// ---------------------------------------------------------------------------------------------
// Submissions
// ---------------------------------------------------------------------------------------------

/** Every string field of a submission with its maximum length (CONTRACT.md). */
const STRING_FIELDS: Array<[string, number]> = [
  ['idempotencyKey', 128],
  ['customer.id', 128],
  ['customer.email', 254],
  ['customer.country', 2],
  ['customer.language', 2],
  ['companyId', 128],
  ['product.code', 64],
  ['product.version', 32],
  ['platform.os', 32],
  ['platform.osVersion', 32],
  ['licenceKey', 128],
  ['channel', 5],
  ['topic', 100],
  ['subject', 200],
  ['description', 20000],
];
const REQUIRED = new Set(['customer.id', 'customer.email', 'customer.country', 'product.code', 'product.version', 'platform.os', 'channel', 'subject', 'description']);
const OBJECTS = ['customer', 'product', 'platform'];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];

const set = (body: Record<string, any>, path: string, value: unknown) => {
  const keys = path.split('.');
  let node = body;
  for (const k of keys.slice(0, -1)) node = node[k];
  node[keys[keys.length - 1]] = value;
  return body;
};
const nested = (levels: number, leaf: unknown = 'x'): unknown => {
  let v = leaf;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
};
/** JSON with a key that JSON.stringify cannot write from an object literal (`__proto__` as an own key). */
const withKey = (body: Record<string, any>, objectPath: string | null, key: string) => {
  const json = JSON.stringify(body);
  if (objectPath === null) return `{${JSON.stringify(key)}:1,${json.slice(1)}`;
  const marker = `"${objectPath}":{`;
  return json.replace(marker, `${marker}${JSON.stringify(key)}:{"x":1},`);
};

interface Case {
  name: string;
  method: 'post' | 'put' | 'get';
  path: string;
  auth?: 'producer' | 'admin' | 'agent' | 'customer' | 'none';
  /** An object (sent as JSON) or a string (sent as it is). */
  body?: unknown;
  type?: string;
  headers?: Record<string, string>;
  /** Statuses allowed (default: 400). */
  status?: number[];
  /** A field the answer must name. */
  field?: string;
  /** An HTML page answers (the survey form): the body need not be JSON. */
  page?: boolean;
}

function submissionCases(path: string, seed: number): Case[] {
  const rng = prng(seed);
  const cases: Case[] = [];
  const add = (name: string, body: unknown, extra: Partial<Case> = {}) => cases.push({ name: `${path} ${name}`, method: 'post', path, body, ...extra });
  for (const [field, max] of STRING_FIELDS) {
    add(`NUL in ${field}`, set(submission({ idempotencyKey: 'k', companyId: 'acme', licenceKey: 'L', topic: 't' }), field, `ab\u0000c`), { field });
    add(`lone surrogate in ${field}`, set(submission({ idempotencyKey: 'k', companyId: 'acme', licenceKey: 'L', topic: 't' }), field, `ab${rng.pick(['\uD83D', '\uDE00'])}c`), { field });
    if (max > 5) add(`${field} at its limit + 1`, set(submission(), field, field === 'customer.email' ? `${'a'.repeat(64)}@${'b'.repeat(max - 64)}.lv` : 'x'.repeat(max + 1)), { field });
  }
  for (const key of PROTO_KEYS) {
    add(`${key} at the top`, withKey(submission(), null, key), { field: key, type: 'application/json' });
    for (const object of OBJECTS) add(`${key} in ${object}`, withKey(submission(), object, key), { field: `${object}.${key}`, type: 'application/json' });
  }
  add('an unknown field', submission({ segment: 'business' }), { field: 'segment' });
  add('an unknown nested field', submission({ customer: { ...submission().customer, vip: true } }), { field: 'customer.vip' });
  add('5,000 levels in 10 kB', `{"subject":"s","description":${'['.repeat(5000)}${']'.repeat(5000)}}`, { type: 'application/json' });
  add('customer nested 9 levels', submission({ customer: nested(9) }), { field: 'customer.0.0.0.0.0.0.0' });
  add('a deep object in topic', submission({ topic: { a: { b: { c: { d: { e: { f: { g: { h: { i: 1 } } } } } } } } } }), { field: 'topic.a.b.c.d.e.f.g' });
  add('an array for customer', submission({ customer: [] }), { field: 'customer' });
  add('an array for product', submission({ product: ['kav', '21.3'] }), { field: 'product' });
  add('an array for platform', submission({ platform: [1] }), { field: 'platform' });
  for (const ram of [1e308, -1, 1.5, '4096', 2 ** 31, Number.MAX_SAFE_INTEGER + 2]) add(`ramMb = ${ram}`, set(submission(), 'platform.ramMb', ram), { field: 'platform.ramMb' });
  add('6,000 keys', submission({ topic: Object.fromEntries(Array.from({ length: 6000 }, (_, i) => [`k${i}`, i])) }), { status: [413] });
  add('a body beyond the limit', submission({ description: '\u{1F600}'.repeat(20000), subject: 'y'.repeat(200) }).description + ' '.repeat(300_000), {
    status: [413],
    type: 'application/json',
  });
  add(
    'a 20,001-emoji description, escaped',
    JSON.stringify(submission({ description: '\u{1F600}'.repeat(20001) })).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`),
    {
      field: 'description',
      type: 'application/json',
    },
  );
  const json = JSON.stringify(submission());
  for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/json-patch+json'])
    add(`as ${type}`, json, { type, status: [415], field: 'Content-Type' });
  add('charset latin1', json, { type: 'application/json; charset=latin1', status: [415], field: 'Content-Type' });
  add('gzip encoded', json, { type: 'application/json', headers: { 'Content-Encoding': 'gzip' }, status: [415], field: 'Content-Encoding' });
  add('broken JSON', '{"customer": {', { type: 'application/json' });
  add('invalid UTF-8 bytes', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), { type: 'application/json' });
  add('a JSON array', '[1,2]', { type: 'application/json' });
  // Fuzzed: a random field gets a value that can never be valid.
  const kinds = ['poisoned', 'wrong type', 'huge number', 'array for object', 'deep', 'too long', 'prototype key'] as const;
  for (let i = 0; i < 45; i++) {
    const kind = kinds[i % kinds.length];
    const body = submission({ idempotencyKey: randomText(rng, 1 + rng.int(20)), topic: randomText(rng, 1 + rng.int(20)), subject: randomText(rng, 1 + rng.int(30)) + 'x' });
    const [field, max] = rng.pick(STRING_FIELDS);
    switch (kind) {
      case 'poisoned':
        add(`fuzz ${i}: poisoned ${field}`, set(body, field, poisoned(rng)), { field });
        break;
      case 'wrong type': {
        const values = [rng.next() * 1e6, rng.next() < 0.5, [randomText(rng, 3)], { x: randomText(rng, 3) }, ...(REQUIRED.has(field) ? [null] : [])];
        add(`fuzz ${i}: wrong type in ${field}`, set(body, field, rng.pick(values)), { field });
        break;
      }
      case 'huge number': {
        const f = rng.pick(['platform.ramMb', 'platform.diskFreeMb']);
        add(`fuzz ${i}: ${f}`, set(body, f, rng.pick([1e308, -1e308, 2 ** 53 + 2, 2 ** 30 + 1 + rng.int(1e6), -1 - rng.int(1e6), rng.next() + 0.01])), { field: f });
        break;
      }
      case 'array for object': {
        const object = rng.pick(OBJECTS);
        add(`fuzz ${i}: array for ${object}`, set(body, object, [randomText(rng, 5)]), { field: object });
        break;
      }
      case 'deep':
        add(`fuzz ${i}: ${field} nested ${9 + (i % 50)} levels`, set(body, field, nested(9 + (i % 50), randomText(rng, 4))));
        break;
      case 'too long':
        add(`fuzz ${i}: ${field} at ${max + 1} random characters`, set(body, field, randomText(rng, max + 1).replace(/[\uFE0E\uFE0F]/g, 'x')), { field });
        break;
      case 'prototype key':
        add(`fuzz ${i}: prototype key`, withKey(body, rng.pick([null, ...OBJECTS]), rng.pick(PROTO_KEYS)), { type: 'application/json' });
        break;
    }
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------
// Everything else that takes input
// ---------------------------------------------------------------------------------------------

function conversationCases(requestId: string, seed: number): Case[] {
  const rng = prng(seed);
  const cases: Case[] = [];
  const endpoints: Array<[string, 'agent' | 'customer', string, number]> = [
    [`/v1/requests/${requestId}/replies`, 'agent', 'body', 20000],
    [`/v1/requests/${requestId}/resolve`, 'agent', 'summary', 5000],
    [`/v1/requests/${requestId}/customer-replies`, 'customer', 'body', 20000],
  ];
  for (const [path, auth, field, max] of endpoints) {
    const add = (name: string, body: unknown, extra: Partial<Case> = {}) => cases.push({ name: `${path.replace(requestId, ':id')} ${name}`, method: 'post', path, auth, body, ...extra });
    add('NUL', { [field]: 'ok\u0000' }, { field });
    add('lone surrogate', { [field]: '\uDC00ok' }, { field });
    add('limit + 1', { [field]: 'x'.repeat(max + 1) }, { field });
    add('blank', { [field]: ' \n ' }, { field });
    add('a number', { [field]: 42 }, { field });
    add('an array', { [field]: ['a'] }, { field });
    add('deep', { [field]: nested(20) });
    add('__proto__', `{"__proto__":{"x":1},"${field}":"hi"}`, { field: '__proto__', type: 'application/json' });
    add('constructor', `{"constructor":{"name":"x"},"${field}":"hi"}`, { field: 'constructor', type: 'application/json' });
    add('unknown field', { [field]: 'hi', extra: 1 }, { field: 'extra' });
    add('as text/plain', JSON.stringify({ [field]: 'hi' }), { type: 'text/plain', status: [415] });
    for (let i = 0; i < 4; i++) add(`fuzz ${i}`, { [field]: poisoned(rng, 1 + rng.int(200)) }, { field });
    if (auth === 'agent') add('waitForCustomer as a string', { [field]: 'hi', waitForCustomer: 'yes' }, { status: [400] });
    cases.push({ name: `${path.replace(requestId, '%00')} NUL in the id`, method: 'post', path: path.replace(requestId, '%00'), auth, body: { [field]: 'hi' }, field: '(path)' });
  }
  return cases;
}

function surveyCases(seed: number): Case[] {
  const rng = prng(seed);
  const cases: Case[] = [];
  const path = '/v1/surveys/not-a-real-token';
  const add = (name: string, body: unknown, extra: Partial<Case> = {}) => cases.push({ name: `survey answer ${name}`, method: 'post', path, auth: 'none', body, ...extra });
  for (const score of [0, 6, 1.5, '5', 1e308, -1, null, [5], { v: 5 }]) add(`score ${JSON.stringify(score)}`, { score, feedbackType: 'service-quality' }, { field: 'score' });
  add('NUL in the comment', { score: 5, feedbackType: 'service-quality', comment: 'great\u0000' }, { field: 'comment' });
  add('lone surrogate in the type', { score: 5, feedbackType: 'service\uD800' }, { field: 'feedbackType' });
  add('comment 2,001', { score: 5, feedbackType: 'service-quality', comment: 'x'.repeat(2001) }, { field: 'comment' });
  add('__proto__', '{"score":5,"feedbackType":"service-quality","__proto__":{"admin":true}}', { type: 'application/json', field: '__proto__' });
  add('prototype', '{"score":5,"feedbackType":"service-quality","prototype":1}', { type: 'application/json', field: 'prototype' });
  add('as a form', 'score=5&feedbackType=service-quality', { type: 'application/x-www-form-urlencoded', status: [415] });
  for (let i = 0; i < 4; i++) add(`fuzz ${i}`, { score: 1 + rng.int(5), feedbackType: poisoned(rng, 5) }, { field: 'feedbackType' });
  cases.push({ name: 'survey answer NUL in the token', method: 'post', path: '/v1/surveys/%00', auth: 'none', body: { score: 5, feedbackType: 'service-quality' }, field: '(path)' });
  cases.push({
    name: 'survey form: NUL in the comment',
    method: 'post',
    path: '/surveys/not-a-real-token',
    auth: 'none',
    body: 'score=5&feedbackType=x&comment=a%00b',
    type: 'application/x-www-form-urlencoded',
    status: [400, 404],
    page: true,
  });
  cases.push({
    name: 'survey form: score 9',
    method: 'post',
    path: '/surveys/not-a-real-token',
    auth: 'none',
    body: 'score=9&feedbackType=x',
    type: 'application/x-www-form-urlencoded',
    status: [400, 404],
    page: true,
  });
  return cases;
}

function adminCases(seed: number): Case[] {
  const rng = prng(seed);
  const cases: Case[] = [];
  const put = (name: string, path: string, body: unknown, extra: Partial<Case> = {}) => cases.push({ name: `PUT ${path} ${name}`, method: 'put', path, auth: 'admin', body, ...extra });
  const product = { name: 'Fuzz AV', segment: 'home', versions: [{ version: '1', supportedUntil: null }] };
  put('NUL in the name', '/v1/admin/products/fz', { ...product, name: 'a\u0000' }, { field: 'name' });
  put('lone surrogate in a version', '/v1/admin/products/fz', { ...product, versions: [{ version: '1\uD800', supportedUntil: null }] }, { field: 'versions.0.version' });
  put('constructor as a platform', '/v1/admin/products/fz', `{"name":"x","segment":"home","versions":[{"version":"1","supportedUntil":null}],"requirements":{"platforms":{"constructor":["10"]}}}`, {
    type: 'application/json',
    field: 'requirements.platforms.constructor',
  });
  put('__proto__ at the top', '/v1/admin/products/fz', `{"__proto__":{"x":1},"name":"x","segment":"home","versions":[{"version":"1","supportedUntil":null}]}`, {
    type: 'application/json',
    field: '__proto__',
  });
  put('501 versions', '/v1/admin/products/fz', { ...product, versions: Array.from({ length: 501 }, (_, i) => ({ version: String(i), supportedUntil: null })) }, { field: 'versions' });
  put('NUL in the code', '/v1/admin/products/a%00b', product, { field: '(path)' });
  put('surrogate in the code', '/v1/admin/products/a%ED%A0%80', product, { field: '(path)' });
  const licence = { productCode: 'kav', customerId: 'c-9', status: 'active', validUntil: null, kind: 'commercial', supportPlan: null };
  put('for an unknown product', '/v1/admin/licences/LIC-FZ', { ...licence, productCode: 'nope' }, { status: [422], field: 'productCode' });
  put('for an unknown SLA plan', '/v1/admin/licences/LIC-FZ', { ...licence, supportPlan: 'gold-nope' }, { status: [422], field: 'supportPlan' });
  put('with both customer and company', '/v1/admin/licences/LIC-FZ', { ...licence, companyId: 'acme' }, { field: 'companyId' });
  put('NUL in the customer', '/v1/admin/licences/LIC-FZ', { ...licence, customerId: 'c\u0000' }, { field: 'customerId' });
  put('prototype key', '/v1/admin/licences/LIC-FZ', `{"prototype":1,"productCode":"kav","customerId":"c","status":"active","validUntil":null,"kind":"free"}`, {
    type: 'application/json',
    field: 'prototype',
  });
  const team = { segment: 'home', countries: ['LV'], languages: ['lv'], skills: [], calendar: null };
  put('on an unknown calendar', '/v1/admin/teams/fz', { ...team, calendar: 'mars' }, { status: [422], field: 'calendar' });
  put('NUL in a country', '/v1/admin/teams/fz', { ...team, countries: ['L\u0000'] }, { field: 'countries.0' });
  put('deep skills', '/v1/admin/teams/fz', { ...team, skills: nested(12) });
  const calendar = { timezone: 'Europe/Riga', weekly: { mon: [['09:00', '18:00']] }, holidays: [], overrides: [] };
  put('a reversed weekly interval', '/v1/admin/calendars/fz', { ...calendar, weekly: { mon: [['18:00', '09:00']] } }, { field: 'calendar' });
  put('a reversed override interval', '/v1/admin/calendars/fz', { ...calendar, overrides: [{ date: '2026-12-01', intervals: [['12:00', '10:00']] }] }, { field: 'calendar' });
  put('an empty interval', '/v1/admin/calendars/fz', { ...calendar, weekly: { tue: [['09:00', '09:00']] } }, { field: 'calendar' });
  put('NUL in the time zone', '/v1/admin/calendars/fz', { ...calendar, timezone: 'Europe/Riga\u0000' }, { field: 'timezone' });
  put('__proto__ as a weekday', '/v1/admin/calendars/fz', `{"timezone":"Europe/Riga","weekly":{"__proto__":[["09:00","18:00"]]}}`, { type: 'application/json', field: 'weekly.__proto__' });
  put('deep overrides', '/v1/admin/calendars/fz', { ...calendar, overrides: nested(10) });
  const plan = { hours: '24x7', firstResponseMinutes: { 1: 30, 2: 60, 3: 120 }, resolutionMinutes: { 1: 60, 2: 120, 3: 240 }, warnAtPercent: 80 };
  put('missing priority 3', '/v1/admin/sla-plans/fz', { ...plan, firstResponseMinutes: { 1: 30, 2: 60 } }, { field: 'firstResponseMinutes' });
  put('missing priorities in resolution', '/v1/admin/sla-plans/fz', { ...plan, resolutionMinutes: { 2: 60 } }, { field: 'resolutionMinutes' });
  put('NUL in hours', '/v1/admin/sla-plans/fz', { ...plan, hours: '24x7\u0000' }, { field: 'hours' });
  put('constructor as a priority', '/v1/admin/sla-plans/fz', `{"hours":"24x7","firstResponseMinutes":{"constructor":1,"1":1,"2":2,"3":3},"resolutionMinutes":{"1":1,"2":2,"3":3}}`, {
    type: 'application/json',
    field: 'firstResponseMinutes.constructor',
  });
  put('in an unknown team', '/v1/admin/agents/fz', { name: 'Fuzz', teams: ['home-lv', 'nope'] }, { status: [422], field: 'teams.1' });
  put('NUL in the name', '/v1/admin/agents/fz', { name: 'F\u0000', teams: ['home-lv'] }, { field: 'name' });
  put('teams as a string', '/v1/admin/agents/fz', { name: 'F', teams: 'home-lv' }, { field: 'teams' });
  put('NUL in the name', '/v1/admin/companies/fz', { name: 'F\u0000', country: 'LV' }, { field: 'name' });
  put('country as a number', '/v1/admin/companies/fz', { name: 'F', country: 371 }, { field: 'country' });
  put('NUL in the name', '/v1/admin/producers/fz', { name: 'F\u0000' }, { field: 'name' });
  put('an unknown field', '/v1/admin/producers/fz', { name: 'F', key: 'mine' }, { field: 'key' });
  put('as text/plain', '/v1/admin/producers/fz', '{"name":"F"}', { type: 'text/plain', status: [415] });
  for (let i = 0; i < 8; i++) {
    const kind = i % 4;
    if (kind === 0) put(`fuzz ${i}`, '/v1/admin/products/fz', { ...product, name: poisoned(rng) }, { field: 'name' });
    if (kind === 1) put(`fuzz ${i}`, '/v1/admin/teams/fz', { ...team, languages: [poisoned(rng, 2)] }, { field: 'languages.0' });
    if (kind === 2) put(`fuzz ${i}`, '/v1/admin/agents/fz', { name: poisoned(rng), teams: ['home-lv'] }, { field: 'name' });
    if (kind === 3) put(`fuzz ${i}`, '/v1/admin/companies/fz', { name: randomText(rng, 5), country: poisoned(rng, 2) }, { field: 'country' });
  }
  return cases;
}

function listCases(): Case[] {
  const queries: Array<[string, string]> = [
    ['limit=abc', 'limit'],
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['limit=1e9', 'limit'],
    ['limit=-1', 'limit'],
    ['limit=1.5', 'limit'],
    ['limit=1&limit=2', 'limit'],
    ['status=nope', 'status'],
    ['status=%00', 'status'],
    ['team=a%00b', 'team'],
    ['customerId=%ED%A0%80', 'customerId'],
    ['customerId=%E0%A4%A', 'customerId'],
    [`customerId=${'x'.repeat(129)}`, 'customerId'],
    ['cursor=!!!', 'cursor'],
    [`cursor=${Buffer.from('\u0000|\u0000').toString('base64url')}`, 'cursor'],
    [`cursor=${Buffer.from('not a time|id').toString('base64url')}`, 'cursor'],
    ['__proto__=1', '__proto__'],
    ['constructor=x', 'constructor'],
    ['prototype=x', 'prototype'],
    ['segment=home', 'segment'],
    ['%ZZ=1', '(query)'],
  ];
  return queries.map(([query, field]) => ({ name: `GET /v1/requests?${query}`, method: 'get', path: `/v1/requests?${query}`, auth: 'admin', field }));
}

// ---------------------------------------------------------------------------------------------
// Running the corpus
// ---------------------------------------------------------------------------------------------

/** Jobs that intake-queue producers send with bad data: each must fail once, unrecoverably, naming the field. */
function badJobs(seed: number): Array<{ name: string; data: unknown; field: string }> {
  const rng = prng(seed);
  const job = (over: Record<string, unknown>) => ({ ...submission(over), producer: 'web-form' });
  const jobs = [
    { name: 'NUL in the subject', data: job({ subject: 'a\u0000b' }), field: 'subject' },
    { name: 'lone surrogate in the description', data: job({ description: 'x\uDFFFy' }), field: 'description' },
    { name: 'NUL in the producer', data: { ...job({}), producer: 'web\u0000form' }, field: 'producer' },
    { name: 'an own __proto__ key', data: JSON.parse(`{"__proto__":{"x":1},${JSON.stringify(job({})).slice(1)}`), field: '__proto__' },
    { name: 'constructor in customer', data: set(job({}), 'customer.constructor', { name: 'x' }), field: 'customer.constructor' },
    { name: '1,000 levels', data: job({ description: JSON.parse(`${'['.repeat(1000)}"x"${']'.repeat(1000)}`) }), field: 'description.0.0.0.0.0.0.0' },
    { name: 'an array for customer', data: job({ customer: [] }), field: 'customer' },
    { name: 'ramMb 1e308', data: set(job({}), 'platform.ramMb', 1e308), field: 'platform.ramMb' },
    { name: 'a description at 20,001', data: job({ description: 'x'.repeat(20001) }), field: 'description' },
    { name: '6,000 keys', data: job({ topic: Object.fromEntries(Array.from({ length: 6000 }, (_, i) => [`k${i}`, i])) }), field: '(body)' },
  ];
  for (let i = 0; i < 10; i++) {
    const [field] = rng.pick(STRING_FIELDS);
    jobs.push({ name: `fuzz ${i}: ${field}`, data: set(job({ idempotencyKey: 'k', companyId: 'acme', licenceKey: 'L', topic: 't' }), field, poisoned(rng)), field });
  }
  return jobs;
}

/** Raw HTTP the parser itself refuses: answered with a JSON body too. */
function rawRequest(server: Server, text: string): Promise<string> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    let out = '';
    socket.on('data', (d) => (out += d.toString()));
    socket.on('close', () => resolve(out));
    socket.on('error', (e) => (out ? resolve(out) : reject(e)));
  });
}

describe.each(testDatabases())('the bad-input corpus on %s', (db) => {
  let sys: TestSystem;
  let agentKey: string;
  let requestId: string;
  let customerToken: string;
  let queues: QueueRegistry;

  const queueNames = () => [...Object.values(Queues), ...SEED.teams.map((t) => teamQueueName(t.id))].filter((q) => q !== Queues.maintenance);
  /** Rows of every table and jobs of every pipeline queue (intake's failed set apart: the bad jobs end there). */
  async function stored(): Promise<Record<string, number>> {
    const ds = sys.app.get(DataSource);
    // Published events leave the outbox within OUTBOX_FLUSH_AFTER_MS: count once the last ones are gone.
    await waitFor(async () => Number((await ds.query('SELECT COUNT(*) AS n FROM "outbox"'))[0].n) === 0 || null, 'the outbox to drain');
    const counts: Record<string, number> = {};
    for (const meta of ds.entityMetadatas) {
      const [row] = await ds.query(`SELECT COUNT(*) AS n FROM ${ds.driver.escape(meta.tableName)}`);
      counts[`table ${meta.tableName}`] = Number(row.n);
    }
    for (const name of queueNames()) {
      const c = await queues.get(name).getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'completed', 'waiting-children', ...(name === Queues.intake ? [] : ['failed' as const]));
      counts[`queue ${name}`] = Object.values(c).reduce((a, b) => a + b, 0);
    }
    return counts;
  }

  beforeAll(async () => {
    sys = await startSystem(db);
    queues = sys.app.get(QueueRegistry);
    await new Promise<void>((resolve) => (sys.app.getHttpServer() as Server).listen(0, '127.0.0.1', resolve));
    agentKey = await addAgent(sys, 'ana', ['home-malware', 'home-lv', 'home-intl', 'home-triage']);
    const res = await sys.http.post('/v1/requests').set(bearer(sys.producerKey)).send(submission()).expect(202);
    ({ id: requestId, customerToken } = res.body.requests[0]);
    await settled(sys, requestId);
  });
  afterAll(async () => {
    await sys?.stop();
  });

  it('answers every bad case with a 4xx naming the problem, never a 5xx, and stores and queues nothing', async () => {
    const cases = [...submissionCases('/v1/requests', 11), ...submissionCases('/v1/triage/preview', 12), ...conversationCases(requestId, 13), ...surveyCases(14), ...adminCases(15), ...listCases()];
    const before = await stored();
    const keys = { producer: sys.producerKey, admin: sys.adminKey, agent: agentKey, customer: customerToken };
    const failures: string[] = [];
    for (const c of cases) {
      let req = sys.http[c.method](c.path);
      if (c.auth !== 'none') req = req.set(bearer(keys[c.auth ?? 'producer']));
      for (const [k, v] of Object.entries(c.headers ?? {})) req = req.set(k, v);
      if (c.type) req = req.set('Content-Type', c.type);
      const res = c.body === undefined ? await req : await req.send(c.body as object);
      const expected = c.status ?? [400];
      const said = c.page ? '' : `${res.body?.message ?? ''}`;
      const fields: string[] = Array.isArray(res.body?.errors) ? res.body.errors.map((e: { field: string }) => e.field) : [];
      const named = c.page || (said.length > 0 && fields.length > 0 && res.body.errors.every((e: { messages: string[] }) => e.messages.length > 0));
      if (res.status >= 500) failures.push(`${c.name}: ${res.status} ${res.text.slice(0, 200)}`);
      else if (!expected.includes(res.status)) failures.push(`${c.name}: ${res.status}, expected ${expected.join('/')}: ${res.text.slice(0, 200)}`);
      else if (!named) failures.push(`${c.name}: ${res.status} without the problem named: ${res.text.slice(0, 200)}`);
      else if (c.field && !fields.includes(c.field)) failures.push(`${c.name}: ${res.status} names ${JSON.stringify(fields)}, not ${c.field}`);
    }
    expect(failures).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(300);
    console.log(`bad-input corpus: ${cases.length} HTTP cases`);
    expect(await stored()).toEqual(before);
  });

  it('fails intake jobs with bad data at once, with the failing fields as the reason, storing nothing', async () => {
    const before = await stored();
    const intake: Queue = queues.get(Queues.intake);
    const jobs = badJobs(16);
    const added = await Promise.all(jobs.map((j, i) => intake.add('request.submitted', j.data, { jobId: `bad-${db}-${i}`, attempts: 3 })));
    const failures: string[] = [];
    for (const [i, job] of added.entries()) {
      // The job as read once it has failed (state and reason are written together).
      const done = await waitFor(async () => {
        const j = await intake.getJob(job.id as string);
        return j?.failedReason && (await j.getState()) === 'failed' ? j : null;
      }, `job ${jobs[i].name} to fail`);
      if (done.attemptsMade !== 1) failures.push(`${jobs[i].name}: ${done.attemptsMade} attempts`);
      if (!done.failedReason.startsWith('invalid input') || !done.failedReason.includes(jobs[i].field)) failures.push(`${jobs[i].name}: ${done.failedReason.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
    expect(await stored()).toEqual(before);
  });

  it('takes words that are names on Object.prototype as plain words (they once made the preview answer 500)', async () => {
    const words = 'Constructor __proto__ toString hasOwnProperty valueOf';
    const body = submission({ subject: words, description: `${words}: Kaspersky deletes my constructor program as a trojan.`, topic: 'constructor' });
    const preview = await sys.http.post('/v1/triage/preview').set(bearer(sys.producerKey)).send(body);
    expect(preview.status).toBe(200);
    const res = await sys.http.post('/v1/requests').set(bearer(sys.producerKey)).send(body).expect(202);
    expect(['queued', 'declined']).toContain((await settled(sys, res.body.requests[0].id)).status);
  });

  it("answers the HTTP parser's own refusals with a JSON body", async () => {
    const server = sys.app.getHttpServer() as Server;
    const huge = await rawRequest(server, `GET /v1/requests HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(huge).toMatch(/^HTTP\/1\.1 431 /);
    expect(JSON.parse(huge.slice(huge.indexOf('\r\n\r\n') + 4))).toMatchObject({ statusCode: 431, errors: [{ field: '(request)' }] });
    const broken = await rawRequest(server, 'GET /v1/requests HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n');
    expect(broken).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(broken.slice(broken.indexOf('\r\n\r\n') + 4))).toMatchObject({ statusCode: 400, message: expect.stringContaining('not valid HTTP') });
  });
});
