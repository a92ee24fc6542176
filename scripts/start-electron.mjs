// `npm start`: makes sure the Electron binary and an Electron build of better-sqlite3 exist, builds
// the app, and launches it. Where the network blocks Electron's download it says so and points to
// browser mode instead of failing obscurely.
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { electronBinary, root } from './electron-runtime.mjs';
import { ensureElectronNative } from './electron-native.mjs';

function installElectron() {
  if (electronBinary()) return electronBinary();
  console.log('Electron binary not installed yet; downloading it (node node_modules/electron/install.js) …');
  try {
    execFileSync(process.execPath, [path.join(root, 'node_modules/electron/install.js')], { stdio: 'inherit' });
  } catch {
    // reported below
  }
  return electronBinary();
}

const binary = installElectron();
if (!binary) {
  console.error(
    '\nThe Electron binary could not be downloaded (the network blocks it here).\n' +
      'Use browser mode instead — the same app in your browser:\n\n    npm run web\n\n' +
      'Or install Electron where the network allows: node node_modules/electron/install.js',
  );
  process.exit(1);
}
let nativeBinding;
try {
  nativeBinding = ensureElectronNative();
} catch (error) {
  console.error(`\nCould not build better-sqlite3 for Electron: ${error.message}\nBrowser mode still works: npm run web`);
  process.exit(1);
}
execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
const child = spawn(binary, ['.'], { cwd: root, stdio: 'inherit', env: { ...process.env, SELLER_DESK_NATIVE_BINDING: nativeBinding } });
child.on('exit', (code) => process.exit(code ?? 0));
