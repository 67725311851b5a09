/**
 * What a request may name. Env names become folders of the storage root, function names folders of the functions
 * root; both must stay inside. The rules are the cloud's shapes of these names, kept narrow so that no name can
 * hold a path separator, a dot segment or a control character (the stricter choice where the cloud's exact
 * rules were not captured).
 */

/** CloudBase env ids look like `union-local`, `test-env-1a2b3c`: letters, digits, `-` and `_`. */
const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** Cloud function names: letters, digits, `-` and `_`, at most 60 characters (the console's limit). */
const FUNCTION_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,59}$/;
/** Collection names: letters, digits, `-` and `_`, at most 120 characters. */
const COLLECTION_NAME = /^[A-Za-z0-9_-]{1,120}$/;

export function isEnvName(name: unknown): name is string {
  return typeof name === 'string' && ENV_NAME.test(name);
}

export function isFunctionName(name: unknown): name is string {
  return typeof name === 'string' && FUNCTION_NAME.test(name);
}

export function isCollectionName(name: unknown): name is string {
  return typeof name === 'string' && COLLECTION_NAME.test(name);
}
