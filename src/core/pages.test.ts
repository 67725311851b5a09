import { appPages } from './appPages';
import { isStaff, mayOpen, pageAt, PAGES, SUBPACKAGES, tilesFor } from './pages';

const keys = (tiles: { key: string }[]) => tiles.map((t) => t.key);

describe('the page registry', () => {
  it('puts the home page first and every other page of the main package before the subpackages', () => {
    const { pages, subPackages } = appPages();
    expect(pages).toEqual(['pages/index/index', 'pages/inbox/index', 'pages/me/index']);
    // Today's subpackages first, in this order; an area added since (`npm run new:area`) comes after them.
    expect(subPackages.map((s) => s.root).slice(0, 4)).toEqual(['packages/admin', 'packages/members', 'packages/ledger', 'packages/events']);
    expect(subPackages.map((s) => s.root)).toEqual(Object.values(SUBPACKAGES));
    const all = [...pages, ...subPackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];
    expect(all.sort()).toEqual(Object.values(PAGES).map((p) => p.path.slice(1)).sort());
  });

  it('finds an entry by its path, with or without the leading slash and query', () => {
    expect(pageAt('packages/events/pages/detail/index?id=e1')).toBe(PAGES.eventDetail);
    expect(pageAt('/nowhere')).toBeUndefined();
  });
});

describe('tiles', () => {
  it('offers a caller without an account 实名认证 and the report', () => {
    expect(keys(tilesFor('home', null))).toEqual(['bind', 'report']);
  });

  it('offers a member events, the care center and the report, an officer also 工会管理', () => {
    expect(keys(tilesFor('home', { roles: ['member'] }))).toEqual(['events', 'care', 'gifts', 'hardship', 'report']);
    expect(keys(tilesFor('home', { roles: ['member', 'officer'] }))).toEqual(['events', 'care', 'gifts', 'hardship', 'report', 'admin']);
  });

  it('gives a 关爱专员 工会管理 with the care queue only, officers the care figures and settings too', () => {
    expect(keys(tilesFor('home', { roles: ['member', 'care_handler'] }))).toEqual(['events', 'care', 'gifts', 'hardship', 'report', 'admin']);
    expect(keys(tilesFor('admin', { roles: ['member', 'care_handler'] }))).toEqual(['care']);
    expect(keys(tilesFor('admin', { roles: ['member', 'officer'] }))).toEqual(expect.arrayContaining(['care', 'care-stats', 'care-settings']));
    expect(keys(tilesFor('admin', { roles: ['member', 'auditor'] }))).not.toContain('care-stats');
  });

  it('shows each section of 工会管理 to the roles its page admits', () => {
    expect(keys(tilesFor('admin', { roles: ['member', 'auditor'] }))).toEqual(['policy', 'budget', 'ledger', 'audit', 'gifts-statement']);
    // A cake-shop clerk: redeeming vouchers on the home screen, nothing of 工会管理.
    expect(keys(tilesFor('home', { roles: ['clerk'] }))).toEqual(['gifts-redeem']);
    expect(tilesFor('admin', { roles: ['clerk'] })).toEqual([]);
    expect(keys(tilesFor('admin', { roles: ['member', 'chair'] }))).toContain('parent-committee');
    expect(keys(tilesFor('admin', { roles: ['member', 'committee'] }))).toEqual(['members-of-committee', 'hardship-referrals']);
    // 帮扶审核: the review, the files and the settings — no other section; other officers and the auditor none of those.
    expect(keys(tilesFor('admin', { roles: ['member', 'hardship_reviewer'] }))).toEqual(['hardship', 'hardship-files', 'hardship-settings']);
    expect(keys(tilesFor('admin', { roles: ['member', 'officer'] }))).not.toContain('hardship');
    expect(keys(tilesFor('admin', { roles: ['member', 'auditor'] }))).not.toContain('hardship-files');
    expect(tilesFor('admin', { roles: ['member'] })).toEqual([]);
  });

  it('counts as staff whoever has a section of 工会管理, and no one else', () => {
    expect(isStaff(['member', 'committee'])).toBe(true);
    expect(isStaff(['member'])).toBe(false);
    expect(isStaff(['clerk'])).toBe(false);
  });
});

describe('who may open a page', () => {
  it('admits to the binding page only a caller without an account', () => {
    expect(mayOpen(PAGES.bind.access, null)).toBe(true);
    expect(mayOpen(PAGES.bind.access, { roles: ['member'] })).toBe(false);
  });

  it('admits to an officer page only the roles of its permission', () => {
    expect(mayOpen(PAGES.roster.access, { roles: ['member', 'officer'] })).toBe(true);
    expect(mayOpen(PAGES.roster.access, { roles: ['member', 'auditor'] })).toBe(false);
    expect(mayOpen(PAGES.roster.access, null)).toBe(false);
  });
});
