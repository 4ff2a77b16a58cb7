'use strict';
// Yjs: a Y.Map named "root" in one Y.Doc whose clientID is the replica id's FNV-1a hash (set
// before any write, so Yjs never draws a random one) and whose guid is fixed. A write is one
// transaction; a sync message is the whole document as an update (Y.encodeStateAsUpdate).
const Y = require('yjs');
const { packageVersion, replicaNumber } = require('./protocol');

function create() {
  let doc;
  let map;
  return {
    init(replica) {
      doc = new Y.Doc({ guid: 'entente' });
      doc.clientID = replicaNumber(replica);
      map = doc.getMap('root');
      return { name: 'yjs', version: packageVersion('yjs') };
    },
    transact(ops) {
      doc.transact(() => {
        for (const op of ops) {
          if (op.op === 'delete') map.delete(op.key);
          else map.set(op.key, op.value);
        }
      });
    },
    state() {
      return map.toJSON();
    },
    syncOut() {
      return Y.encodeStateAsUpdate(doc);
    },
    syncIn(from, bytes) {
      Y.applyUpdate(doc, bytes);
    },
  };
}

module.exports = { create };
