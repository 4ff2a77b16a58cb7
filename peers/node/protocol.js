'use strict';
// The replica protocol's peer side for Node (docs/replica-protocol.md): one JSON object per line
// on stdin, one reply per line on stdout. An adapter is an object with init(replica, peers, time),
// transact(ops, time), state(time), syncOut(to, time) and syncIn(from, bytes, time); bytes are
// Uint8Arrays. A thrown Error becomes an indefinite `crash` error reply (code 13).
const readline = require('node:readline');

const VERSION = 1;

function serve(adapter) {
  const rl = readline.createInterface({ input: process.stdin, terminal: false });
  rl.on('line', (line) => {
    if (line.trim() === '') return;
    process.stdout.write(JSON.stringify(respond(adapter, line)) + '\n');
  });
}

function respond(adapter, line) {
  let req;
  try {
    req = JSON.parse(line);
  } catch (e) {
    return error(-1, 12, true, 'not JSON: ' + e.message);
  }
  if (req === null || typeof req !== 'object' || Array.isArray(req)) {
    return error(-1, 12, true, 'not a JSON object');
  }
  try {
    const start = process.hrtime.bigint();
    const body = dispatch(adapter, req);
    const nanos = Number(process.hrtime.bigint() - start);
    return Object.assign({ type: req.type + '_ok', in_reply_to: req.id }, body, { nanos });
  } catch (e) {
    if (e && e.definite !== undefined) return error(req.id, e.code, e.definite, e.message);
    return error(req.id, 13, false, String(e && e.stack ? e.stack.split('\n')[0] : e));
  }
}

function dispatch(adapter, req) {
  const t = req.time;
  switch (req.type) {
    case 'init': {
      if (req.protocol !== VERSION) throw definite(10, 'protocol ' + req.protocol + ' is not supported');
      const info = adapter.init(req.replica, req.peers, t);
      return { protocol: VERSION, name: info.name, version: info.version,
        supports: { policies: ['lww'], sync: ['state'] } };
    }
    case 'put': adapter.transact([{ op: 'put', key: req.key, value: req.value }], t); return {};
    case 'delete': adapter.transact([{ op: 'delete', key: req.key }], t); return {};
    case 'transact': adapter.transact(req.ops, t); return {};
    case 'read': return { values: listOf(adapter.state(t)[req.key]) };
    case 'state': {
      const map = {};
      const s = adapter.state(t);
      for (const k of Object.keys(s).sort()) map[k] = listOf(s[k]);
      return { map };
    }
    case 'sync-out': {
      const bytes = adapter.syncOut(req.to, t);
      return { bytes: bytes ? Buffer.from(bytes).toString('base64') : null };
    }
    case 'sync-in':
      adapter.syncIn(req.from, new Uint8Array(Buffer.from(req.bytes, 'base64')), t);
      return {};
    default:
      throw definite(10, 'unknown type ' + req.type);
  }
}

function listOf(v) {
  if (v === undefined || v === null) return [];
  return [String(v)];
}

function definite(code, message) {
  const e = new Error(message);
  e.code = code;
  e.definite = true;
  return e;
}

function error(id, code, definiteFlag, text) {
  return { type: 'error', in_reply_to: id, code, definite: definiteFlag, text };
}

// A replica id as a 32-bit number (FNV-1a), for client and peer ids: no randomness.
function replicaNumber(replica) {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(replica, 'utf8')) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

// The installed version of package `name`, read from its package.json (some packages do not
// export that file to require()).
function packageVersion(name) {
  const file = require('node:path').join(__dirname, 'node_modules', name, 'package.json');
  return JSON.parse(require('node:fs').readFileSync(file, 'utf8')).version;
}

module.exports = { serve, replicaNumber, packageVersion, VERSION };
