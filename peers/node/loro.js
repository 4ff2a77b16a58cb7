'use strict';
// Loro: a LoroMap named "root" in one LoroDoc whose peer id is the replica id's FNV-1a hash.
// Timestamps are not recorded (Loro's default), so no clock is read. A write is one commit; a
// sync message is a snapshot of the whole document.
const { LoroDoc } = require('loro-crdt');
const { packageVersion, replicaNumber } = require('./protocol');

function create() {
  let doc;
  let map;
  return {
    init(replica) {
      doc = new LoroDoc();
      doc.setPeerId(BigInt(replicaNumber(replica)));
      map = doc.getMap('root');
      return { name: 'loro', version: packageVersion('loro-crdt') };
    },
    transact(ops) {
      for (const op of ops) {
        if (op.op === 'delete') map.delete(op.key);
        else map.set(op.key, op.value);
      }
      doc.commit();
    },
    state() {
      return map.toJSON();
    },
    syncOut() {
      return doc.export({ mode: 'snapshot' });
    },
    syncIn(from, bytes) {
      doc.import(bytes);
    },
  };
}

module.exports = { create };
