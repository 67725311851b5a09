/**
 * Signing in to the H5 app in demo mode, where there is no WeChat to say who the user is: the login page lists the
 * demo accounts (`GET /__emulator/demo-accounts`) and signs in as one of them (`POST /auth/dev-login`), getting a
 * token the gateway accepts. Outside demo mode nobody can sign in this way.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readJsonObject, sendJson } from '../http';
import { OPENID_PATTERN, type Tokens } from '../tokens';
import type { Route } from './route';

export interface DemoAccount {
  openid: string;
  label: string;
}

export interface DevLoginDeps {
  demo: boolean;
  demoAccounts: DemoAccount[];
  tokens: Tokens;
}

export function devLoginRoutes({ demo, demoAccounts, tokens }: DevLoginDeps): Route[] {
  async function login(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!demo) {
      sendJson(res, 404, { errCode: -404, errMsg: '仅演示模式可用' });
      return;
    }
    const body = await readJsonObject(req);
    if (typeof body.openid !== 'string' || !OPENID_PATTERN.test(body.openid)) {
      sendJson(res, 400, { errCode: -400, errMsg: 'openid 须为 1–64 位字母、数字、下划线或连字符' });
      return;
    }
    const { token, expiresAt } = tokens.issue(body.openid);
    sendJson(res, 200, { token, openid: body.openid, expiresAt: expiresAt.toISOString() });
  }

  return [
    { method: 'POST', path: '/auth/dev-login', handle: login },
    { method: 'GET', path: '/__emulator/demo-accounts', handle: (_req, res) => sendJson(res, 200, demo ? demoAccounts : []) },
  ];
}
