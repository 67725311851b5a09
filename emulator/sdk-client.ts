/**
 * Points the real wx-server-sdk, in this Node process, at a running emulator — the same variables a function
 * worker gets (see docs/CLOUDBASE-PROTOCOL.md). Used by scripts (seeding, benchmarks) and by
 * the conformance tests, which must exercise the unmodified SDK rather than our own client.
 */
import type * as WxServerSdk from 'wx-server-sdk';

export type Cloud = typeof WxServerSdk;

export function connectSdk(emulatorUrl: string, envId: string): Cloud {
  process.env.TENCENTCLOUD_SECRETID ||= 'emulator';
  process.env.TENCENTCLOUD_SECRETKEY ||= 'emulator';
  process.env.TENCENTCLOUD_RUNENV = 'SCF';
  process.env.TENCENTCLOUD_REGION = 'ap-shanghai';
  process.env.TCB_ENV = envId;
  process.env.SCF_NAMESPACE = envId;
  process.env.SILENCE = 'true';
  process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: `${emulatorUrl}/admin` });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only after the variables above are set
  const cloud = require('wx-server-sdk') as Cloud;
  cloud.init({ env: envId });
  return cloud;
}
