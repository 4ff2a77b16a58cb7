'use strict';
// Runs one replica of a Node CRDT behind the replica protocol: node peer.js yjs|loro|automerge
const { serve } = require('./protocol');

const adapters = { yjs: './yjs', loro: './loro', automerge: './automerge' };
const name = process.argv[2];
if (!adapters[name]) {
  process.stderr.write('usage: node peer.js ' + Object.keys(adapters).join('|') + '\n');
  process.exit(2);
}
serve(require(adapters[name]).create());
