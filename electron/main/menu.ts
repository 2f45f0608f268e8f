// A minimal native menu. The Edit roles matter: without them Cmd+V never reaches the page on macOS.
import { Menu, type MenuItemConstructorOptions } from 'electron';
import { MOD_SHORTCUTS, type AppCommand } from '../../shared/shortcuts/keymap';

export interface MenuOptions {
  /** Only development builds get the developer tools: in an installed app they are a way into the vault. */
  devTools: boolean;
  platform: NodeJS.Platform;
  /** Sends a menu command to the renderer (over the contract's menu:command event), which runs it like the key press. */
  command: (command: AppCommand) => void;
}

const COMMAND_LABELS: Record<AppCommand, string> = {
  'new-case': '新建案件',
  import: '添加文件…',
  export: '导出证据包…',
  settings: '设置',
  search: '搜索',
  help: '键盘快捷键  ?',
};

function commandItem(command: AppCommand, platform: NodeJS.Platform, send: (c: AppCommand) => void): MenuItemConstructorOptions {
  const accelerator = MOD_SHORTCUTS.find((s) => s.command === command)?.accelerator;
  return {
    label: COMMAND_LABELS[command],
    click: () => send(command),
    // The accelerator shows in the menu everywhere. Windows and Linux leave the key itself to the page's
    // own handler (registered, the menu would swallow it before the page's dialogs could say no); macOS
    // always routes key equivalents through the menu, and the renderer ignores the echo of a key it ran.
    ...(accelerator ? { accelerator, registerAccelerator: platform === 'darwin' } : {}),
  };
}

export function buildAppMenu(opts: MenuOptions): Menu {
  return Menu.buildFromTemplate(appMenuTemplate(opts));
}

export function appMenuTemplate({ devTools, platform, command }: MenuOptions): MenuItemConstructorOptions[] {
  const item = (c: AppCommand) => commandItem(c, platform, command);
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: '文件',
      submenu: [item('new-case'), item('import'), item('export'), { type: 'separator' }, item('settings'), { type: 'separator' }, { role: 'quit', label: '退出' }],
    },
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
        { type: 'separator' },
        item('search'),
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
    { label: '帮助', submenu: [item('help')] },
  ];
}
