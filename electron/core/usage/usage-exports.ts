import type { z } from 'zod';
import type { usageRecordExportFiltersSchema } from '../contract';
import { countRows, dateField, equals, integerField, joinConditions, textField, type Condition, type ExportField, type ExportTable } from '../lists';
import { WINDOW_OUTCOMES } from './usage-store';

/** 话单管理's exports: the records, the upload log (the proof of every push) and the on-time report. */

type UsageRecordFilters = z.infer<typeof usageRecordExportFiltersSchema>;
function recordConditions(filters: UsageRecordFilters): Condition[] {
  const conditions: Condition[] = [];
  equals(conditions, 'window_opens_at', filters.windowOpensAt, 'windowOpensAt');
  equals(conditions, 'state', filters.state);
  return conditions;
}

const RECORD_FIELDS: ExportField[] = [
  textField('话单流水号(metering_sn)', 'metering_sn', 40),
  textField('实例ID', 'instance_id', 24),
  dateField('开始时间', 'begin_at'),
  dateField('结束时间', 'end_at'),
  textField('用量', 'usage_value', 12),
  textField('计费周期', 'billing_cycle', 9, 'billingCycle'),
  dateField('上报窗口开始', 'window_opens_at'),
  textField('状态', 'state', 9, 'usageState'),
  textField('及时性', 'timeliness', 8, 'timeliness'),
  integerField('发送次数', 'attempts', 9),
  textField('错误码', 'last_error_code', 12),
  textField('错误信息', 'last_error_message', 36),
  dateField('接受时间', 'accepted_at'),
];

/** 话单: a window's records (or all), as 话单管理 filters them. */
export const USAGE_RECORDS_EXPORT: ExportTable<UsageRecordFilters> = {
  title: '话单',
  fields: RECORD_FIELDS,
  rows(filters) {
    const { where, params } = joinConditions(recordConditions(filters));
    return { sql: `SELECT ${RECORD_FIELDS.map((f) => f.sql).join(', ')} FROM usage_records ${where} ORDER BY window_opens_at DESC, id`, params };
  },
  count: (db, filters) => countRows(db, 'usage_records', recordConditions(filters)),
};

const ATTEMPT_FIELDS: ExportField[] = [
  dateField('发送时间', 'started_at'),
  dateField('完成时间', 'finished_at'),
  textField('ts', 'ts', 15),
  textField('nonce', 'nonce', 36),
  textField('请求体SHA-256', 'body_sha256', 66),
  integerField('记录数', 'record_count', 8),
  integerField('HTTP状态', 'http_status', 9),
  textField('错误码', 'code', 12),
  textField('消息', 'message', 36),
  textField('结果', 'outcome', 12, 'uploadOutcome'),
];

/** The upload log: the proof of every push. */
export const UPLOAD_ATTEMPTS_EXPORT: ExportTable<object> = {
  title: '话单上传记录',
  fields: ATTEMPT_FIELDS,
  rows: () => ({ sql: `SELECT ${ATTEMPT_FIELDS.map((f) => f.sql).join(', ')} FROM upload_attempts ORDER BY id DESC`, params: {} }),
  count: (db) => countRows(db, 'upload_attempts', []),
};

const WINDOW_FIELDS: ExportField[] = [
  dateField('上报窗口开始', 'window_opens_at'),
  dateField('上报窗口结束', 'MAX(window_closes_at)'),
  textField('计费周期', 'billing_cycle', 9, 'billingCycle'),
  ...WINDOW_OUTCOMES.map(([, header, sql]) => integerField(header, sql)),
  textField('准时率', `printf('%.1f%%', 100.0 * SUM(state = 'accepted' AND timeliness = 'on_time') / COUNT(*))`, 9),
];

/** 话单 SLA report: one row per reporting window, the counts 话单管理 shows and the on-time ratio. */
export const USAGE_WINDOWS_EXPORT: ExportTable<object> = {
  title: '话单准时率',
  fields: WINDOW_FIELDS,
  rows: () => ({
    sql: `SELECT ${WINDOW_FIELDS.map((f) => f.sql).join(', ')} FROM usage_records GROUP BY window_opens_at, billing_cycle ORDER BY window_opens_at DESC`,
    params: {},
  }),
  count: (db) => db.prepare('SELECT COUNT(*) FROM (SELECT 1 FROM usage_records GROUP BY window_opens_at, billing_cycle)').pluck().get() as number,
};
