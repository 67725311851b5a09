'use strict';
/**
 * One function instance: a worker thread that loads a built cloudfunctions/<fn>/index.js unmodified and runs
 * one invocation at a time, as a cloud function instance does.
 *
 * Why a worker: wx-server-sdk's getWXContext() reads the caller from process.env at call time, so two
 * invocations sharing a process would see each other's OPENID. A Worker started with its own `env` gets its
 * own copy of process.env.
 *
 * The emulator's settable clock reaches function code through `Date` here, in the host's bootstrap, so the
 * function itself carries no test hooks.
 */
const { parentPort, workerData } = require('node:worker_threads');

let clockOffsetMs = workerData.clockOffsetMs || 0;
const RealDate = Date;
class EmulatedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + clockOffsetMs);
    else super(...args);
  }
  static now() {
    return RealDate.now() + clockOffsetMs;
  }
}
globalThis.Date = EmulatedDate;

const WX_KEYS = ['WX_OPENID', 'WX_APPID', 'WX_UNIONID', 'WX_CLIENTIP', 'WX_CLIENTIPV6'];

let fn;
try {
  fn = require(workerData.entry);
} catch (error) {
  parentPort.postMessage({ type: 'load-error', message: String((error && error.stack) || error) });
}
if (fn) parentPort.postMessage({ type: 'ready' });

parentPort.on('message', async (msg) => {
  if (msg.type !== 'invoke') return;
  clockOffsetMs = msg.clockOffsetMs;
  for (const key of WX_KEYS) delete process.env[key];
  for (const [key, value] of Object.entries(msg.wxContext)) process.env[`WX_${key}`] = value;
  process.env.WX_CONTEXT_KEYS = Object.keys(msg.wxContext).map((k) => `WX_${k}`).join(',');
  process.env.TCB_SOURCE = msg.source;
  const context = {
    callbackWaitsForEmptyEventLoop: false,
    memory_limit_in_mb: 256,
    time_limit_in_ms: msg.timeoutMs,
    request_id: msg.requestId,
    function_name: workerData.name,
    function_version: '$LATEST',
    namespace: workerData.envId,
    tencentcloud_region: 'ap-shanghai',
  };
  try {
    if (typeof fn.main !== 'function') throw new Error('exports.main is not a function');
    const result = await fn.main(msg.event, context);
    const json = result === undefined ? null : JSON.stringify(result);
    parentPort.postMessage({ type: 'result', id: msg.id, json });
  } catch (error) {
    parentPort.postMessage({ type: 'error', id: msg.id, message: String((error && error.message) || error), stack: String((error && error.stack) || '') });
  }
});
