import { spawn, type ChildProcess } from 'node:child_process';

export interface StartedProcess {
  child: ChildProcess;
  match: string;
}

/**
 * A built script (`npm run build`) in its own Node process (`nodeArgs`: node's flags, the script, its
 * arguments) with `env` added, once its output matches `ready` (`match` is the pattern's first group).
 */
export async function startNodeProcess(nodeArgs: string[], env: Record<string, string>, ready: RegExp): Promise<StartedProcess> {
  const child = spawn(process.execPath, nodeArgs, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const match = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = ready.exec(out);
      if (found) resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`node ${nodeArgs.join(' ')} exited with ${code} (run npm run build first): ${out}`)));
  });
  child.stdout!.resume();
  return { child, match };
}
