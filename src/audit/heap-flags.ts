/**
 * The V8 flags an audit process runs with: the CLI's when it restarts itself (cli/heap.ts), and the county
 * processes' of an audit by county (by-county.ts).
 */

/** How far (percent) the heap may grow past what survived a full collection before the next one. */
const HEAP_GROWING_PERCENT = 50;

/**
 * The same for a county process of an audit by county (by-county.ts). Two such processes share the two cores,
 * each without a worker thread, so the threads V8 marks the heap on take their time from the other county.
 * Growing by 100 % between full collections cut the CPU of one prefecture county (all threads) from 76 to
 * 65–67 s (its main thread 50.5–51 → 46–48 s, V8's helper threads 25 → 18–19 s) at about the same peak RSS
 * (1.0 GB); four counties on two processes took 136 and 143 s instead of 165 and 170 s (runs alternated). On
 * the county audit's main thread, with its worker thread, the change was not measurable.
 */
const COUNTY_HEAP_GROWING_PERCENT = 100;

/**
 * Young generation semi-space (MiB): records live long, and with V8's 16 MiB each young collection copied the
 * rows just read; 32 MiB made the 1M-resident county about 3 % faster for about 50 MiB more peak RSS.
 */
const SEMI_SPACE_MIB = 32;

/** The V8 flags of an audit process with a heap of `mib` MiB (`county`: a county process of an audit by county). */
export function heapFlags(mib: number, county = false): string[] {
  const growing = county ? COUNTY_HEAP_GROWING_PERCENT : HEAP_GROWING_PERCENT;
  // --expose-gc: writeReports collects the dataset's garbage before writing (src/audit/run.ts).
  return [`--max-old-space-size=${mib}`, `--heap-growing-percent=${growing}`, `--max-semi-space-size=${SEMI_SPACE_MIB}`, '--expose-gc'];
}
