/** What a history entry is about; the filter `kind` of the history query. */
export const HISTORY_KINDS = ['inspection', 'supervision', 'review', 'discipline', 'appeal', 'removal'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];
