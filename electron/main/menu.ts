// A minimal native menu. The Edit roles matter: without them Cmd+V never reaches the page on macOS.
import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  /** Only development builds get the developer tools: in an installed app they are a way into the vault. */
  devTools: boolean;
  platform: NodeJS.Platform;
}

export function buildAppMenu(opts: MenuOptions): Menu {
  return Menu.buildFromTemplate(appMenuTemplate(opts));
}

export function appMenuTemplate({ devTools, platform }: MenuOptions): MenuItemConstructorOptions[] {
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { role: 'reload', label: '重新加载' },
        ...(devTools ? [{ role: 'toggleDevTools' as const, label: '开发者工具' }] : []),
        { type: 'separator' },
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏' },
      ],
    },
    { role: 'windowMenu', label: '窗口' },
  ];
}
