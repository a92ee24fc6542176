// electron-builder's afterPack hook: flips the packaged Electron binary's fuses before it is signed.
// electron-builder 25.1.8 (pinned: 26.x needs Node >= 22 here) has no `electronFuses` option, so the
// fuses are flipped with @electron/fuses, the library made for it.
const path = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');

/**
 * The fuses every build gets. Embedded ASAR integrity validation is on where electron-builder 25
 * writes the integrity it checks (macOS: ElectronAsarIntegrity in Info.plist); on Windows the same
 * fuse makes the app exit at start ("Failed to find file integrity info for resources\app.asar",
 * electron-builder#8181) until electron-builder 26's `electronFuses` can be used.
 */
function fusesFor(platform) {
  return {
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: platform === 'darwin' || platform === 'mas',
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

function electronBinary(context) {
  const name = context.packager.appInfo.productFilename;
  if (context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas') return path.join(context.appOutDir, `${name}.app`);
  if (context.electronPlatformName === 'win32') return path.join(context.appOutDir, `${name}.exe`);
  return path.join(context.appOutDir, context.packager.executableName);
}

async function afterPack(context) {
  const platform = context.electronPlatformName;
  await flipFuses(electronBinary(context), {
    version: FuseVersion.V1,
    // an arm64 macOS binary must be re-signed ad hoc after its bytes change (it is signed properly later)
    resetAdHocDarwinSignature: platform === 'darwin' && context.arch === 3,
    ...fusesFor(platform),
  });
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.fusesFor = fusesFor;
