// The 'portable' namespace, kept in its own file so features can grow without crowding zh.ts.
export const zhPortable = {
  export: '导出案件文件夹',
  exportHint: '案件信息（case.json）和全部原件，可在另一台电脑导入，也可用命令行生成证据包',
  import: '导入案件',
  importHint: '选择含有 case.json 的案件文件夹',
  working: '正在处理…',
  exported: '已导出案件文件夹（{{files}} 个文件）',
  imported: '已导入案件「{{title}}」，共 {{count}} 份证据，原件已存入证据库',
  exportFailed: '导出案件文件夹失败',
  importFailed: '导入案件失败',
  noEvidence: '这个案件还没有证据，无需导出文件夹。',
  dismiss: '关闭',
} as const;
