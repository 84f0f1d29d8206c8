/**
 * Outbox event of a change to what a year's report draft says (an entry in the report was marked, changed or
 * deleted); payload `{years}`: the draft of each listed year is rebuilt.
 */
export const WORKLOG_CHANGED = 'worklog.changed';
