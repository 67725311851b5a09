/**
 * Babel plugin for the mini-program build: drops the `summary` of every action in `src/core/contracts/*.ts`.
 * The summaries document the functions for developers (and the server keeps them); the app never reads them,
 * and in the main package they cost ~4 KB of a size budget that matters more. Applied by babel.config.js only
 * when Taro builds (TARO_ENV is set), never under jest or tsc.
 */
const path = require('node:path');

const CONTRACTS = `${path.sep}src${path.sep}core${path.sep}contracts${path.sep}`;

module.exports = function stripContractSummaries() {
  return {
    name: 'strip-contract-summaries',
    visitor: {
      ObjectProperty(p, state) {
        const file = state.filename || '';
        if (!file.includes(CONTRACTS)) return;
        const key = p.node.key;
        const named = (key.type === 'Identifier' && key.name === 'summary') || (key.type === 'StringLiteral' && key.value === 'summary');
        if (named && !p.node.computed && p.node.value.type === 'StringLiteral') p.node.value.value = '';
      },
    },
  };
};
