import fs from 'node:fs';
import path from 'node:path';
import * as electron from 'electron';
import log from 'electron-log/main';
import { autoUpdater } from 'electron-updater';
import { startShell } from './shell';

/**
 * The Electron entry: the real `electron` module and updater handed to the shell (electron/main is
 * written against them as arguments, so its tests run under Node with a fake).
 */
log.initialize();
autoUpdater.logger = log;
const distDir = path.resolve(__dirname, '..');
const { app } = electron;
// electron-builder writes app-update.yml (the feed URL: SELLER_DESK_UPDATE_URL when packaging; the
// Windows publisher the installer must be signed by) into installed builds only
const feedConfigured = app.isPackaged && fs.existsSync(path.join(process.resourcesPath, 'app-update.yml'));
startShell(electron, {
  distDir,
  resourcesDir: app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(distDir, '..', 'resources'),
  updater: feedConfigured ? autoUpdater : null,
  offReason: app.isPackaged ? 'noFeed' : 'notPackaged',
  log,
});
