/**
 * Worker threads for work that splits off (on the second core of an office PC): where they run and when. They
 * run the built code only (a worker script next to its caller's .js file); elsewhere (tests on the TypeScript
 * sources) the work is done in the calling thread, as it is for small inputs.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The worker script `name` beside the module at `base` (its import.meta.url), when a worker is wanted and can
 * run: `big` says whether the work is worth a thread; `JINGZHUN_WORKERS` overrides it: `never`, or `always`
 * (and `all`, which callers may read as "give the worker all the work", for tests).
 */
export function workerScript(base: string, name: string, big: boolean, env: NodeJS.ProcessEnv = process.env): string | null {
  const setting = env.JINGZHUN_WORKERS;
  if (setting === 'never' || (setting !== 'always' && setting !== 'all' && !big)) return null;
  const script = fileURLToPath(new URL(name, base));
  return existsSync(script) ? script : null;
}
