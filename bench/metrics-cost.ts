/**
 * What METRICS_PORT costs (docs/OPERATIONS.md, "Metrics"): the built server with metrics
 * off and on, loaded in turn with the same number of status requests (the cheapest API
 * answer, where counting weighs most). For each run it reads the server's own CPU time
 * from /proc, which a busy shared machine disturbs far less than requests per second.
 *
 *   npm run build && npx tsx bench/metrics-cost.ts      (ROUNDS=8 AMOUNT=40000 by default;
 *   SERVER_ENTRY=path/to/main.js measures another build)
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { b64, fakeEnvelope, newProofs } from '../test/helpers/proofs.js';
import { assertBuilt, startBurnlink, type ChildServer } from './processes.js';

const ROUNDS = Number(process.env.ROUNDS ?? 8);
const AMOUNT = Number(process.env.AMOUNT ?? 40_000);
/** Linux's USER_HZ: /proc/PID/stat counts CPU time in these ticks. */
const TICKS_PER_SECOND = 100;

/** User plus system CPU time of a process so far, in microseconds. */
function cpuMicroseconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / TICKS_PER_SECOND;
}

/** A secret on the server, and the status request for it (it burns nothing, so it can repeat). */
async function statusRequest(server: ChildServer) {
  const proofs = newProofs();
  const res = await fetch(`${server.origin}/api/secrets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ciphertext: b64(fakeEnvelope()), accessHash: proofs.accessHash }),
  });
  if (res.status !== 201) throw new Error(`create answered ${res.status}`);
  const { id } = (await res.json()) as { id: string };
  return { server, url: `${server.origin}/api/secrets/${id}/status`, body: JSON.stringify({ access: proofs.access }) };
}

/** Server CPU microseconds per answer, and answers per second, over AMOUNT requests. */
async function run(target: Awaited<ReturnType<typeof statusRequest>>) {
  const before = cpuMicroseconds(target.server.pid);
  const result = await autocannon({
    url: target.url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: target.body,
    connections: 10,
    amount: AMOUNT,
  });
  if (result['2xx'] !== AMOUNT) throw new Error(`${AMOUNT - result['2xx']} answers were not 2xx`);
  return { cpu: (cpuMicroseconds(target.server.pid) - before) / AMOUNT, perSecond: result.requests.average };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

assertBuilt();
const entry = process.env.SERVER_ENTRY;
const servers = [await startBurnlink({ entry }), await startBurnlink({ entry, env: { METRICS_PORT: '0' } })];
try {
  const [off, on] = await Promise.all(servers.map(statusRequest));
  const runs = { off: [] as { cpu: number; perSecond: number }[], on: [] as { cpu: number; perSecond: number }[] };
  await run(off!);
  await run(on!);
  for (let round = 0; round < ROUNDS; round++) {
    // Both orders, so neither side always runs on the warmer machine.
    const order = round % 2 ? (['on', 'off'] as const) : (['off', 'on'] as const);
    for (const side of order) runs[side].push(await run(side === 'on' ? on! : off!));
  }
  for (const side of ['off', 'on'] as const) {
    const cpu = median(runs[side].map((r) => r.cpu));
    const perSecond = median(runs[side].map((r) => r.perSecond));
    console.log(
      `metrics ${side}: ${cpu.toFixed(1)} µs CPU per answer, ${Math.round(perSecond)} answers/s (medians of ${ROUNDS})`,
    );
  }
} finally {
  await Promise.all(servers.map((server) => server.stop()));
}
