import { expect, test } from '@jest/globals';
import { LatestJob } from '../../../src/preview/jobs.js';

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

/** A job that runs until released or aborted, as a print does. */
function job(log: string[], name: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const work = async (signal: AbortSignal) => {
    log.push(`start ${name}`);
    await Promise.race([released, new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))))]);
    log.push(`end ${name}`);
    return name;
  };
  return { work, release };
}

test('a newer job aborts the running one; a job waiting behind them is never started', async () => {
  const log: string[] = [];
  const jobs = new LatestJob<string>();
  const a = job(log, 'a');
  const b = job(log, 'b');
  const c = job(log, 'c');
  const first = jobs.run(a.work);
  await tick();
  const second = jobs.run(b.work);
  const third = jobs.run(c.work);
  await tick();
  c.release();
  expect(await first).toBeUndefined();
  expect(await second).toBeUndefined();
  expect(await third).toBe('c');
  expect(log).toEqual(['start a', 'start c', 'end c']);
});

test('a job that fails on its own reports its error; cancel() drops the running one', async () => {
  const jobs = new LatestJob<string>();
  await expect(jobs.run(async () => Promise.reject(new Error('broken')))).rejects.toThrow('broken');
  const log: string[] = [];
  const a = job(log, 'a');
  const running = jobs.run(a.work);
  await tick();
  jobs.cancel();
  expect(await running).toBeUndefined();
});
