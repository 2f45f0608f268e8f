// The 'holidays' namespace: 设置 → 节假日数据 (issue 12).
export const zhHolidays = {
  title: '节假日数据',
  intro: '工作日期限按国务院公布的放假和调休安排计算。尚未有数据的年份按周末和固定节日估算，相关期限标为“暂定”。国务院公布新一年的安排后，可在此导入文件使期限准确。不会联网下载。',
  year: '年份',
  source: '来源',
  loadedAt: '导入时间',
  bundled: '内置数据（{{source}}）',
  fromFile: '文件 {{file}}（{{count}} 个日期）',
  missing: '尚无数据：按周末和固定节日估算（暂定）',
  load: '导入节假日文件',
  loadHint: 'holiday-cn 的年度 JSON 文件（如 2027.json），或 .ics 节假日日历；导入的年份优先于内置数据',
  error: '无法导入：{{message}}',
  loaded: '已导入 {{years}} 年的放假安排',
  recomputed: '已按新数据重新计算 {{count}} 个暂定期限：',
  noneRecomputed: '没有需要重新计算的暂定期限。',
  change: '{{label}}：{{before}} → {{after}}',
} as const;
