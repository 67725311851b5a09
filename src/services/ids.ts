/**
 * Random ids made on the phone: a ledger entry's requestKey (the same key twice records once) and upload file
 * names. WeChat's JS runtime has no crypto.getRandomValues, and neither needs to be unguessable: uniqueness per
 * form or per upload is all that matters, so time plus Math.random is enough.
 */
export function randomString(length: number): string {
  let out = '';
  while (out.length < length) out += Math.random().toString(36).slice(2);
  return out.slice(0, length);
}

/** e.g. "m1x2y3z4-k3j5h6g7f8d9" (21 characters). */
export function randomId(): string {
  return `${Date.now().toString(36)}-${randomString(12)}`;
}
