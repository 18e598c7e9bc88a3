/** What machine a benchmark ran on, printed next to its numbers. */
import os from 'node:os';

export function machineLine(): string {
  const cpus = os.cpus();
  const mem = (os.totalmem() / 1024 ** 3).toFixed(1);
  return `${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length} cores, ${mem} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
}
