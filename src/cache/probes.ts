import { probeImage, type ImageProbe } from '../assets/probe.js';
import { fileFingerprint, hashOf } from './keys.js';
import { cacheStore } from './store.js';
import { folioFingerprint } from './version.js';

/**
 * probeImage, remembered in the build cache under the file's fingerprint (where it leads
 * and the hash of its bytes, which the build's output keys compute anyway): a build from
 * the cache then need not load sharp, native code that took about 0.07 s of the main
 * thread while Chromium starts, to read again the cover it read before. A probe is a
 * function of the bytes and of Folio (sharp, the limits), which Folio's fingerprint covers.
 */
export async function probeRemembered(file: string, cacheDir: string | undefined): Promise<ImageProbe> {
  if (!cacheDir) return probeImage(file);
  const fingerprint = await fileFingerprint(file);
  // Only a file that was read and hashed is remembered: a missing one is probed as ever.
  if (!/:[0-9a-f]{64}$/.test(fingerprint)) return probeImage(file);
  const store = cacheStore(cacheDir);
  const key = hashOf('probes', folioFingerprint(), fingerprint);
  const kept = await store.get('probes', key);
  if (isImageProbe(kept)) return kept;
  const probe = await probeImage(file);
  await store.set('probes', key, probe);
  return probe;
}

/** An entry of the right shape; anything else is a miss. */
export function isImageProbe(value: unknown): value is ImageProbe {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  if (entry.ok === false) return typeof entry.problem === 'string';
  const size = (part: unknown) => part === undefined || (typeof part === 'number' && Number.isFinite(part) && part > 0);
  return entry.ok === true && size(entry.width) && size(entry.height);
}
