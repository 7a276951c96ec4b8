import { expect, it } from 'vitest';
import { _fakeClock, _person } from './fixtures.ts';
import type { ContractContext } from './testAnchorStore.ts';

/** Contract tests for run history, mark-and-sweep and watermarks. @internal */
export function runContract({ open }: ContractContext): void {
  it('records runs with profile, clock times, counts, status and error, newest first', async () => {
    const store = await open({ now: _fakeClock() });
    const first = await store.beginRun('full-import');
    const second = await store.beginRun('delta-import');
    expect(second).toBeGreaterThan(first);
    const finished = await store.finishRun(first, { counts: { added: 3, deleted: 1 } });
    expect(finished).toEqual({
      id: first,
      profile: 'full-import',
      startedAt: new Date('2026-01-01T00:00:00Z'),
      finishedAt: new Date('2026-01-01T00:02:00Z'),
      status: 'succeeded',
      counts: { added: 3, updated: 0, deleted: 1, failed: 0 },
    });
    await store.finishRun(second, { counts: { failed: 2 }, error: `LDAP busy ${'x'.repeat(3000)}` });
    const runs = await store.listRuns();
    expect(runs.map((r) => [r.id, r.status])).toEqual([
      [second, 'failed'],
      [first, 'succeeded'],
    ]);
    expect(runs[0]?.error).toMatch(/^LDAP busy x+…$/);
    expect(runs[0]?.error).toHaveLength(2000);
    expect(await store.listRuns({ limit: 1 })).toHaveLength(1);
    expect(await store.getRun(first)).toEqual(finished);
  });

  it('shows a run that was begun but not finished as unfinished', async () => {
    const store = await open({ now: _fakeClock() });
    const id = await store.beginRun('full-import');
    const [run] = await store.listRuns();
    expect(run).toEqual({
      id,
      profile: 'full-import',
      startedAt: new Date('2026-01-01T00:00:00Z'),
      status: 'unfinished',
      counts: { added: 0, updated: 0, deleted: 0, failed: 0 },
    });
  });

  it('refuses to finish an unknown run or a run twice, and bad run input', async () => {
    const store = await open();
    const id = await store.beginRun('export');
    await store.finishRun(id);
    await expect(store.finishRun(id)).rejects.toMatchObject({ code: 'run-finished' });
    await expect(store.finishRun(id + 100)).rejects.toMatchObject({ code: 'unknown-run' });
    await expect(store.sweepUnseen(id + 100)).rejects.toMatchObject({ code: 'unknown-run' });
    await expect(store.upsert(_person(1), { runId: id + 100 })).rejects.toMatchObject({
      code: 'unknown-run',
    });
    await expect(store.beginRun('')).rejects.toMatchObject({ code: 'invalid-option' });
    const other = await store.beginRun('export');
    await expect(store.finishRun(other, { counts: { added: -1 } })).rejects.toMatchObject({
      code: 'invalid-option',
    });
  });

  it('sweeps exactly the entries a full import did not see, and returns them', async () => {
    const store = await open();
    const first = await store.beginRun('full-import');
    await store.bulkUpsert([_person(1), _person(2), _person(3)], { runId: first });
    await store.finishRun(first);
    expect((await store.get(_person(1).anchor))?.lastSeenRun).toBe(first);

    const second = await store.beginRun('full-import');
    await store.bulkUpsert([_person(1), _person(3)], { runId: second });
    const swept = await store.sweepUnseen(second);
    expect(swept.map((e) => e.anchor)).toEqual([_person(2).anchor]);
    expect(swept[0]).toMatchObject({ dn: _person(2).dn, lastSeenRun: first });
    expect(await store.get(_person(2).anchor)).toBeUndefined();
    expect(await store.count()).toBe(2);
    expect((await store.get(_person(3).anchor))?.lastSeenRun).toBe(second);
  });

  it('does not sweep entries written during the run without a run id (exports)', async () => {
    const store = await open();
    await store.upsert(_person(1));
    const run = await store.beginRun('full-import');
    await store.upsert(_person(2));
    expect((await store.get(_person(2).anchor))?.lastSeenRun).toBe(run);
    const swept = await store.sweepUnseen(run);
    expect(swept.map((e) => e.anchor)).toEqual([_person(1).anchor]);
    expect(await store.get(_person(2).anchor)).toBeDefined();
  });

  it('keeps entries seen by a later run and marks unchanged entries as seen', async () => {
    const store = await open();
    const full = await store.beginRun('full-import');
    await store.upsert(_person(1), { runId: full });
    const delta = await store.beginRun('delta-import');
    await store.upsert(_person(2), { runId: delta });
    const full2 = await store.beginRun('full-import');
    expect(await store.upsert(_person(1), { runId: full2 })).toBe('unchanged');
    expect((await store.get(_person(1).anchor))?.lastSeenRun).toBe(full2);
    expect((await store.sweepUnseen(delta)).map((e) => e.anchor)).toEqual([]);
  });

  it('deletes nothing when a sweep would exceed maxDeletes', async () => {
    const store = await open();
    await store.bulkUpsert([_person(1), _person(2), _person(3)]);
    const run = await store.beginRun('full-import');
    await store.upsert(_person(1), { runId: run });
    await expect(store.sweepUnseen(run, { maxDeletes: 1 })).rejects.toMatchObject({
      code: 'sweep-threshold',
      message: expect.stringMatching(/did not see 2 entries.*nothing was deleted/),
    });
    expect(await store.count()).toBe(3);
    expect(await store.sweepUnseen(run, { maxDeletes: 2 })).toHaveLength(2);
  });

  it('keeps one watermark per delta method', async () => {
    const store = await open();
    expect(await store.getWatermark('accesslog')).toBeUndefined();
    await store.setWatermark('accesslog', '20260101000000.000001Z#000000#000#000000');
    await store.setWatermark('changelog', '42');
    await store.setWatermark('changelog', '43');
    expect(await store.getWatermark('accesslog')).toBe('20260101000000.000001Z#000000#000#000000');
    expect(await store.getWatermark('changelog')).toBe('43');
    expect(await store.getWatermark('usn')).toBeUndefined();
  });
}
