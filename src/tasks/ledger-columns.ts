/** The 整改台账 columns, in ledger order; widths in characters of the body font. The id column is hidden. */
export const LEDGER_COLUMNS = [
  { header: '序号', key: 'seq', width: 6 },
  { header: '问题', key: 'problem', width: 30 },
  { header: '整改措施', key: 'measure', width: 36 },
  { header: '责任领导', key: 'leader', width: 10 },
  { header: '责任单位', key: 'unit', width: 14 },
  { header: '责任人', key: 'assignee', width: 10 },
  { header: '完成时限', key: 'deadline', width: 12 },
  { header: '进展情况', key: 'progress', width: 30 },
  { header: '整改成效', key: 'outcome', width: 26 },
  { header: '红黄绿灯', key: 'light', width: 9 },
  { header: '任务编号', key: 'id', width: 38, hidden: true },
] as const;

/** The printed ledger's visible columns as GET /meta gives them (vocabulary.ledgerColumns), for the 打印台账 page. */
export const PRINTED_LEDGER_COLUMNS = LEDGER_COLUMNS.filter((column) => !('hidden' in column)).map(
  ({ key, header }) => ({ key, label: header }),
);
