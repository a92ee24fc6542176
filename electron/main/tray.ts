import path from 'node:path';
import { app, Menu, nativeImage, Tray } from 'electron';
import type { UsageQueueSummary } from '../core/contract';

/**
 * Tray / menu-bar icon with the usage queue's state. Closing the window keeps the app (and its
 * outbox) running here; 退出 from this menu quits.
 */
export function createQueueTray(resourcesDir: string, openWindow: () => void): (queue: UsageQueueSummary) => void {
  const tray = new Tray(nativeImage.createFromPath(path.join(resourcesDir, 'icons', 'tray.png')));
  tray.setToolTip('华为云云商店 · 商家工作台');
  tray.on('click', openWindow);
  tray.setContextMenu(
    Menu.buildFromTemplate([{ label: '打开商家工作台', click: openWindow }, { type: 'separator' }, { label: '退出', click: () => app.quit() }]),
  );
  return (queue) => {
    const text = `话单队列：${queue.queued} 条待发送 · ${queue.sending} 条发送中 · ${queue.dueSoon} 条即将到期 · ${queue.atRisk} 条已超出窗口`;
    tray.setToolTip(text);
    if (process.platform === 'darwin') tray.setTitle(queue.atRisk > 0 ? `⚠ ${queue.atRisk}` : queue.queued > 0 ? String(queue.queued) : '');
  };
}

/** Runtime assets: next to the app when packaged (electron-builder extraResources), the repo's resources/ otherwise. */
export function resourcesDir(distDir: string): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(distDir, '..', 'resources');
}
