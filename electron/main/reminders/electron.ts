// The thin Electron side of reminders: OS notifications, wake from sleep, the tray, the login item and
// the save dialog. Every decision lives in service.ts, which the composition root creates with the
// host and ports made here; attach() then hands the service back for the tray and notifications.
import { extname, join } from 'node:path';
import { app, Menu, nativeImage, Notification, powerMonitor, Tray, type BrowserWindow, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import { NOTIFICATION_SNOOZE_MIN, type FiredReminder, type ReminderAction } from '../../../shared/reminders/contract';
import type { ReminderHost } from '../composition';
import type { ReminderPorts } from './handlers';
import type { ReminderService } from './service';
import { notificationText, trayLine } from './text';
import { TRAY_ICON_1X, TRAY_ICON_2X } from './trayIcon';
import { pickSavePath } from '../dialogs';

/** Passed to the login item on Windows, so a start at login stays in the tray. */
export const HIDDEN_ARG = '--hidden';
const HOUR = 60 * 60 * 1000;
const TRAY_LINES = 5;

export interface RemindersGlueOptions {
  getWindow(): BrowserWindow | undefined;
  /** Shows and focuses the main window, creating it again if it was closed (macOS). */
  showWindow(): void;
  /** Pushes 'reminders:action': a notification's snooze or done, for the renderer's database. */
  emitAction(action: ReminderAction): void;
  /** The app's one clock. */
  now(): number;
}

export interface RemindersGlue {
  /** Notifications, timers and the tray refresh, for the reminder service. */
  host: ReminderHost;
  ports: Omit<ReminderPorts, 'now'>;
  /** Call once with the service made from `host`: shows the tray's list and looks for missed reminders. */
  attach(service: ReminderService): void;
  /** For the window's 'close' event: true means hide it to the tray instead. */
  shouldHideOnClose(): boolean;
  /** Call after hiding: the first time, says once that reminders keep running in the tray. */
  hiddenToTray(): void;
  /** The OS started the app at login: keep the window hidden. */
  launchedAtLogin: boolean;
}

function trayImage(): NativeImage {
  const image = nativeImage.createFromDataURL(TRAY_ICON_1X);
  image.addRepresentation({ scaleFactor: 2, dataURL: TRAY_ICON_2X });
  return image;
}

/** Call once, after app 'ready'. */
export function createRemindersGlue(opts: RemindersGlueOptions): RemindersGlue {
  // Toasts on Windows are attributed to this id; a packaged build's appId must match it.
  if (process.platform === 'win32') app.setAppUserModelId('com.liuzheng.app');
  // Buttons only where Electron delivers their 'action' event; on Linux the click opens the app instead.
  const hasActions = process.platform === 'darwin' || process.platform === 'win32';
  // setLoginItemSettings exists only on macOS and Windows, and an unpackaged build would register the
  // bare Electron binary, which opens nothing useful at login.
  const launchAtLoginSupported = app.isPackaged && (process.platform === 'darwin' || process.platform === 'win32');
  const icon = trayImage();
  // Electron drops the handlers of a notification that gets garbage collected; hold each until it closes.
  const live = new Set<Notification>();
  let quitting = false;
  let toldAboutTray = false;
  let service: ReminderService | undefined;
  // Created first so it exists before the service's first onChange; a tray keeps the app reachable
  // while the window is hidden.
  const tray = new Tray(icon);
  // Windows users expect a left click to open the app; elsewhere a click opens the menu, which has "打开".
  if (process.platform === 'win32') tray.on('click', () => opts.showWindow());

  const report = (err: unknown) => console.error('[reminders]', err);

  function show(r: FiredReminder): void {
    if (!Notification.isSupported()) return;
    const { title, body } = notificationText(r, opts.now());
    const pressing = r.overdue || r.dueAt - opts.now() <= 2 * HOUR;
    const n = new Notification({
      title,
      body,
      icon,
      urgency: pressing ? 'critical' : 'normal',
      timeoutType: pressing ? 'never' : 'default',
      actions: hasActions
        ? [
            { type: 'button', text: `${NOTIFICATION_SNOOZE_MIN / 60}小时后提醒` },
            { type: 'button', text: '标记完成' },
          ]
        : [],
    });
    const release = () => live.delete(n);
    n.on('click', () => {
      release();
      opts.showWindow();
    });
    n.on('action', (event) => {
      release();
      if (!service) return;
      const applied = event.actionIndex === 0 ? service.snooze(r.deadlineId, NOTIFICATION_SNOOZE_MIN) : service.done(r.deadlineId);
      applied.then((action) => opts.emitAction(action)).catch(report);
    });
    n.on('close', release);
    live.add(n);
    n.show();
  }

  function refreshTray(): void {
    const upcoming = service?.snapshot().upcoming ?? [];
    const count = upcoming.length === 0 ? '没有未完成的期限' : `${upcoming.length} 个未完成的期限`;
    const items: MenuItemConstructorOptions[] = [
      { label: '打开 留证', click: () => opts.showWindow() },
      { type: 'separator' },
      { label: count, enabled: false },
      ...upcoming.slice(0, TRAY_LINES).map((d) => ({ label: trayLine(d), click: () => opts.showWindow() })),
      { type: 'separator' },
      { label: '退出 留证', click: () => app.quit() },
    ];
    tray.setToolTip(`留证 · ${count}`);
    // Linux only picks up a changed menu when it is set again.
    tray.setContextMenu(Menu.buildFromTemplate(items));
  }

  const host: ReminderHost = {
    setTimer: (fire, delayMs) => setTimeout(fire, delayMs),
    clearTimer: (handle) => {
      if (handle !== null) clearTimeout(handle);
    },
    notify: show,
    afterFired: refreshTray,
    onChange: refreshTray,
    onError: report,
    launchAtLoginSupported,
  };

  const allowQuit = () => {
    quitting = true;
  };
  app.on('before-quit', allowQuit);
  // A system shutdown must not be held up by a window that hides instead of closing.
  powerMonitor.on('shutdown', allowQuit);

  const attach = (made: ReminderService): void => {
    service = made;
    refreshTray();
    // Node timers stand still while the machine sleeps; look again the moment it wakes.
    powerMonitor.on('resume', () => void made.resume().catch(report));
    void made.resume().catch(report);
    // The OS list can drift from ours (the user removed the entry in System Settings, or the app moved):
    // the stored choice wins, once, at start.
    if (launchAtLoginSupported) {
      void made
        .settings()
        .then(({ launchAtLogin }) => {
          if (app.getLoginItemSettings({ args: [HIDDEN_ARG] }).openAtLogin !== launchAtLogin) app.setLoginItemSettings({ openAtLogin: launchAtLogin, args: [HIDDEN_ARG] });
        })
        .catch(report);
    }
  };

  const ports: Omit<ReminderPorts, 'now'> = {
    async chooseIcsPath(defaultName) {
      const file = await pickSavePath(opts.getWindow, {
        title: '导出期限到日历',
        defaultPath: join(app.getPath('documents'), defaultName),
        filters: [{ name: '日历文件 iCalendar', extensions: ['ics'] }],
      });
      if (file === null) return null;
      // Some Linux dialogs ignore the filter's extension; phone calendars only open a file ending in .ics.
      return extname(file) === '' ? `${file}.ics` : file;
    },
    applyLaunchAtLogin(enabled) {
      app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_ARG] });
    },
  };

  return {
    host,
    ports,
    attach,
    // Windows and Linux quit when the last window closes, which would silence every reminder. So
    // while a reminder is still to come, closing hides to the tray; with nothing left to remind,
    // closing quits as users expect and no invisible process lingers. macOS keeps the app running
    // after its windows close anyway, so the window closes normally there.
    shouldHideOnClose: () => !quitting && process.platform !== 'darwin' && (service?.snapshot().nextWakeAt ?? null) !== null,
    hiddenToTray() {
      if (toldAboutTray || !Notification.isSupported()) return;
      toldAboutTray = true;
      new Notification({ title: '留证 仍在托盘中运行', body: '期限提醒会照常弹出。要完全退出,请在托盘图标的菜单中选择“退出 留证”。', icon }).show();
    },
    launchedAtLogin:
      process.argv.includes(HIDDEN_ARG) || (process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin),
  };
}
