import { parseArgs } from 'node:util';
import { clockFromEnvironment } from '../core/jobs';
import { parseFaultFlag } from './faults';
import { DEMO_CREDENTIALS } from './sandbox-state';
import { startSandboxServer } from './server';

/** `npm run sandbox -- --port N --seed S --size small|large [--faults server_error=0.1,…]` */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8940' },
      seed: { type: 'string', default: 'koogallery' },
      size: { type: 'string', default: 'small' },
      faults: { type: 'string' },
    },
  });
  if (values.size !== 'small' && values.size !== 'large') throw new Error(`--size must be small or large, not "${values.size}"`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, not "${values.port}"`);
  const env = process.env;
  const credentials = {
    sellerKey: env.KOO_SANDBOX_SELLER_KEY ?? DEMO_CREDENTIALS.sellerKey,
    ak: env.KOO_SANDBOX_AK ?? DEMO_CREDENTIALS.ak,
    sk: env.KOO_SANDBOX_SK ?? DEMO_CREDENTIALS.sk,
  };
  // SELLER_DESK_CLOCK_START / _RATE / _ANCHOR: the same simulated timeline as an app given the same three
  const clock = clockFromEnvironment(env);
  const sandbox = await startSandboxServer({ port, seed: values.seed, size: values.size, credentials, ...(clock ? { now: clock.now } : {}) });
  if (values.faults) sandbox.state.faults.configure(parseFaultFlag(values.faults));
  const demo = (name: keyof typeof credentials, variable: string) =>
    credentials[name] === DEMO_CREDENTIALS[name] ? `${credentials[name]}   (demo default; set ${variable})` : `(from ${variable})`;
  console.log(
    [
      `KooGallery sandbox marketplace on ${sandbox.baseUrl}  (seed "${values.seed}", size ${values.size})`,
      `  interconnection key: ${demo('sellerKey', 'KOO_SANDBOX_SELLER_KEY')}`,
      `  AK: ${demo('ak', 'KOO_SANDBOX_AK')}`,
      `  SK: ${demo('sk', 'KOO_SANDBOX_SK')}`,
      `  pay-per-use instances: GET ${sandbox.baseUrl}/sandbox/instances`,
      `  accepted usage: GET ${sandbox.baseUrl}/sandbox/ledger   anomalies: GET ${sandbox.baseUrl}/sandbox/anomalies`,
    ].join('\n'),
  );
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
