import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { UsageQueueSummary } from '../core/contract';
import type { ElectronApi } from './electron-api';

export const TRAY_TITLE = '华为云云商店 · 商家工作台';

/** The tray's tooltip: the 话单 queue as the seller reads it. */
export function queueTooltip(queue: UsageQueueSummary): string {
  return `话单队列：${queue.queued} 条待发送 · ${queue.sending} 条发送中 · ${queue.dueSoon} 条即将到期 · ${queue.atRisk} 条已超出窗口`;
}

export interface TrayActions {
  openWindow: () => void;
  quit: () => void;
}

/**
 * Tray / menu-bar icon with the usage queue's state. Closing the window keeps the app (and its
 * outbox) running here; 退出 in this menu quits. Returns the function that shows a queue's state.
 */
export function createQueueTray(
  electron: Pick<ElectronApi, 'Tray' | 'Menu' | 'nativeImage'>,
  resourcesDir: string,
  actions: TrayActions,
  platform: NodeJS.Platform = process.platform,
): (queue: UsageQueueSummary) => void {
  const tray = new electron.Tray(electron.nativeImage.createFromPath(path.join(resourcesDir, 'icons', 'tray.png')));
  tray.setToolTip(TRAY_TITLE);
  tray.on('click', actions.openWindow);
  const menu: MenuItemConstructorOptions[] = [
    { label: '打开商家工作台', click: actions.openWindow },
    { type: 'separator' },
    { label: '退出', click: actions.quit },
  ];
  tray.setContextMenu(electron.Menu.buildFromTemplate(menu));
  return (queue) => {
    tray.setToolTip(queueTooltip(queue));
    if (platform === 'darwin') tray.setTitle(queue.atRisk > 0 ? `⚠ ${queue.atRisk}` : queue.queued > 0 ? String(queue.queued) : '');
  };
}
