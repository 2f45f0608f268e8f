// The 'times' namespace (issue 12): where each capture time came from, how far it is trusted, and
// how each time found in a screenshot was obtained.
export const zhTimes = {
  trust: { trusted: '可信', weak: '不可靠' },
  trustHint: {
    trusted: '由手机在截图时写入，或由你核对设定',
    weak: '复制、传输或粘贴时会改变，可能不是截图的时间',
  },
  approxAt: '约 {{at}}（{{from}}）',
  approxFrom: { mtime: '按文件时间推算', clipboard: '按粘贴时间推算', import: '按导入时间推算', exif: '按截图时间推算', filename: '按截图时间推算', statusbar: '按截图时间推算', user: '按截图时间推算' },
  basis: { shown: '截图所示', inferred: '按截图时间推算', approx: '约' },
  suspect: '截图时间可能有误：截图中的时刻或状态栏时钟与它不符，请核对并设定截图时间',
  approxTitle: '约略时间（不作为确切时间列出）',
  approxHint: '这些时间按不可靠的截图时间推算，仅供参考；保留后才会出现在时间线和证据包中，并标注“约”。',
  keep: '保留',
  unkeep: '不保留',
  afterCapture: '晚于截图时间',
  setCapture: '设定截图时间',
  setCaptureHint: '可在手机相册的“详情”中查看截图的拍摄时间',
  confirmCapture: '确认截图时间',
  captureInput: '截图时间',
  save: '保存',
  cancel: '取消',
  saved: '截图时间已设定，相对时间已重新推算',
  invalid: '请输入有效的时间，且不晚于现在',
  barAgrees: '截图状态栏时钟 {{time}}，与截图时间一致',
  barDisagrees: '截图状态栏时钟 {{time}}，与截图时间不符',
  dateFrom: '（日期取自{{source}}）',
} as const;
