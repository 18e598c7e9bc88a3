/**
 * The V8 flags an audit process runs with: the CLI's when it restarts itself (cli/heap.ts), and the county
 * processes' of an audit by county (by-county.ts).
 */

/** How far (percent) the heap may grow past what survived a full collection before the next one. */
const HEAP_GROWING_PERCENT = 50;

/**
 * Young generation semi-space (MiB): records live long, and with V8's 16 MiB each young collection copied the
 * rows just read; 32 MiB made the 1M-resident county about 3 % faster for about 50 MiB more peak RSS.
 */
const SEMI_SPACE_MIB = 32;

/** The V8 flags of an audit process with a heap of `mib` MiB. */
export function heapFlags(mib: number): string[] {
  // --expose-gc: writeReports collects the dataset's garbage before writing (src/audit/run.ts).
  return [`--max-old-space-size=${mib}`, `--heap-growing-percent=${HEAP_GROWING_PERCENT}`, `--max-semi-space-size=${SEMI_SPACE_MIB}`, '--expose-gc'];
}
