// What the figures were measured on: they mean little without the CPU, cores, memory, runtime and load.
import { cpus, loadavg, release, totalmem, type } from 'node:os';

export function machineDescription(note: string) {
  const cores = cpus();
  return {
    cpu: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    ramGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    os: `${type()} ${release()}`,
    /** 1, 5 and 15 minute load averages when the run finished: other work on the machine slows every figure. */
    loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
    note,
  };
}
