/**
 * What other areas may ask of care — the only door in (lint refuses any other import of server/care from another
 * area). Nothing yet: export here what another area needs, and nothing more.
 */
export {};
