'use strict';
// Automerge JS: the root map of one document whose actor id is the replica id in hex. Every
// write is one change stamped with the request's simulated time (in seconds, as Automerge keeps
// it), never Date.now(); a sync message is the whole saved document, applied with loadIncremental
// (so no second document with a random actor is ever made).
const A = require('@automerge/automerge');
const { packageVersion } = require('./protocol');

function create() {
  let doc;
  return {
    init(replica) {
      doc = A.init({ actor: Buffer.from(replica, 'utf8').toString('hex') });
      return { name: 'automerge-js', version: packageVersion('@automerge/automerge') };
    },
    transact(ops, time) {
      doc = A.change(doc, { time: Math.floor(time / 1000) }, (d) => {
        for (const op of ops) {
          if (op.op === 'delete') delete d[op.key];
          else d[op.key] = op.value;
        }
      });
    },
    state() {
      const out = {};
      for (const k of Object.keys(doc)) out[k] = String(doc[k]);
      return out;
    },
    syncOut() {
      return A.save(doc);
    },
    syncIn(from, bytes) {
      doc = A.loadIncremental(doc, bytes);
    },
  };
}

module.exports = { create };
