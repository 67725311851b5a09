/**
 * The app config's `pages` and `subPackages`, derived from the page registry: app.config.ts and the build check
 * (scripts/check-weapp.ts) use it. A module of its own so the mini-program's code does not carry it.
 */
import { PAGES, SUBPACKAGES, type PageEntry } from './pages';

const ENTRIES: readonly PageEntry[] = Object.values(PAGES);

/** As WeChat and Taro expect them: the main package's pages first (the home page first of all), no leading '/'. */
export function appPages(): { pages: string[]; subPackages: { root: string; pages: string[] }[] } {
  const roots = Object.values(SUBPACKAGES);
  const rel = (p: PageEntry) => p.path.slice(1);
  return {
    pages: ENTRIES.filter((p) => !roots.some((r) => rel(p).startsWith(`${r}/`))).map(rel),
    subPackages: roots.map((root) => ({
      root,
      pages: ENTRIES.filter((p) => rel(p).startsWith(`${root}/`)).map((p) => rel(p).slice(root.length + 1)),
    })),
  };
}

