import { fixedCredentials, formatSdrTime, KooGalleryClient, type KooGalleryCredentials, type UsagePushRecord } from '../../electron/core/koogallery';
import { DEMO_CREDENTIALS, startSandboxServer, type FaultPlan, type SandboxOptions, type SandboxServer } from '../../electron/sandbox';
import { faultPlanSchema } from '../../electron/sandbox';

/** A sandbox marketplace on 127.0.0.1 and a real client pointed at it. */
export async function sandboxWithClient(options: SandboxOptions = {}, credentials: KooGalleryCredentials = DEMO_CREDENTIALS, timeoutMs = 5_000) {
  const sandbox = await startSandboxServer({ seed: 'test-seed', size: 'small', ...options });
  const client = new KooGalleryClient({
    baseUrls: [sandbox.baseUrl],
    credentials: fixedCredentials(credentials),
    timeoutMs,
    ...(options.now ? { now: options.now } : {}),
  });
  return { sandbox, client };
}

export function setFaults(sandbox: SandboxServer, plan: Partial<FaultPlan>): void {
  sandbox.state.faults.configure(faultPlanSchema.parse(plan));
}

/** `count` hourly records spread over the sandbox's pay-per-use instances, ending before `now`. */
export function usageRecords(sandbox: SandboxServer, count: number, now: number, prefix = 'sn'): UsagePushRecord[] {
  const instances = [...sandbox.state.instances.values()].filter((i) => i.resource_start_at < now - 48 * 3_600_000);
  const hour = 3_600_000;
  const lastHour = Math.floor(now / hour) * hour - hour;
  return Array.from({ length: count }, (_, n) => {
    const instance = instances[n % instances.length]!;
    const begin = lastHour - Math.floor(n / instances.length) * hour;
    return {
      instance_id: instance.instance_id,
      record_time: formatSdrTime(begin + hour),
      begin_time: formatSdrTime(begin),
      end_time: formatSdrTime(begin + hour - 1000),
      usage_value: `${(n % 97) + 1}.5`,
      metering_sn: `${prefix}-${n}`,
    };
  });
}

export async function ledgerOf(sandbox: SandboxServer) {
  await sandbox.state.ledger.settled();
  return { ledger: sandbox.state.ledger.ledger(), anomalies: sandbox.state.ledger.anomalies() };
}
