/**
 * Every collection the functions use, with the indexes its queries need. This is the checklist for the
 * WeChat Cloud console (README "部署"): create each collection, set its permission to "仅管理端可读写"
 * (clients never read the database directly), and add the listed indexes. The `jobs` function's setup
 * creates the collections; indexes are console-only in WeChat Cloud.
 */
export interface IndexSpec {
  name: string;
  keys: Record<string, 1 | -1>;
  unique?: boolean;
}

export interface CollectionSpec {
  /** What it holds, for the people reading the console. */
  purpose: string;
  indexes: IndexSpec[];
}

export const COLLECTIONS = {
  unions: {
    purpose: '基层工会（租户）：名称、上级工委、当年政策',
    indexes: [],
  },
  audit_log: {
    purpose: '审计日志：谁在何时把什么从何状态改为何状态（只追加）',
    indexes: [{ name: 'union_at', keys: { unionId: 1, at: -1 } }],
  },
} satisfies Record<string, CollectionSpec>;

export type CollectionName = keyof typeof COLLECTIONS;
